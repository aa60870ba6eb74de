package dev.scenarist.packs.mechanisms;

import dev.scenarist.core.author.Author;
import dev.scenarist.core.pack.Capabilities;
import dev.scenarist.core.pack.DatasetGrouping;
import dev.scenarist.core.pack.FileFormat;
import dev.scenarist.core.pack.MachineNeeds;
import dev.scenarist.core.pack.OutputFile;
import dev.scenarist.core.pack.Pack;
import dev.scenarist.core.pack.PackOptions;
import dev.scenarist.core.pack.Pipeline;
import dev.scenarist.core.pack.ScenarioAssembler;
import dev.scenarist.core.pack.ScenarioAssembly;
import dev.scenarist.core.pack.ScenarioSummary;
import dev.scenarist.core.pack.Stage;
import dev.scenarist.core.pack.StagePolicy;
import dev.scenarist.core.pack.ValidationPlan;
import dev.scenarist.core.workspace.Workspace;
import dev.scenarist.packs.mechanisms.internal.checks.MeshFilesCheck;
import dev.scenarist.packs.mechanisms.internal.checks.MjcfStaticCheck;
import dev.scenarist.packs.mechanisms.internal.checks.MujocoSimulationCheck;
import dev.scenarist.packs.mechanisms.internal.checks.SceneRules;
import dev.scenarist.packs.mechanisms.internal.checks.TemplateSourceCheck;
import dev.scenarist.packs.mechanisms.internal.checks.VariantsSetup;
import dev.scenarist.packs.mechanisms.internal.export.BenchmarkExport;
import dev.scenarist.packs.mechanisms.internal.export.Previewer;
import dev.scenarist.packs.mechanisms.internal.offline.DesignSpace;
import dev.scenarist.packs.mechanisms.internal.offline.LibraryAuthor;
import dev.scenarist.packs.mechanisms.internal.offline.LibraryTemplate;
import dev.scenarist.packs.mechanisms.internal.offline.TemplateLibrary;
import dev.scenarist.packs.mechanisms.internal.plan.Plan;
import dev.scenarist.packs.mechanisms.internal.preview.PreviewRenderer;
import dev.scenarist.packs.mechanisms.internal.plan.PlanCheck;
import dev.scenarist.packs.mechanisms.internal.sim.SimulationLimits;
import dev.scenarist.packs.mechanisms.internal.sim.Simulator;
import dev.scenarist.packs.mechanisms.internal.sim.Simulators;
import dev.scenarist.packs.mechanisms.internal.template.Randomizer;
import dev.scenarist.packs.mechanisms.internal.template.SandboxedTemplateRunner;
import dev.scenarist.packs.mechanisms.internal.template.TemplateMain;
import dev.scenarist.packs.mechanisms.internal.validation.TemplateValidator;
import dev.scenarist.sandbox.Sandbox;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Physics benchmark scenarios checked in MuJoCo. A scenario is a parametric template — Java source against the
 * scene API — that the randomizer turns into K validated variants (seed × non-uniform scale):
 * {@code plan} (requirements, learning objective, self-verification, scale limits) → {@code code} (the template;
 * checked by reading it, then compiled and built in the sandbox for every variant) → {@code review} (a critic reads
 * plan and code) → {@code validate} (static MJCF, meshes, 1 s of simulation for every variant; on failure the
 * findings go back to the author, who repairs the code). Accepted scenarios carry every variant's scene, meshes,
 * manifest with measured numbers, and a preview image; {@code promote} moves them to
 * {@code datasets/mechanisms/tier<T>/<id>/}.
 */
public final class MechanismsPack implements Pack, PackOptions, ScenarioAssembler, ValidationPlan, DatasetGrouping, MachineNeeds,
        AutoCloseable {
    public static final String TIER_OPTION = "tier";
    static final Map<Integer, String> TIER_NAMES = Map.of(1, "static spatial", 2, "kinematic", 3, "actuated multi-body");

    private final List<dev.scenarist.core.pack.Requirement> requirements;
    /** Read on first use: validating a model file needs no template (reading them cost ~0.2 s of its start). */
    private TemplateLibrary library; // guarded by this
    private String context; // guarded by this
    private final VariantsSetup setup;
    private final BenchmarkExport export;
    private final Pipeline pipeline;
    /** Kept to be closed: it holds the sandboxed compile server. */
    private final SandboxedTemplateRunner runner;

    /**
     * The pack as the application wires it: the simulator {@code settings} select, the given sandbox (the
     * application's, located on its PATH), templates compiled and run by {@code javaHome} (the JDK running Scenarist),
     * K = 5 variants per template.
     */
    public MechanismsPack(MechanismsSettings settings, Sandbox sandbox, Path javaHome) {
        this(Simulators.select(settings).simulator(), sandbox, javaHome);
    }

    MechanismsPack(Simulator simulator, Sandbox sandbox, Path javaHome) {
        this(simulator, trained(SandboxedTemplateRunner.forThisJvm(sandbox, javaHome, TemplateMain.class.getName())), VariantsSetup.DEFAULT_VARIANTS);
    }

    /** The build JVM trained on the library's last (highest-tier) template: trusted code, never a model's. */
    private static SandboxedTemplateRunner trained(SandboxedTemplateRunner runner) {
        return runner.trainedOn(() -> {
            var t = TemplateLibrary.bundled().all().getLast();
            return Map.entry(t.className(), t.source());
        }, Randomizer.draws(1, VariantsSetup.DEFAULT_VARIANTS, Randomizer.Limits.DEFAULT));
    }

    MechanismsPack(Simulator simulator, SandboxedTemplateRunner runner, int variants) {
        this(simulator, runner, variants, new PreviewRenderer()::render);
    }

    MechanismsPack(Simulator simulator, SandboxedTemplateRunner runner, int variants, Previewer previewer) {
        this.runner = runner;
        this.requirements = MechanismsRequirements.of(simulator, runner.javaHome());
        this.setup = new VariantsSetup(new TemplateValidator(runner), simulator, SimulationLimits.defaults(), variants);
        this.export = new BenchmarkExport(setup, previewer);
        var plan = new Stage.AuthorStage("plan", """
                Plan one parametric template for a tier {{tier}} ({{tier_name}}) physics benchmark. Theme: {{kind_title}}.
                {{theme}}

                Write plan.json: {"tier": {{tier}}, "kind": short id, "title", "learning_objective": what an agent must \
                understand to solve it, "geometric_requirements": [...], "self_verification": [what the 1 s simulation \
                must show], "scale_limits": {"x": [min, max], "y": [...], "z": [...]} (directional limits within which the \
                design stays valid; 0.1 ≤ min ≤ 1 ≤ max ≤ 5; default 0.5–2.0), "design": {optional named design constants}}.""",
                StagePolicy.editing(Plan.FILE), List.of(OutputFile.required(Plan.FILE, FileFormat.JSON, "the plan")), List.of(new PlanCheck()));
        var code = new Stage.AuthorStage("code", """
                Write template.java: one public class in the default package implementing Template, as planned in \
                plan.json. build(seed, scale) must be a pure function of its arguments (all randomness from new Rng(seed)), \
                scale every length per axis, and keep the mechanism valid for every scale within the plan's limits.""",
                StagePolicy.editing(TemplateSourceCheck.FILE), List.of(OutputFile.required(TemplateSourceCheck.FILE, FileFormat.TEXT, "the template")),
                List.of(new TemplateSourceCheck(), setup.checks().getFirst())); // then compile and build every variant in the sandbox
        var review = new Stage.ReviewStage("review", """
                As a critic, read plan.json and template.java. Does the code build what the plan requires, with the labelled \
                parts (zone_goal, zone_start, zone_forbid, obstacle_*, agent_*) the task needs? Will every variant be stable \
                for 1 s: no initial interpenetration (clearances), moving bodies with mass, joint limits that hold, nothing \
                falling faster than free fall? Write concrete, numbered feedback.""", StagePolicy.readOnly());
        var validate = Stage.AuthorStage.verifying("validate", """
                template.java failed validation on the variants named in the findings (each names its seed and scale). \
                Repair template.java so that every variant passes: strict static MJCF validation, sound meshes, and 1 s in \
                MuJoCo without warnings, NaN, initial interpenetration, excessive speed or bodies leaving the bounds.""",
                StagePolicy.editing(TemplateSourceCheck.FILE).withMaxAttempts(4),
                List.of(OutputFile.required(TemplateSourceCheck.FILE, FileFormat.TEXT, "the repaired template")), setup.checks());
        this.pipeline = new Pipeline(List.of(plan, code, review, validate));
    }

    @Override
    public String name() {
        return "mechanisms";
    }

    @Override
    public String description() {
        return "Physics benchmarks for MuJoCo: parametric templates (Java, built in the sandbox) validated across "
                + setup.variants() + " randomized variants — static MJCF, meshes, 1 s of simulation; option --tier 1|2|3.";
    }

    @Override
    public String definitionHash() {
        return "mechanisms-0.2-" + library().fingerprint() + "-k" + setup.variants();
    }

    @Override
    public synchronized String context() {
        if (context == null) context = context(library());
        return context;
    }

    private synchronized TemplateLibrary library() {
        if (library == null) library = TemplateLibrary.bundled();
        return library;
    }

    @Override
    public Pipeline pipeline() {
        return pipeline;
    }

    @Override
    public Author offlineAuthor() {
        return new LibraryAuthor(library());
    }

    @Override
    public Map<String, Object> parameters(long seed) {
        return parameters(seed, Map.of());
    }

    /**
     * The tier comes from the option (default: tiers in turn by seed); the template kind is the seed's turn among
     * the tier's library templates, so consecutive runs cover every kind before repeating one.
     */
    @Override
    public Map<String, Object> parameters(long seed, Map<String, String> options) {
        for (String key : options.keySet()) {
            if (!key.equals(TIER_OPTION)) {
                throw new IllegalArgumentException("pack 'mechanisms' has no option '" + key + "'; its only option is --tier 1|2|3");
            }
        }
        Optional<Integer> asked = tier(options.get(TIER_OPTION));
        int tier = asked.orElse((int) Math.floorMod(seed, 3L) + 1);
        // the run's turn within its tier: every seed when the tier is fixed, every third seed when tiers alternate
        long turn = asked.isPresent() ? seed : Math.floorDiv(seed, 3L);
        List<LibraryTemplate> kinds = library().tier(tier);
        LibraryTemplate kind = kinds.get((int) Math.floorMod(turn, (long) kinds.size()));
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("tier", tier);
        p.put("tier_name", TIER_NAMES.get(tier));
        p.put("kind", kind.id());
        p.put("kind_title", kind.title());
        p.put("theme", kind.description());
        return p;
    }

    private static Optional<Integer> tier(String value) {
        if (value == null) return Optional.empty();
        return switch (value.strip()) {
            case "1" -> Optional.of(1);
            case "2" -> Optional.of(2);
            case "3" -> Optional.of(3);
            default -> throw new IllegalArgumentException("--tier must be 1 (static spatial), 2 (kinematic) or 3 (actuated multi-body), got '" + value + "'");
        };
    }

    /**
     * What makes two scenarios the same: the kind and, for a template with named design constants, their values
     * (a library template at the same design point is the same scenario); otherwise the plan's own words.
     */
    @Override
    public List<dev.scenarist.core.pack.Requirement> requirements() {
        return requirements;
    }

    @Override
    public String uniquenessText(Workspace workspace) {
        Optional<Plan> plan = VariantsSetup.plan(workspace);
        if (plan.isEmpty()) return workspace.read(TemplateSourceCheck.FILE).orElse("");
        Plan p = plan.get();
        StringBuilder b = new StringBuilder("tier ").append(p.tier()).append(' ').append(p.kind());
        if (!p.design().isEmpty()) {
            new TreeMap<>(p.design()).forEach((k, v) -> b.append(' ').append(k).append(' ').append(DesignSpace.format(v)));
            return b.toString();
        }
        return b.append(' ').append(p.title()).append(' ').append(p.learningObjective()).append(' ')
                .append(String.join(" ", p.geometricRequirements())).toString();
    }

    @Override
    public ScenarioSummary summarize(Workspace workspace) {
        return VariantsSetup.plan(workspace).map(p -> new ScenarioSummary(p.title(), p.learningObjective()))
                .orElse(new ScenarioSummary("mechanism", "a parametric MuJoCo benchmark template"));
    }

    @Override
    public void assemble(ScenarioAssembly assembly) throws InterruptedException {
        export.assemble(assembly);
    }

    /** Benchmarks are grouped by difficulty tier: {@code datasets/mechanisms/tier<T>/<id>/}. */
    @Override
    public String datasetGroup(Map<String, Object> parameters) {
        Object tier = parameters.get("tier");
        return "tier" + (tier instanceof Number n ? n.intValue() : 0);
    }

    /**
     * {@code scenarist validate --pack mechanisms scene.xml} checks one existing MJCF scene (static, meshes, simulation),
     * read where it lies, by the {@link SceneRules} that apply (mujoco for a model of the person's own, benchmark for a
     * scene of a generated scenario, or as asked); a scenario folder or {@code template.java} gets the pipeline's
     * checks (plan, template, every variant) — unless the mujoco rules are asked for a folder: then its scenes are
     * judged as MuJoCo judges them.
     */
    @Override
    public Map<String, List<dev.scenarist.core.pack.Check>> validationChecks(dev.scenarist.core.pack.ValidationTarget validation) {
        if (judgesScenesOnly(validation)) {
            var rules = rules(validation).flatMap(r -> SceneRules.named(r.name())).orElse(SceneRules.BENCHMARK);
            // the static check reads includes and meshes itself, so it is the one that honours --allow-read
            var reads = validation.allowedReads();
            var origin = validation.origin();
            var limits = rules == SceneRules.MUJOCO ? SimulationLimits.defaults() : setup.limits();
            // MuJoCo starts (a model file: simulates) while the static and mesh checks run; closing the pack (the
            // application does, at the end of every command) stops it, also when the static checks refused the scene
            // (first, before the static check is even made: reading MJCF's schema is the first use of Jackson here)
            var simulation = new MujocoSimulationCheck(setup.simulator(), limits, rules, reads, origin);
            Optional<Path> model = origin.flatMap(o -> validation.file().map(o::resolve));
            if (model.isPresent()) simulation.simulatingAhead(model.get());
            else simulation.startingTheEngine();
            return Map.of("scene", List.of(new MjcfStaticCheck(reads, origin), new MeshFilesCheck(rules, reads, origin), simulation));
        }
        Optional<String> target = validation.file();
        if (target.isPresent() && target.get().endsWith(".java")) {
            // a template on its own: read, then compiled and built per variant in the sandbox; no plan is needed (default limits)
            var checks = new java.util.ArrayList<dev.scenarist.core.pack.Check>();
            checks.add(new TemplateSourceCheck());
            checks.addAll(setup.checks());
            return Map.of("template", List.copyOf(checks));
        }
        return Capabilities.everyStagesChecks(pipeline);
    }

    /**
     * The scene checks (static MJCF, meshes, simulation) only read the model, its includes and its assets, where they
     * lie; a template is compiled and built, which writes, so it gets a copy.
     */
    @Override
    public boolean readsInPlace(dev.scenarist.core.pack.ValidationTarget validation) {
        return judgesScenesOnly(validation);
    }

    /** A model file (.xml), or a folder judged by the mujoco rules: scenes, not a template. */
    private boolean judgesScenesOnly(dev.scenarist.core.pack.ValidationTarget validation) {
        Optional<String> target = validation.file();
        boolean scene = target.isPresent() && target.get().toLowerCase(java.util.Locale.ROOT).endsWith(".xml");
        return scene || (target.isEmpty() && rules(validation).flatMap(r -> SceneRules.named(r.name())).orElse(SceneRules.BENCHMARK) == SceneRules.MUJOCO);
    }

    @Override
    public List<dev.scenarist.core.pack.RuleSet> ruleSets() {
        return SceneRules.all();
    }

    @Override
    public Optional<dev.scenarist.core.pack.RuleSet> rules(dev.scenarist.core.pack.ValidationTarget target) {
        return Optional.of(target.rules().flatMap(SceneRules::named)
                .orElseGet(() -> SceneRules.defaultFor(target.file(), target.origin())).ruleSet());
    }

    /**
     * Stops the simulator's processes (MuJoCo's sidecars, also one still starting), waiting for them to exit. The
     * application closes its packs when a command ends, so a command run in process (its tests) leaves nothing behind;
     * a later simulation would start a sidecar again. Also stops the template compile server (whose process would
     * end with this JVM anyway: bubblewrap's {@code --die-with-parent}, and it exits when its stdin closes).
     */
    @Override
    public void close() {
        try {
            setup.simulator().close();
        } finally {
            runner.close();
        }
    }

    private static String context(TemplateLibrary library) {
        String example = library.all().stream().filter(t -> t.id().equals("lever-fulcrum")).findFirst()
                .or(() -> library.all().stream().findFirst()).map(LibraryTemplate::source).orElse("");
        return """
                You design physics benchmark scenarios for MuJoCo 3.14 as parametric templates: Java source written against \
                Scenarist's scene API (package dev.scenarist.packs.mechanisms.scene; import it with .*, and java.util.*; \
                nothing else). A template is `public class X implements Template` (default package, public no-argument \
                constructor) with `TemplateInfo info()` (id, tier 1–3, title, description with the learning objective, \
                ScaleLimits) and `Scene build(long seed, Scale scale)`, which must be deterministic and scale every length \
                per axis (scale.x(), scale.y(), scale.z()). It is compiled and run only in a sandbox, and each variant is \
                checked: strict MJCF validation, watertight meshes, and 1 s of simulation (no warnings, NaN, initial \
                interpenetration, speeds over g·T·1.5+1 m/s, bodies leaving the bounds).

                Tiers: 1 static spatial (peg-in-hole, ramps, obstacle fields), 2 kinematic (levers, hinged doors, \
                pendulums, sliders), 3 actuated multi-body (arms, grippers, conveyors). Name parts by role: obstacle_*, \
                agent_*, and zones with scene.zone(Zone.GOAL|START|FORBID, centre, halfSizes) (non-colliding markers).

                Scene API: Scene.named(n).timestep(s).gravity(x,y,z); scene.geom(g) (static); scene.body(name) → Body \
                .at(x,y,z).oriented(Quat…).joint(j).geom(g).site(s).body(child); Geom.plane|box|sphere|capsule|cylinder|\
                ellipsoid|mesh(name, …).at(…).oriented(…).mass(kg)|density(…).rgba(…).material(…).friction(…).noContacts(); \
                Mesh.of(name, Meshes.extrusion(polygon, height)|revolution(profile, segments)|boxWithHole(…)|\
                boxWithRectHole(…)) — watertight by construction; Joint.hinge|slide|ball|free(name).at(…).axis(…)\
                .range(min,max).damping(d).stiffness(k).armature(a); Actuator.motor|position(name, joint, kp)|\
                velocity(name, joint, kv).ctrlRange(…).forceRange(…); Site.sphere|box|cylinder(name, …); Vec3, Vec2, \
                Quat.axisAngle(axis, radians), Rgba, Material.of(name, rgba); Rng(seed).uniform(min,max)|integer|chance|pick.

                A complete example template:

                """ + example;
    }
}
