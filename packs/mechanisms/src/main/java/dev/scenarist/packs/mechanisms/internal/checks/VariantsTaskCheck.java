package dev.scenarist.packs.mechanisms.internal.checks;

import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.CheckContext;
import dev.scenarist.packs.mechanisms.internal.task.TaskPlayer;
import dev.scenarist.packs.mechanisms.internal.task.TaskProof;
import dev.scenarist.packs.mechanisms.internal.task.TaskProofStage;
import dev.scenarist.packs.mechanisms.internal.validation.StageReport;
import dev.scenarist.packs.mechanisms.internal.validation.TemplateBuild;

/**
 * Every simulated variant's task is proven in MuJoCo: its reference solution passes, doing nothing fails, its declared
 * wrong solution fails, and the subject does not start in the goal. A scene without a task is a warning; a template
 * that declares a task without a reference does not build. MuJoCo not running is an infrastructure error.
 */
public final class VariantsTaskCheck implements Check {
    private final VariantsSetup setup;

    VariantsTaskCheck(VariantsSetup setup) {
        this.setup = setup;
    }

    @Override
    public String name() {
        return "task-proof";
    }

    @Override
    public int tier() {
        return TIER_EXPENSIVE;
    }

    @Override
    public CheckResult run(CheckContext ctx) throws InterruptedException {
        return switch (setup.built(ctx)) {
            case VariantsSetup.Built.Stop s -> s.result();
            case VariantsSetup.Built.Ok ok -> switch (ok.build().simulationStage(setup.stability())) {
                case TemplateBuild.Result.Unavailable<?> u -> CheckResult.errored(setup.simulator().engine() + " is not available: " + u.reason());
                case TemplateBuild.Result.Ok<StageReport> r -> switch (new TaskProofStage(new TaskPlayer(setup.simulator())).run(ok.build(), r.value())) {
                    case TaskProofStage.Result.Unavailable u -> CheckResult.errored("MuJoCo is not available to prove the task: " + u.reason());
                    case TaskProofStage.Result.Proven p -> CheckResult.of(p.proofs().stream().flatMap(x -> x.findings().stream()).toList());
                };
            };
        };
    }
}
