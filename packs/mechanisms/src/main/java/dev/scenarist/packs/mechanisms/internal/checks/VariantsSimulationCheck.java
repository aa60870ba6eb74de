package dev.scenarist.packs.mechanisms.internal.checks;

import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.CheckContext;
import dev.scenarist.packs.mechanisms.internal.validation.TemplateBuild;

/**
 * Every variant loads in the simulator and stays sound for the limits' duration at the model's own timestep: no
 * load error or warning, no NaN, no body faster than the speed limit, no initial interpenetration, nothing leaving
 * the bounds. A simulator that cannot run is an infrastructure error (retried), never a verdict on the template.
 */
public final class VariantsSimulationCheck implements Check {
    private final VariantsSetup setup;

    VariantsSimulationCheck(VariantsSetup setup) {
        this.setup = setup;
    }

    @Override
    public String name() {
        return "simulation";
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
                case TemplateBuild.Result.Ok<dev.scenarist.packs.mechanisms.internal.validation.StageReport> r ->
                        CheckResult.of(r.value().variants().stream().flatMap(v -> v.findings().stream()).toList());
            };
        };
    }
}
