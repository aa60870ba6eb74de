package dev.scenarist.packs.mechanisms.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.scenarist.packs.mechanisms.ThisMachine;
import dev.scenarist.packs.mechanisms.internal.scenefile.MjcfWriter;
import dev.scenarist.packs.mechanisms.internal.sim.MujocoSidecar;
import dev.scenarist.packs.mechanisms.internal.task.TaskJson;
import dev.scenarist.packs.mechanisms.internal.task.TaskPlay;
import dev.scenarist.packs.mechanisms.internal.task.TaskPlayer;
import dev.scenarist.packs.mechanisms.internal.task.TaskReader;
import dev.scenarist.packs.mechanisms.internal.task.Verdict;
import dev.scenarist.packs.mechanisms.library.TemplateLibrary.Loaded;
import dev.scenarist.packs.mechanisms.scene.Scale;
import dev.scenarist.packs.mechanisms.scene.Solution;
import dev.scenarist.packs.mechanisms.scene.Task;
import dev.scenarist.packs.mechanisms.scene.Template;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every library template that declares a task proves it, in MuJoCo, across seeds and every corner of its scale limits
 * (plus unit scale), and at every corner of its design grid (the offline author draws design points from the grid):
 * the reference passes, doing nothing fails, the declared wrong solution fails, the subject does not start in the
 * goal; its task.json and solutions validate against the shipped schemas and read back unchanged. Each test prints
 * its variants' margins and the hardest one (the smallest margin of a passing reference).
 */
class TemplateTasksTest {
    /** The templates converted so far; the rest are listed by {@link #the_converted_templates_are_the_declared_ones}. */
    static final Set<String> WITH_TASK = Set.of("lever-fulcrum", "rail-slider", "parallel-gripper", "pendulum-catch", "door-closer", "ramp-release", "peg-in-hole", "roller-conveyor", "obstacle-field", "planar-arm-2link");
    /** The templates whose task lets the agent build, and whose reference does (a part in a build zone). */
    static final Set<String> WITH_DESIGN = Set.of("lever-fulcrum", "rail-slider");
    private static final long[] SEEDS = {1, 2, 3};

    private static List<Loaded> library;
    private static Path classesRoot;
    private static MujocoSidecar sidecar;
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    @TempDir
    Path dir;

    @BeforeAll
    static void compile() throws IOException {
        classesRoot = Files.createTempDirectory("template-tasks-classes");
        library = TemplateLibrary.loadAll(classesRoot);
        sidecar = ThisMachine.mujoco();
    }

    @AfterAll
    static void cleanUp() throws IOException {
        if (sidecar != null) sidecar.close();
        try (Stream<Path> s = Files.walk(classesRoot)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /** The templates with a task; the others are named by {@link #the_converted_templates_are_the_declared_ones}. */
    static Stream<Loaded> templates() {
        return library.stream().filter(t -> WITH_TASK.contains(t.template().info().id()));
    }

    @Test
    void the_converted_templates_are_the_declared_ones() {
        List<String> with = new ArrayList<>();
        List<String> without = new ArrayList<>();
        for (Loaded t : library) (t.template().task(1, Scale.UNIT).isPresent() ? with : without).add(t.template().info().id());
        System.out.println("templates with a task: " + with + "; without: " + without);
        assertThat(with).containsExactlyInAnyOrderElementsOf(WITH_TASK);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void the_reference_passes_and_doing_nothing_fails_in_MuJoCo_for_every_seed_and_extreme_scale(Loaded t) throws IOException {
        Optional<String> reason = sidecar.unavailableReason();
        assumeTrue(reason.isEmpty(), () -> "MuJoCo sidecar unavailable: " + reason.orElseThrow());
        Prover prover = new Prover(new TaskPlayer(sidecar), schema(TaskJson.TASK_SCHEMA), schema(TaskJson.SOLUTION_SCHEMA), new SoftAssertions());
        List<Row> rows = new ArrayList<>();
        for (long seed : SEEDS) {
            for (Scale scale : scales(t)) {
                String v = String.format(Locale.ROOT, "%s seed %d scale (%.2f, %.2f, %.2f)", t.template().info().id(), seed, scale.x(), scale.y(), scale.z());
                Path xml = dir.resolve(seed + "_" + scale.x() + "_" + scale.y() + "_" + scale.z() + "/scene.xml");
                rows.add(prover.prove(t.template(), new Variant(seed, scale, v), xml));
            }
        }
        rows.forEach(r -> System.out.println("  " + r));
        System.out.println("  hardest: " + hardest(rows));
        prover.soft().assertAll();
    }

    /**
     * The offline author draws design points from each template's grid, so the task must hold at every one of them,
     * not only at the source's defaults: at every corner of the grid (each constant at its min or max, and the middle;
     * compiled once and shared with {@link TemplateLibraryTest}), for seeds 1-3 at unit scale, the reference passes,
     * doing nothing fails, the wrong solution fails and the subject starts outside the goal. Each corner also plays
     * one extreme scale (turning with the corner's index, so the corners together meet all eight), since a grid point
     * and a scale are drawn together.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void the_task_is_proven_at_every_corner_of_the_design_grid(Loaded t) throws IOException {
        Optional<String> reason = sidecar.unavailableReason();
        assumeTrue(reason.isEmpty(), () -> "MuJoCo sidecar unavailable: " + reason.orElseThrow());
        Prover prover = new Prover(new TaskPlayer(sidecar), schema(TaskJson.TASK_SCHEMA), schema(TaskJson.SOLUTION_SCHEMA), new SoftAssertions());
        List<Row> rows = new ArrayList<>();
        for (TemplateLibrary.DesignCorner c : TemplateLibrary.corners(t)) {
            List<Variant> variants = new ArrayList<>();
            for (long seed : SEEDS) variants.add(new Variant(seed, Scale.UNIT, String.format(Locale.ROOT, "%s %s seed %d unit scale", t.template().info().id(), c, seed)));
            Scale extreme = TemplateLibraryTest.extreme(t.template().info().scaleLimits(), c.index() % 8);
            variants.add(new Variant(c.index() % 3 + 1, extreme, String.format(Locale.ROOT, "%s %s seed %d scale (%.2f, %.2f, %.2f)",
                    t.template().info().id(), c, c.index() % 3 + 1, extreme.x(), extreme.y(), extreme.z())));
            for (Variant v : variants) {
                Path xml = dir.resolve("corner_" + c.index() + "/" + v.seed() + "_" + v.scale().x() + "_" + v.scale().y() + "_" + v.scale().z() + "/scene.xml");
                rows.add(prover.prove(c.template(), v, xml));
            }
        }
        rows.forEach(r -> System.out.println("  " + r));
        System.out.println("  hardest: " + hardest(rows));
        prover.soft().assertAll();
    }

    /** One seed and scale to prove, with its name in the findings. */
    record Variant(long seed, Scale scale, String label) {}

    /** What one variant measured: the reference's margin (null when it failed), doing nothing's and the wrong's best. */
    record Row(String label, boolean referencePassed, Double margin, Double timeToSpare, double noopBest, Double wrongBest) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s: reference %s margin %s m, %s s to spare; noop best %.4f m; wrong best %s m", label,
                    referencePassed ? "PASS" : "FAIL", fmt(margin), fmt(timeToSpare), noopBest, fmt(wrongBest));
        }
    }

    /** The row whose reference passed with the smallest margin (or the first that failed). */
    static Row hardest(List<Row> rows) {
        return rows.stream().min(Comparator.comparingDouble(r -> r.referencePassed() ? r.margin() : Double.NEGATIVE_INFINITY)).orElseThrow();
    }

    /** Proves one variant's task in MuJoCo, collecting every failed proof in {@code soft}. */
    record Prover(TaskPlayer player, Schema taskSchema, Schema solutionSchema, SoftAssertions soft) {
        Row prove(Template template, Variant variant, Path xml) throws IOException {
            String v = variant.label();
            long seed = variant.seed();
            Scale scale = variant.scale();
            MjcfWriter.write(template.build(seed, scale), xml);
            Task task = template.task(seed, scale).orElseThrow();
            Solution reference = template.reference(seed, scale).orElseThrow();
            String taskJson = TaskJson.task(task);
            soft.assertThat(taskSchema.validate(taskJson, InputFormat.JSON)).as("%s: task.json against its schema", v).isEmpty();
            soft.assertThat(TaskReader.task(taskJson, "task.json")).as("%s: task.json reads back", v).isEqualTo(task);
            String refJson = TaskJson.solution(reference);
            soft.assertThat(solutionSchema.validate(refJson, InputFormat.JSON)).as("%s: reference against its schema", v).isEmpty();
            soft.assertThat(TaskReader.solution(refJson, "reference.json", task)).as("%s: reference reads back", v).isEqualTo(reference);

            Verdict ref = judged(player.play(xml, task, reference));
            Verdict noop = judged(player.play(xml, task, Solution.none()));
            soft.assertThat(ref.passed()).as("%s: the reference passes: %s", v, ref.predicates()).isTrue();
            soft.assertThat(noop.passed()).as("%s: doing nothing fails: %s", v, noop.predicates()).isFalse();
            soft.assertThat(noop.measures().initialDepth()).as("%s: the subject starts outside the goal", v).isNegative();
            boolean designs = WITH_DESIGN.contains(template.info().id());
            soft.assertThat(task.design().allowsParts()).as("%s: the task lets the agent build", v).isEqualTo(designs);
            if (designs) {
                soft.assertThat(reference.parts()).as("%s: the reference designs a part", v).isNotEmpty();
                soft.assertThat(ref.predicate("design").met()).as("%s: the reference's parts lie in a build zone, overlap nothing, fit the budget: %s",
                        v, ref.predicate("design").measured()).isTrue();
                soft.assertThat(ref.measures().parts().checks()).as("%s: MuJoCo measured every part", v).hasSize(reference.parts().size());
            }
            Double wrongBest = null;
            Optional<Solution> wrong = template.wrong(seed, scale);
            if (wrong.isPresent()) {
                Verdict w = judged(player.play(xml, task, wrong.get()));
                soft.assertThat(w.passed()).as("%s: the wrong solution fails: %s", v, w.predicates()).isFalse();
                wrongBest = w.measures().bestDepth();
            }
            return new Row(v, ref.passed(), ref.measures().holdDepth(), ref.measures().timeToSpare(), noop.measures().bestDepth(), wrongBest);
        }
    }

    private static String fmt(Double d) {
        return d == null ? "-" : String.format(Locale.ROOT, "%.4f", d);
    }

    private static Verdict judged(TaskPlay play) {
        assertThat(play).isInstanceOf(TaskPlay.Judged.class);
        return ((TaskPlay.Judged) play).verdict();
    }

    /** Unit scale and the eight corners of the template's scale limits. */
    static List<Scale> scales(Loaded t) {
        List<Scale> out = new ArrayList<>(List.of(Scale.UNIT));
        for (int mask = 0; mask < 8; mask++) out.add(TemplateLibraryTest.extreme(t.template().info().scaleLimits(), mask));
        return out;
    }

    static Schema schema(String name) throws IOException {
        try (InputStream in = TaskJson.class.getResourceAsStream("/mechanisms/" + name)) {
            return REGISTRY.getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
        }
    }
}
