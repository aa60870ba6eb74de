package dev.scenarist.packs.mechanisms.internal.checks;

import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.CheckContext;
import dev.scenarist.packs.mechanisms.internal.validation.StageReport;
import dev.scenarist.packs.mechanisms.internal.validation.TemplateBuild;
import java.util.function.Function;

/**
 * One in-process validation stage over every built variant, reported as a check: {@code mjcf-static} (strict
 * static MJCF validation: MuJoCo's schema, references, sizes, masses, mesh files) or {@code mesh} (every STL:
 * watertight, manifold, consistently oriented, positive volume, no self-intersections). Findings name the variant.
 */
public final class VariantsStageCheck implements Check {
    private final VariantsSetup setup;
    private final String name;
    private final Function<TemplateBuild, StageReport> stage;

    private VariantsStageCheck(VariantsSetup setup, String name, Function<TemplateBuild, StageReport> stage) {
        this.setup = setup;
        this.name = name;
        this.stage = stage;
    }

    static VariantsStageCheck staticMjcf(VariantsSetup setup) {
        return new VariantsStageCheck(setup, "mjcf-static", TemplateBuild::staticStage);
    }

    static VariantsStageCheck meshes(VariantsSetup setup) {
        return new VariantsStageCheck(setup, "mesh", TemplateBuild::meshStage);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int tier() {
        return TIER_PROCESS;
    }

    @Override
    public CheckResult run(CheckContext ctx) throws InterruptedException {
        return switch (setup.built(ctx)) {
            case VariantsSetup.Built.Stop s -> s.result();
            case VariantsSetup.Built.Ok ok -> CheckResult.of(stage.apply(ok.build()).variants().stream().flatMap(v -> v.findings().stream()).toList());
        };
    }
}
