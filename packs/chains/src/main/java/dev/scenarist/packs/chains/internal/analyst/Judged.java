package dev.scenarist.packs.chains.internal.analyst;

import dev.scenarist.packs.chains.Status;
import dev.scenarist.packs.chains.internal.run.ScenarioRun;
import java.util.List;

/**
 * The final status of a scenario and of a pack: the deterministic status first; a scenario whose checks all passed is
 * accepted only if the analyst's score for it meets the gate with no open P0; a pack is accepted when the verdict is.
 */
public final class Judged {
    private Judged() {}

    public record Outcome(Status status, String reason, int score) {}

    public static Outcome scenario(ScenarioRun run, Verdict v) {
        int score = v.scores().perScenario().getOrDefault(run.scenario().id(), 0);
        if (run.status() == Status.ACCEPTED && !v.accepted(run.scenario().id())) {
            return new Outcome(Status.PARTIAL, "every check passed, but the analyst (" + v.analyst() + ") scored " + score + " against gate "
                    + v.scores().gate() + (v.defects().stream().anyMatch(d -> d.priority() == dev.scenarist.packs.chains.pool.Priority.P0
                    && run.scenario().id().equals(d.at().scenarioId())) ? " with an open P0" : ""), score);
        }
        return new Outcome(run.status(), run.status() == Status.ACCEPTED ? run.reason() + "; analyst score " + score : run.reason(), score);
    }

    public static Outcome pack(List<ScenarioRun> runs, Verdict v) {
        int score = v.scores().score();
        if (v.accepted()) return new Outcome(Status.ACCEPTED, "gate met: score " + score + " ≥ " + v.scores().gate() + ", no open P0", score);
        String why = "gate not met: score " + score + (score >= v.scores().gate() ? " ≥ " : " < ") + v.scores().gate() + ", " + v.openP0() + " open P0";
        if (runs.stream().allMatch(r -> r.status() == Status.BLOCKED)) return new Outcome(Status.BLOCKED, "every scenario is blocked; " + why, score);
        boolean partial = runs.stream().anyMatch(r -> r.status() == Status.PARTIAL || r.status() == Status.BLOCKED);
        if (!partial && runs.stream().anyMatch(r -> r.status() == Status.NEEDS_EXACT_CAPABILITY)) {
            return new Outcome(Status.NEEDS_EXACT_CAPABILITY, "some scenarios need a capability the assistant lacks; " + why, score);
        }
        return new Outcome(Status.PARTIAL, why, score);
    }
}
