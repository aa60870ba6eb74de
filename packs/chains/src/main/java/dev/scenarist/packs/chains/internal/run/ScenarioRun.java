package dev.scenarist.packs.chains.internal.run;

import dev.scenarist.packs.chains.Status;
import dev.scenarist.packs.chains.pool.ChainScenario;
import java.util.List;
import java.util.stream.Stream;

/**
 * A scenario's passes (one per wording, each in its own session) and the status its deterministic checks give it:
 * the worst step's (blocked over partial over needs_exact_capability over accepted), with that step's reason.
 */
public record ScenarioRun(ChainScenario scenario, List<ChainPass.Result> passes, Status status, String reason) {

    public static ScenarioRun of(ChainScenario scenario, List<ChainPass.Result> passes) {
        Status worst = Status.ACCEPTED;
        String reason = "";
        for (StepRun s : steps(passes).toList()) {
            Status st = s.verdict().status();
            if (Status.worst(worst, st) != worst || (reason.isEmpty() && st != Status.ACCEPTED)) {
                worst = Status.worst(worst, st);
                reason = s.ref().folder() + ": " + s.verdict().reason();
            }
        }
        if (worst == Status.ACCEPTED) {
            reason = "every step accepted in " + passes.size() + " wording(s) (" + steps(passes).count() + " step runs)";
        }
        return new ScenarioRun(scenario, List.copyOf(passes), worst, reason);
    }

    /** A scenario that could not be run at all (an internal error): blocked, and the pack goes on with the others. */
    public static ScenarioRun crashed(ChainScenario scenario, RuntimeException e) {
        return new ScenarioRun(scenario, List.of(), Status.BLOCKED, "the run failed: " + e);
    }

    public Stream<StepRun> steps() {
        return steps(passes);
    }

    private static Stream<StepRun> steps(List<ChainPass.Result> passes) {
        return passes.stream().flatMap(p -> p.steps().stream());
    }

    /** The target was down for this scenario: nothing answered at all. */
    public boolean targetDown() {
        return status == Status.BLOCKED && !passes.isEmpty() && steps().allMatch(s -> s.verdict().cause() == StepRun.Cause.TRANSPORT
                || s.verdict().cause() == StepRun.Cause.UPSTREAM) && steps().anyMatch(s -> s.verdict().cause() == StepRun.Cause.TRANSPORT);
    }
}
