package dev.scenarist.packs.mechanisms.internal.export;

import dev.scenarist.core.model.Finding;
import dev.scenarist.core.model.Json;
import dev.scenarist.core.pack.ScenarioAssembly;
import dev.scenarist.core.workspace.Workspace;
import dev.scenarist.packs.mechanisms.internal.checks.TemplateSourceCheck;
import dev.scenarist.packs.mechanisms.internal.checks.VariantsSetup;
import dev.scenarist.packs.mechanisms.internal.plan.Plan;
import dev.scenarist.packs.mechanisms.internal.task.TaskFiles;
import dev.scenarist.packs.mechanisms.internal.task.TaskJson;
import dev.scenarist.packs.mechanisms.internal.task.TaskPlayer;
import dev.scenarist.packs.mechanisms.internal.task.TaskProof;
import dev.scenarist.packs.mechanisms.internal.task.TaskProofStage;
import dev.scenarist.packs.mechanisms.internal.validation.BuildOutcome;
import dev.scenarist.packs.mechanisms.internal.validation.SimulationMeasures;
import dev.scenarist.packs.mechanisms.internal.validation.StageReport;
import dev.scenarist.packs.mechanisms.internal.validation.TemplateBuild;
import dev.scenarist.packs.mechanisms.internal.validation.TemplateValidator;
import dev.scenarist.packs.mechanisms.internal.validation.VariantFiles;
import dev.scenarist.packs.mechanisms.internal.validation.VariantVerdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lays out an accepted template as a benchmark: for every variant {@code scene_<seed>.xml}, its
 * {@code meshes/*_<seed>.stl}, {@code manifest_<seed>.json} (id, tier, description, parameters, seed, scale, the
 * validation report with the measured maximum speed and simulated time, and the task's proof with the reference's
 * margin), {@code images/preview_<seed>.png} and, for a template with a task, {@code task_<seed>.json} with its
 * {@code reference_<seed>.json} (and {@code wrong_<seed>.json}), the two schemas once beside them.
 * The numbers come from the run's own validation (its artifacts); if those are gone, the variants are validated again.
 */
public final class BenchmarkExport {
    private final VariantsSetup setup;
    private final Previewer previewer;

    public BenchmarkExport(VariantsSetup setup, Previewer previewer) {
        this.setup = setup;
        this.previewer = previewer;
    }

    public void assemble(ScenarioAssembly a) throws InterruptedException {
        Workspace ws = a.workspace();
        String source = ws.read(TemplateSourceCheck.FILE).orElseThrow(() -> new IllegalStateException("an accepted mechanisms scenario has no template.java"));
        Optional<Plan> plan = VariantsSetup.plan(ws);
        var draws = setup.draws(a.run().seed(), plan);
        TemplateBuild build = TemplateValidator.existing(a.artifacts(), source, draws).orElse(null);
        if (build == null) {
            build = switch (setup.validator().build(ws, source, draws, a.artifacts())) {
                case BuildOutcome.Built b -> b.build();
                case BuildOutcome.Rejected r -> throw new IllegalStateException("the accepted template no longer builds: " + r.findings());
                case BuildOutcome.Unavailable u -> throw new IllegalStateException("the sandbox is unavailable: " + u.reason());
            };
        }
        StageReport statics = build.staticStage();
        StageReport meshes = build.meshStage();
        StageReport simulation = switch (build.simulationStage(setup.stability())) {
            case TemplateBuild.Result.Ok<StageReport> ok -> ok.value();
            case TemplateBuild.Result.Unavailable<StageReport> u -> throw new IllegalStateException("the simulator is unavailable: " + u.reason());
        };
        List<TaskProof> proofs = switch (new TaskProofStage(new TaskPlayer(setup.simulator())).run(build, simulation)) {
            case TaskProofStage.Result.Proven p -> p.proofs();
            case TaskProofStage.Result.Unavailable u -> throw new IllegalStateException("MuJoCo is unavailable to prove the task: " + u.reason());
        };
        try {
            Files.createDirectories(a.target().resolve("meshes"));
            if (proofs.stream().anyMatch(TaskProof::hasTask)) {
                for (String schema : List.of(TaskJson.TASK_SCHEMA, TaskJson.SOLUTION_SCHEMA)) {
                    try (var in = TaskJson.class.getResourceAsStream("/mechanisms/" + schema)) {
                        Files.write(a.target().resolve(schema), in.readAllBytes());
                    }
                }
            }
            Files.createDirectories(a.target().resolve("images"));
            long buildMillisPerVariant = build.report().millis() / Math.max(1, build.report().variants().size());
            for (VariantFiles v : build.report().variants()) {
                Path scene = a.target().resolve(v.scene());
                Files.copy(build.folder().resolve(v.scene()), scene);
                for (String mesh : v.meshes()) Files.copy(build.folder().resolve(mesh), a.target().resolve(mesh));
                String preview = "images/preview_" + v.seed() + ".png";
                Path task = build.folder().resolve(TaskFiles.task(v.seed()));
                previewer.render(scene, Files.isRegularFile(task) ? Optional.of(task) : Optional.empty(),
                        a.target().resolve(preview));
                Map<String, Object> m = manifest(a, plan, build, v, preview);
                Map<String, Object> validation = new LinkedHashMap<>();
                validation.put("passed", true);
                validation.put("build", Map.of("millis", buildMillisPerVariant, "sandbox", "bubblewrap, no network, time and memory limits"));
                validation.put("static", stage(statics, v.seed()));
                validation.put("mesh", stage(meshes, v.seed()));
                Map<String, Object> sim = stage(simulation, v.seed());
                verdict(simulation, v.seed()).map(VariantVerdict::simulation).ifPresent(s -> sim.putAll(measures(s)));
                validation.put("simulation", sim);
                m.put("validation", validation);
                Path folder = build.folder();
                proofs.stream().filter(p -> p.seed() == v.seed() && p.hasTask()).findFirst()
                        .ifPresent(p -> m.put("task", task(folder, a.target(), p)));
                Files.writeString(a.target().resolve("manifest_" + v.seed() + ".json"), Json.pretty(m), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lay out scenario " + a.scenarioId(), e);
        }
    }

    private static Map<String, Object> manifest(ScenarioAssembly a, Optional<Plan> plan, TemplateBuild build, VariantFiles v, String preview) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.scenarioId());
        m.put("tier", build.report().template().tier());
        m.put("kind", plan.map(Plan::kind).orElse(build.report().template().id()));
        m.put("title", plan.map(Plan::title).orElse(build.report().template().title()));
        m.put("description", build.report().template().description());
        plan.ifPresent(p -> m.put("learning_objective", p.learningObjective()));
        Map<String, Object> parameters = new LinkedHashMap<>(a.run().parameters());
        plan.filter(p -> !p.design().isEmpty()).ifPresent(p -> parameters.put("design", p.design()));
        m.put("parameters", parameters);
        m.put("seed", v.seed());
        m.put("run_seed", a.run().seed());
        m.put("scale", v.scale());
        m.put("template", Map.of("file", TemplateSourceCheck.FILE, "class", TemplateValidator.className(a.workspace().read(TemplateSourceCheck.FILE).orElse("")).orElse(""),
                "id", build.report().template().id()));
        m.put("scene", v.scene());
        m.put("meshes", v.meshes());
        m.put("preview", preview);
        return m;
    }

    /**
     * Copies the variant's task and solutions beside its scene and says in the manifest how they were proven: the
     * reference's verdict and margin (how far inside the goal it stayed for the whole hold, and the time it had to
     * spare), and how far doing nothing (and the wrong solution) stayed from the goal.
     */
    private static Map<String, Object> task(Path buildFolder, Path target, TaskProof p) {
        Map<String, Object> out = new LinkedHashMap<>();
        try {
            for (String f : List.of(TaskFiles.task(p.seed()), TaskFiles.solution("reference", p.seed()), TaskFiles.solution("wrong", p.seed()))) {
                if (Files.exists(buildFolder.resolve(f))) Files.copy(buildFolder.resolve(f), target.resolve(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the task files of seed " + p.seed(), e);
        }
        out.put("file", TaskFiles.task(p.seed()));
        out.put("schema", TaskJson.TASK_SCHEMA);
        out.put("solution_schema", TaskJson.SOLUTION_SCHEMA);
        Map<String, Object> reference = new LinkedHashMap<>();
        reference.put("file", TaskFiles.solution("reference", p.seed()));
        reference.put("passed", p.reference() != null && p.reference().passed());
        TaskProof.Margin margin = p.margin();
        if (margin != null) reference.put("margin", Map.of("depth_m", margin.depthMetres(), "time_to_spare_s", margin.timeToSpareSeconds()));
        out.put("reference", reference);
        if (p.noop() != null) out.put("noop", Map.of("passed", p.noop().passed(), "best_depth_m", p.noop().measures().bestDepth(),
                "initial_depth_m", p.noop().measures().initialDepth()));
        if (p.wrong() != null) out.put("wrong", Map.of("file", TaskFiles.solution("wrong", p.seed()), "passed", p.wrong().passed(),
                "best_depth_m", p.wrong().measures().bestDepth()));
        return out;
    }

    private static Optional<VariantVerdict> verdict(StageReport stage, long seed) {
        return stage.variants().stream().filter(x -> x.seed() == seed).findFirst();
    }

    private static Map<String, Object> stage(StageReport stage, long seed) {
        Map<String, Object> out = new LinkedHashMap<>();
        var v = verdict(stage, seed);
        out.put("passed", v.map(VariantVerdict::passed).orElse(false));
        out.put("millis", v.map(VariantVerdict::millis).orElse(0L));
        List<Finding> notes = v.map(VariantVerdict::findings).orElse(List.of());
        if (!notes.isEmpty()) out.put("findings", notes);
        return out;
    }

    private static Map<String, Object> measures(SimulationMeasures s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("engine", s.engine());
        out.put("timestep", s.timestep());
        out.put("steps", s.steps());
        out.put("simulated_seconds", s.simulatedSeconds());
        out.put("max_body_speed", s.maxBodySpeed());
        out.put("max_body_speed_body", s.maxBodySpeedBody());
        out.put("max_body_speed_time", s.maxBodySpeedTime());
        out.put("speed_limit", s.speedLimit());
        out.put("initial_penetration", s.initialPenetration());
        out.put("initial_contacts", s.initialContacts());
        if (!s.approximations().isEmpty()) out.put("approximations", s.approximations());
        return out;
    }
}
