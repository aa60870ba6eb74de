package dev.scenarist.packs.mechanisms.checks;

import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.CheckContext;

/** Every STL of every variant: watertight, manifold, consistently oriented, positive volume, no self-intersections. Findings name the variant. */
public final class VariantsMeshCheck implements Check {
    private final VariantsSetup setup;

    VariantsMeshCheck(VariantsSetup setup) {
        this.setup = setup;
    }

    @Override
    public String name() {
        return "mesh";
    }

    @Override
    public int tier() {
        return TIER_PROCESS;
    }

    @Override
    public CheckResult run(CheckContext ctx) throws InterruptedException {
        return switch (setup.built(ctx)) {
            case VariantsSetup.Built.Stop s -> s.result();
            case VariantsSetup.Built.Ok ok -> CheckResult.of(ok.build().meshStage().variants().stream().flatMap(v -> v.findings().stream()).toList());
        };
    }
}
