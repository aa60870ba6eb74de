package dev.scenarist.packs.mechanisms.internal.checks;

import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.model.Json;
import dev.scenarist.core.pack.CheckContext;
import dev.scenarist.packs.mechanisms.internal.plan.Plan;
import dev.scenarist.packs.mechanisms.internal.sim.SimulationLimits;
import dev.scenarist.packs.mechanisms.internal.sim.Simulator;
import dev.scenarist.packs.mechanisms.internal.task.NoopPlayStability;
import dev.scenarist.packs.mechanisms.internal.template.Randomizer;
import dev.scenarist.packs.mechanisms.internal.validation.BuildOutcome;
import dev.scenarist.packs.mechanisms.internal.validation.StabilityRun;
import dev.scenarist.packs.mechanisms.internal.validation.TemplateBuild;
import dev.scenarist.packs.mechanisms.internal.validation.TemplateValidator;
import java.util.List;
import java.util.Optional;

/**
 * What the variant checks share: the validator, the simulator and its limits, and how many variants a template is
 * tried on. The variants come from the run's seed and the plan's scale limits, so every check of a run (and the
 * export) addresses the same build.
 */
public record VariantsSetup(TemplateValidator validator, Simulator simulator, SimulationLimits limits, int variants) {
    public static final int DEFAULT_VARIANTS = 5;

    public VariantsSetup {
        if (variants < 1 || variants > 100) throw new IllegalArgumentException("variants per template must be 1..100, got " + variants);
    }

    /** The five checks, cheapest first: build in the sandbox, static MJCF, meshes, simulation, the task proof. */
    public List<dev.scenarist.core.pack.Check> checks() {
        return List.of(new VariantsBuildCheck(this), VariantsStageCheck.staticMjcf(this), VariantsStageCheck.meshes(this), new VariantsSimulationCheck(this),
                new VariantsTaskCheck(this));
    }

    /**
     * Each variant's stability run: answered by its task's no-op play where it can be (MuJoCo, a task at least as long
     * as the run), which the task proof then judges instead of replaying; simulated on its own otherwise.
     */
    public StabilityRun stability() {
        return new NoopPlayStability(simulator, limits);
    }

    public List<Randomizer.Draw> draws(long runSeed, Optional<Plan> plan) {
        return Randomizer.draws(runSeed, variants, plan.map(Plan::limits).orElse(Randomizer.Limits.DEFAULT));
    }

    /** The plan of this run, when it has a readable one (the plan check has judged it). */
    public static Optional<Plan> plan(dev.scenarist.core.workspace.Workspace ws) {
        try {
            return ws.read(Plan.FILE).map(t -> Json.read(t, Plan.class));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The build of this attempt's template: built, or a result to return at once. */
    sealed interface Built {
        record Ok(TemplateBuild build) implements Built {}

        record Stop(CheckResult result) implements Built {}
    }

    /** For the checks after the build: a template that does not build is reported once, by the build check. */
    Built built(CheckContext ctx) throws InterruptedException {
        Built b = build(ctx);
        if (b instanceof Built.Stop stop && stop.result() instanceof CheckResult.Failed) {
            return new Built.Stop(CheckResult.failed(Finding.error("NOT_BUILT", "not checked: the template does not build (see the template-build check)",
                    "template.java", "")));
        }
        return b;
    }

    Built build(CheckContext ctx) throws InterruptedException {
        var source = ctx.workspace().read(TemplateSourceCheck.FILE);
        if (source.isEmpty()) return new Built.Stop(CheckResult.failed(Finding.error("NO_TEMPLATE", "no template.java", "template.java", "write the template")));
        var draws = draws(ctx.run().seed(), plan(ctx.workspace()));
        return switch (validator.build(ctx.workspace(), source.get(), draws, ctx.artifacts())) {
            // no sandbox on this machine: permanent, so the run stops instead of retrying for minutes; a compiler killed
            // from outside is retried like any infrastructure failure
            case BuildOutcome.Unavailable u -> new Built.Stop(u.permanent()
                    ? CheckResult.unavailable("the sandbox could not run the template: " + u.reason())
                    : CheckResult.errored("the template could not be built: " + u.reason()));
            case BuildOutcome.Rejected r -> new Built.Stop(CheckResult.of(r.findings()));
            case BuildOutcome.Built b -> new Built.Ok(b.build());
        };
    }
}
