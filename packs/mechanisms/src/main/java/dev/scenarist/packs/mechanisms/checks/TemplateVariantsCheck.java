package dev.scenarist.packs.mechanisms.checks;

import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.CheckContext;
import dev.scenarist.packs.mechanisms.mesh.MeshChecker;
import dev.scenarist.packs.mechanisms.mjcf.MjcfValidator;
import dev.scenarist.packs.mechanisms.sim.SimulationLimits;
import dev.scenarist.packs.mechanisms.sim.SimulationOutcome;
import dev.scenarist.packs.mechanisms.sim.Simulator;
import dev.scenarist.packs.mechanisms.template.Randomizer;
import dev.scenarist.packs.mechanisms.template.SandboxedTemplateRunner;
import dev.scenarist.packs.mechanisms.template.TemplateBuildResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A template is accepted only if every variant passes: for K seeds with random non-uniform scales, the template is
 * compiled and run in the sandbox, and each scene it writes goes through strict static MJCF validation, the mesh
 * checks and 1 s in MuJoCo. Findings name the variant (seed and scale), so the author knows which one broke.
 * The template file is {@code template.java}; its public class is named by the first {@code public class X}.
 */
public final class TemplateVariantsCheck implements Check {
    public static final String SOURCE = "template.java";
    private final SandboxedTemplateRunner runner;
    private final Simulator simulator;
    private final SimulationLimits limits;
    private final int variants;
    private final Randomizer.Limits scaleLimits;
    private final MjcfValidator mjcf = new MjcfValidator();

    public TemplateVariantsCheck(SandboxedTemplateRunner runner, Simulator simulator, SimulationLimits limits, int variants,
                                 Randomizer.Limits scaleLimits) {
        this.runner = runner;
        this.simulator = simulator;
        this.limits = limits;
        this.variants = variants;
        this.scaleLimits = scaleLimits;
    }

    @Override
    public String name() {
        return "template-variants";
    }

    @Override
    public int tier() {
        return TIER_EXPENSIVE;
    }

    @Override
    public CheckResult run(CheckContext ctx) throws InterruptedException {
        var source = ctx.workspace().read(SOURCE);
        if (source.isEmpty()) return CheckResult.failed(Finding.error("NO_TEMPLATE", "no " + SOURCE + " to build", SOURCE, "write the template"));
        var className = java.util.regex.Pattern.compile("public\\s+(?:final\\s+)?class\\s+(\\w+)").matcher(source.get());
        if (!className.find()) {
            return CheckResult.failed(Finding.error("NO_TEMPLATE_CLASS", SOURCE + " declares no public class", SOURCE,
                    "declare 'public class Name implements Template'"));
        }
        // javac wants the file named after its public class: build from a copy with that name
        String javaFile = className.group(1) + ".java";
        ctx.workspace().write(javaFile, source.get());
        List<Finding> findings = new ArrayList<>();
        try {
            for (var draw : Randomizer.draws(ctx.run().seed(), variants, scaleLimits)) {
                String variant = String.format(Locale.ROOT, "variant seed=%d scale=%s", draw.seed(), Arrays.toString(draw.scale()));
                String out = "variants/" + draw.seed();
                switch (runner.build(ctx.workspace().root(), javaFile, className.group(1), draw.seed(), draw.scale(), out)) {
                    case TemplateBuildResult.Unavailable u -> {
                        return CheckResult.errored("the sandbox could not run the template: " + u.reason());
                    }
                    case TemplateBuildResult.Rejected r -> {
                        r.findings().forEach(f -> findings.add(f.withHint(variant + (f.hint().isEmpty() ? "" : "; " + f.hint()))));
                        return CheckResult.of(findings); // a template that does not build fails every variant alike
                    }
                    case TemplateBuildResult.Built b -> {
                        var xml = ctx.workspace().resolve(out + "/scene_" + draw.seed() + ".xml");
                        List<Finding> mine = new ArrayList<>(mjcf.validate(xml));
                        for (String f : b.files()) {
                            if (f.endsWith(".stl")) MeshChecker.exact().inspect(ctx.workspace().resolve(f), f).findings().forEach(mine::add);
                        }
                        if (mine.stream().noneMatch(Finding::isError)) {
                            switch (simulator.simulate(xml, limits)) {
                                case SimulationOutcome.Unavailable u -> {
                                    return CheckResult.errored("MuJoCo is not available: " + u.reason());
                                }
                                case SimulationOutcome.LoadFailed f -> mine.add(Finding.error("MUJOCO_LOAD", f.message(), out, ""));
                                case SimulationOutcome.SimulationFailed f -> mine.add(Finding.error("MUJOCO_SIMULATION", f.message(), out, ""));
                                case SimulationOutcome.Simulated ok -> ok.report().problems()
                                        .forEach(p -> mine.add(Finding.error("MUJOCO_UNSTABLE", p, out, "")));
                            }
                        }
                        mine.forEach(f -> findings.add(f.isError() ? f.withHint(variant + (f.hint().isEmpty() ? "" : "; " + f.hint())) : f));
                    }
                }
            }
        } finally {
            if (!javaFile.equals(SOURCE)) ctx.workspace().delete(javaFile);
        }
        return CheckResult.of(findings);
    }
}
