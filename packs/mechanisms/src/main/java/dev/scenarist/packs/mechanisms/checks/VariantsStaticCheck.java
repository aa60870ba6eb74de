package dev.scenarist.packs.mechanisms.checks;

import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.CheckContext;

/** Strict static MJCF validation of every variant's scene (MuJoCo's schema, references, sizes, masses, mesh files). Findings name the variant. */
public final class VariantsStaticCheck implements Check {
    private final VariantsSetup setup;

    VariantsStaticCheck(VariantsSetup setup) {
        this.setup = setup;
    }

    @Override
    public String name() {
        return "mjcf-static";
    }

    @Override
    public int tier() {
        return TIER_PROCESS;
    }

    @Override
    public CheckResult run(CheckContext ctx) throws InterruptedException {
        return switch (setup.built(ctx)) {
            case VariantsSetup.Built.Stop s -> s.result();
            case VariantsSetup.Built.Ok ok -> CheckResult.of(ok.build().staticStage().variants().stream().flatMap(v -> v.findings().stream()).toList());
        };
    }
}
