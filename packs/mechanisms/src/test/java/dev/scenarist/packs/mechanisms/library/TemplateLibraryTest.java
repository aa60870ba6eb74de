package dev.scenarist.packs.mechanisms.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.scenarist.core.model.Finding;
import dev.scenarist.core.model.Severity;
import dev.scenarist.packs.mechanisms.ThisMachine;
import dev.scenarist.packs.mechanisms.internal.checks.TemplateSourceCheck;
import dev.scenarist.packs.mechanisms.internal.mesh.MeshChecker;
import dev.scenarist.packs.mechanisms.library.TemplateLibrary.Loaded;
import dev.scenarist.packs.mechanisms.internal.mjcf.MjcfValidator;
import dev.scenarist.packs.mechanisms.internal.offline.DesignConstant;
import dev.scenarist.packs.mechanisms.internal.offline.DesignSpace;
import dev.scenarist.packs.mechanisms.scene.AxisRange;
import dev.scenarist.packs.mechanisms.internal.scenefile.MjcfWriter;
import dev.scenarist.packs.mechanisms.scene.Scale;
import dev.scenarist.packs.mechanisms.scene.ScaleLimits;
import dev.scenarist.packs.mechanisms.scene.Template;
import dev.scenarist.packs.mechanisms.scene.TemplateInfo;
import dev.scenarist.packs.mechanisms.internal.sim.MujocoSidecar;
import dev.scenarist.packs.mechanisms.internal.sim.SimulationLimits;
import dev.scenarist.packs.mechanisms.internal.sim.SimulationOutcome;
import dev.scenarist.packs.mechanisms.internal.sim.SimulationReport;
import dev.scenarist.packs.mechanisms.internal.sim.ode.OdeSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The offline template library: the Java SOURCE files under {@code src/main/resources/templates/Tier<N>/}, which the
 * offline author hands to the pipeline as "the code the model wrote". Here (tests only) each file is compiled
 * in-process with the system Java compiler against the pack's classes and loaded with its own class loader; the
 * product compiles and runs them only inside the sandbox.
 *
 * <p>For every template and every seed 1..5, two non-uniform scales drawn (seeded) within the template's own limits:
 * building twice writes byte-identical files; the MJCF has no static-validation ERROR; every STL passes the mesh
 * checks; and MuJoCo (when the sidecar is installed) simulates 1 s with the default limits and finds no problem — nor
 * does the pure-Java ode4j fallback on the same files.
 *
 * <p>Design spaces: every template declares its design constants in a marked region of its source, and a
 * {@code <ClassName>.design.json} beside it gives their grid (see {@link DesignSpace}). The names must match, the
 * source's defaults lie in the grid, the grid has at least {@value #MIN_GRID_POINTS} points, and every corner of the
 * grid (all min/max combinations plus its middle), written into the source, compiled and built for 2 seeds and 3
 * scales (two opposite corners of the scale limits and one inside them), passes the same checks, including the
 * speed bound the design.json's verification states ("no body exceeds N m/s"). Each constant on its own changes the
 * scene. {@value #SAMPLED_POINTS} drawn points per grid are checked and simulated too; with
 * {@code -D}{@value #FULL_GRID_PROPERTY}{@code =true}, every point of every grid (about ten thousand runs; minutes,
 * not part of the default build).
 *
 * <p>Long on purpose: every test walks the same library, the same compiled templates and the same helpers that write
 * a design point into a source; split, each part would rebuild them.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TemplateLibraryTest {
    static final long[] SEEDS = {1, 2, 3, 4, 5};
    static final int SCALES_PER_SEED = 2;
    /** The fewest points a template's design grid may have. */
    static final long MIN_GRID_POINTS = 30;
    /** System property: {@code true} simulates every point of every design grid (slow; off by default). */
    static final String FULL_GRID_PROPERTY = "scenarist.library.fullGrid";
    /** Grid points drawn per template in the default build (the full grid is opt-in). */
    static final int SAMPLED_POINTS = 12;
    /** A verification statement's speed bound, checked against every run of the template. */
    private static final Pattern SPEED_BOUND = Pattern.compile("no body exceeds (\\d+(?:\\.\\d+)?) m/s");

    private static Map<String, Loaded> library;
    private static Path classesRoot;
    private static MujocoSidecar sidecar;
    /** Each template's corners, compiled once and shared by the corner tests. */
    private static final Map<String, List<Corner>> CORNERS = new ConcurrentHashMap<>();

    @TempDir
    Path dir;

    @BeforeAll
    static void compileTheLibrary() throws IOException {
        classesRoot = Files.createTempDirectory("template-library-classes");
        library = new LinkedHashMap<>();
        for (Loaded l : TemplateLibrary.loadAll(classesRoot)) library.put(l.toString(), l);
        sidecar = ThisMachine.mujoco();
    }

    @AfterAll
    static void cleanUp() throws IOException {
        if (sidecar != null) sidecar.close();
        if (classesRoot != null) {
            try (Stream<Path> s = Files.walk(classesRoot)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    // ---- the library as a whole ----------------------------------------------------------------------------------

    @Test
    void has_at_least_eight_templates_spanning_tiers_one_to_three_with_two_each() {
        assertThat(library).hasSizeGreaterThanOrEqualTo(8);
        Map<Integer, Integer> perTier = new LinkedHashMap<>();
        for (Loaded l : library.values()) perTier.merge(l.template().info().tier(), 1, Integer::sum);
        assertThat(perTier).containsOnlyKeys(1, 2, 3);
        assertThat(perTier.values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(2));
        Set<String> ids = new LinkedHashSet<>();
        for (Loaded l : library.values()) {
            assertThat(ids.add(l.template().info().id())).as("id of %s is unique", l).isTrue();
        }
        System.out.println("template library: " + library.values().stream()
                .map(l -> l.template().info().id() + " (tier " + l.template().info().tier() + ")").toList());
    }

    // ---- each template ---------------------------------------------------------------------------------------------

    static Stream<Loaded> templates() {
        return library.values().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void is_a_self_contained_default_package_source_file(Loaded t) throws IOException {
        String code = Files.readString(t.source(), StandardCharsets.UTF_8);
        // the product's own first check: default package, imports only the scene API and java.util, deterministic
        assertThat(TemplateSourceCheck.findings(code)).as("%s passes the template-source check", t).isEmpty();
        assertThat(code).as("%s: all randomness from new Rng(seed)", t)
                .doesNotContain("Math.random", "System.nanoTime", "System.currentTimeMillis", "new Random(");
        assertThat(code).contains("public class " + t.className() + " implements Template");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void info_is_sane(Loaded t) {
        TemplateInfo info = t.template().info();
        assertThat(info.tier()).isBetween(1, 3).isEqualTo(t.folderTier());
        assertThat(info.title()).isNotBlank();
        assertThat(info.description()).as("a paragraph on the task and the learning objective").hasSizeGreaterThan(150)
                .containsIgnoringCase("learning objective");
        for (AxisRange r : List.of(info.scaleLimits().x(), info.scaleLimits().y(), info.scaleLimits().z())) {
            assertThat(r.min()).isGreaterThanOrEqualTo(0.5).isLessThanOrEqualTo(r.max());
            assertThat(r.max()).isLessThanOrEqualTo(2.0);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void different_seeds_give_different_scenes(Loaded t) {
        Set<String> scenes = new LinkedHashSet<>();
        for (long seed : SEEDS) scenes.add(MjcfWriter.toXml(t.template().build(seed, Scale.UNIT)));
        assertThat(scenes).as("%s: seeds 1..5 give 5 distinct scenes", t).hasSize(SEEDS.length);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void every_variant_is_deterministic_statically_valid_and_has_sound_meshes(Loaded t) throws IOException {
        MjcfValidator validator = new MjcfValidator();
        SoftAssertions soft = new SoftAssertions();
        for (Variant v : variants(t)) checkStatically(t.template(), v.toString(), dir.resolve(v.folder()), v, validator, soft);
        soft.assertAll();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void every_variant_is_stable_in_MuJoCo_for_one_second(Loaded t) throws IOException {
        Optional<String> reason = sidecar.unavailableReason();
        assumeTrue(reason.isEmpty(), () -> "MuJoCo sidecar unavailable, simulation of the template library skipped: "
                + reason.orElseThrow());
        SoftAssertions soft = new SoftAssertions();
        StringBuilder table = new StringBuilder();
        OdeSimulator ode = new OdeSimulator();
        for (Variant v : variants(t)) {
            Path xml = dir.resolve(v.folder() + "/scene.xml");
            MjcfWriter.write(t.template().build(v.seed(), v.scale()), xml);
            SimulationOutcome outcome = sidecar.simulate(xml, SimulationLimits.defaults());
            if (!(outcome instanceof SimulationOutcome.Simulated(SimulationReport r))) {
                soft.fail("%s: MuJoCo did not simulate it: %s", v, outcome);
                continue;
            }
            soft.assertThat(r.problems()).as("%s: stability problems", v).isEmpty();
            OptionalDouble bound = speedBound(designOf(t));
            if (bound.isPresent()) {
                soft.assertThat(r.maxBodySpeed()).as("%s: the design.json's speed bound (%s m/s), body %s", v,
                        bound.getAsDouble(), r.maxBodySpeedBody()).isLessThanOrEqualTo(bound.getAsDouble());
            }
            // the pure-Java fallback must accept what MuJoCo accepts (its speeds differ where it approximates)
            SimulationOutcome fallback = ode.simulate(xml, SimulationLimits.defaults());
            soft.assertThat(fallback).as("%s: the ode4j fallback simulates it", v)
                    .isInstanceOf(SimulationOutcome.Simulated.class);
            double odeSpeed = fallback instanceof SimulationOutcome.Simulated(SimulationReport o) ? o.maxBodySpeed()
                    : Double.NaN;
            if (fallback instanceof SimulationOutcome.Simulated(SimulationReport o)) {
                soft.assertThat(o.problems()).as("%s: stability problems found by the ode4j fallback", v).isEmpty();
            }
            table.append(String.format(Locale.ROOT, "  %-22s seed %d scale (%.3f, %.3f, %.3f): max speed %.4f m/s (%s),"
                            + " initial penetration %.2e m, %d steps; ode4j %.4f m/s%n", t.template().info().id(),
                    v.seed(), v.scale().x(), v.scale().y(), v.scale().z(), r.maxBodySpeed(), r.maxBodySpeedBody(),
                    r.initialPenetration(), r.steps(), odeSpeed));
        }
        System.out.print(table);
        soft.assertAll();
    }

    // ---- design spaces -------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void has_a_design_region_matching_its_design_json(Loaded t) throws IOException {
        String code = Files.readString(t.source(), StandardCharsets.UTF_8);
        Map<String, Double> declared = DesignSpace.declared(code);
        DesignSpace design = designOf(t);
        assertThat(design.constants().stream().map(DesignConstant::name).toList())
                .as("%s: the design.json's constants are the region's declarations, in order", t)
                .containsExactlyElementsOf(declared.keySet());
        assertThat(design.constants()).as("%s: 2-4 design constants", t).hasSizeBetween(2, 4);
        assertThat(design.requirements()).as("%s: 3-6 requirements", t).hasSizeBetween(3, 6);
        assertThat(design.verification()).as("%s: 2-4 verification statements", t).hasSizeBetween(2, 4);
        assertThat(speedBound(design)).as("%s: a verification statement bounds the speed ('no body exceeds N m/s')", t)
                .isPresent();
        for (DesignConstant c : design.constants()) {
            assertThat(declared.get(c.name())).as("%s: default of %s within [%s, %s]", t, c.name(), c.min(), c.max())
                    .isBetween(c.min(), c.max());
            assertThat(c.levels()).as("%s: %s has more than one level", t, c.name()).hasSizeGreaterThan(1);
            assertThat(c.about()).isNotBlank();
        }
        assertThat(design.size()).as("%s: design grid points", t).isGreaterThanOrEqualTo(MIN_GRID_POINTS);
        assertThat(DesignSpace.apply(code, declared)).as("%s: the region's numbers are in canonical form", t)
                .isEqualTo(code);
        assertThat(code.indexOf(DesignSpace.BEGIN_MARKER)).as("%s: the region is in the class body", t)
                .isGreaterThan(code.indexOf("public class " + t.className()));
        System.out.printf(Locale.ROOT, "design space %-22s %5d points: %s%n", t.template().info().id(), design.size(),
                design.constants().stream().map(c -> c.name() + " " + fmt(c.min()) + ".." + fmt(c.max()) + " by "
                        + fmt(c.step()) + " (" + c.levels().size() + ")").toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void each_design_constant_on_its_own_changes_the_scene(Loaded t) {
        List<Corner> corners = corners(t);
        DesignSpace design = designOf(t);
        String allMin = MjcfWriter.toXml(corners.get(0).template().build(1, Scale.UNIT));
        for (int j = 0; j < design.constants().size(); j++) {
            Corner onlyJ = corners.get(1 << j);
            assertThat(onlyJ.values()).as("corner %d moves only constant %d", 1 << j, j)
                    .containsEntry(design.constants().get(j).name(), design.constants().get(j).max());
            assertThat(MjcfWriter.toXml(onlyJ.template().build(1, Scale.UNIT)))
                    .as("%s: %s from min to max (others at min) changes the scene", t, design.constants().get(j).name())
                    .isNotEqualTo(allMin);
        }
        Map<String, Double> a = design.draw(11);
        Map<String, Double> b = design.draw(12);
        assertThat(a).as("two draws").isNotEqualTo(b);
        assertThat(xmlAt(t, a)).as("%s: design points %s and %s give different scenes", t, a, b).isNotEqualTo(xmlAt(t, b));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void every_design_corner_is_deterministic_statically_valid_and_has_sound_meshes(Loaded t) throws IOException {
        MjcfValidator validator = new MjcfValidator();
        SoftAssertions soft = new SoftAssertions();
        for (Corner c : corners(t)) {
            for (Variant v : c.variants()) {
                checkStatically(c.template(), c + " " + v, dir.resolve("corner_" + c.index()).resolve(v.folder()),
                        v, validator, soft);
            }
        }
        soft.assertAll();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void every_design_corner_is_stable_in_MuJoCo_for_one_second(Loaded t) throws IOException {
        Optional<String> reason = sidecar.unavailableReason();
        assumeTrue(reason.isEmpty(), () -> "MuJoCo sidecar unavailable, simulation of the design corners skipped: "
                + reason.orElseThrow());
        OptionalDouble bound = speedBound(designOf(t));
        SoftAssertions soft = new SoftAssertions();
        double fastest = 0;
        String fastestWhere = "";
        int runs = 0;
        for (Corner c : corners(t)) {
            for (Variant v : c.variants()) {
                Path xml = dir.resolve("corner_" + c.index()).resolve(v.folder()).resolve("scene.xml");
                MjcfWriter.write(c.template().build(v.seed(), v.scale()), xml);
                SimulationOutcome outcome = sidecar.simulate(xml, SimulationLimits.defaults());
                runs++;
                if (!(outcome instanceof SimulationOutcome.Simulated(SimulationReport r))) {
                    soft.fail("%s %s: MuJoCo did not simulate it: %s", c, v, outcome);
                    continue;
                }
                soft.assertThat(r.problems()).as("%s %s: stability problems", c, v).isEmpty();
                if (bound.isPresent()) {
                    soft.assertThat(r.maxBodySpeed()).as("%s %s: the design.json's speed bound (%s m/s), body %s", c, v,
                            bound.getAsDouble(), r.maxBodySpeedBody()).isLessThanOrEqualTo(bound.getAsDouble());
                }
                if (r.maxBodySpeed() >= fastest) {
                    fastest = r.maxBodySpeed();
                    fastestWhere = c + " " + v + " (" + r.maxBodySpeedBody() + ")";
                }
            }
        }
        System.out.printf(Locale.ROOT, "design corners %-22s %3d runs, fastest %.4f m/s at %s%n",
                t.template().info().id(), runs, fastest, fastestWhere);
        soft.assertAll();
    }

    /**
     * Drawn points of the design grid ({@value #SAMPLED_POINTS} per template: {@code draw(1..)}), or, with
     * {@code -D}{@value #FULL_GRID_PROPERTY}{@code =true}, every point of it; one variant each (seeds and scales
     * taken in turn: the scale-limit corners and points inside them), built twice, checked statically and simulated.
     * The points are set on a copy of the template whose design constants are plain static fields (the same code,
     * without javac folding the constants), so the template is compiled once, not once per point.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void drawn_design_points_pass_and_every_point_when_the_full_grid_is_asked_for(Loaded t) throws Exception {
        boolean full = Boolean.getBoolean(FULL_GRID_PROPERTY);
        boolean simulate = sidecar.unavailableReason().isEmpty();
        Tunable tunable = tunable(t);
        DesignSpace design = designOf(t);
        MjcfValidator validator = new MjcfValidator();
        SoftAssertions soft = new SoftAssertions();
        OptionalDouble bound = speedBound(design);
        List<List<Double>> levels = design.constants().stream().map(DesignConstant::levels).toList();
        ScaleLimits limits = t.template().info().scaleLimits();
        Random random = new Random(t.template().info().id().hashCode() * 31L);
        long points = full ? design.size() : SAMPLED_POINTS;
        double fastest = 0;
        String fastestWhere = "";
        int failures = 0;
        for (long p = 0; p < points; p++) {
            Map<String, Double> point = new LinkedHashMap<>();
            if (full) {
                long rest = p;
                for (int i = 0; i < levels.size(); i++) {
                    point.put(design.constants().get(i).name(), levels.get(i).get((int) (rest % levels.get(i).size())));
                    rest /= levels.get(i).size();
                }
            } else {
                point.putAll(design.draw(p + 1));
            }
            tunable.set(point);
            Scale scale = p % 3 == 2 ? inside(random, limits) : extreme(limits, random.nextInt(8));
            Variant v = new Variant(1 + p % 97, scale, 0);
            String where = point + " " + v;
            Path folder = dir.resolve("grid").resolve(Long.toString(p % 16));
            int before = soft.errorsCollected().size();
            checkStatically(tunable.template(), where, folder, v, validator, soft);
            if (simulate) {
                Path xml = folder.resolve("sim/scene.xml");
                MjcfWriter.write(tunable.template().build(v.seed(), v.scale()), xml);
                SimulationOutcome outcome = sidecar.simulate(xml, SimulationLimits.defaults());
                if (!(outcome instanceof SimulationOutcome.Simulated(SimulationReport r))) {
                    soft.fail("%s: MuJoCo did not simulate it: %s", where, outcome);
                } else {
                    soft.assertThat(r.problems()).as("%s: stability problems", where).isEmpty();
                    if (bound.isPresent()) {
                        soft.assertThat(r.maxBodySpeed()).as("%s: speed bound, body %s", where, r.maxBodySpeedBody())
                                .isLessThanOrEqualTo(bound.getAsDouble());
                    }
                    if (r.maxBodySpeed() >= fastest) {
                        fastest = r.maxBodySpeed();
                        fastestWhere = where + " (" + r.maxBodySpeedBody() + ")";
                    }
                }
            }
            if (soft.errorsCollected().size() > before && ++failures >= 50) break;
        }
        System.out.printf(Locale.ROOT, "%s %-22s %5d points%s, fastest %.4f m/s at %s, %d failing%n",
                full ? "full grid" : "drawn points",
                t.template().info().id(), points, simulate ? " simulated" : " (no MuJoCo)", fastest, fastestWhere,
                failures);
        soft.assertAll();
    }

    // ---- shared checks -------------------------------------------------------------------------------------------

    /** Builds twice (byte-identical files), validates the MJCF statically and checks every STL. */
    private static void checkStatically(Template template, String what, Path folder, Variant v, MjcfValidator validator,
            SoftAssertions soft) throws IOException {
        List<Path> first = MjcfWriter.write(template.build(v.seed(), v.scale()), folder.resolve("a/scene.xml"));
        List<Path> second = MjcfWriter.write(template.build(v.seed(), v.scale()), folder.resolve("b/scene.xml"));
        soft.assertThat(second).as("%s: same files", what).hasSameSizeAs(first);
        for (int i = 0; i < Math.min(first.size(), second.size()); i++) {
            soft.assertThat(second.get(i).getFileName()).isEqualTo(first.get(i).getFileName());
            soft.assertThat(Files.readAllBytes(second.get(i))).as("%s: %s byte-identical", what, first.get(i).getFileName())
                    .isEqualTo(Files.readAllBytes(first.get(i)));
        }
        List<Finding> errors = validator.validate(first.get(0)).stream()
                .filter(f -> f.severity() == Severity.ERROR).toList();
        soft.assertThat(errors).as("%s: static MJCF validation errors", what).isEmpty();
        for (Path stl : first.subList(1, first.size())) {
            soft.assertThat(MeshChecker.check(stl)).as("%s: mesh %s", what, stl.getFileName()).isEmpty();
        }
    }

    /** The bound of a verification statement "... no body exceeds N m/s ...", if one states it. */
    static OptionalDouble speedBound(DesignSpace design) {
        for (String s : design.verification()) {
            Matcher m = SPEED_BOUND.matcher(s);
            if (m.find()) return OptionalDouble.of(Double.parseDouble(m.group(1)));
        }
        return OptionalDouble.empty();
    }

    // ---- design corners ----------------------------------------------------------------------------------------------

    /** One corner of a template's design grid: its values, the specialised source compiled and loaded, its variants. */
    record Corner(int index, Map<String, Double> values, Template template, List<Variant> variants) {
        @Override
        public String toString() {
            return "corner " + index + " " + values;
        }
    }

    /** The template's design.json, beside its source. */
    static DesignSpace designOf(Loaded t) {
        return TemplateLibrary.designOf(t);
    }

    /**
     * Every corner of the template's design space ({@link TemplateLibrary#corners}, compiled once for the JVM), each
     * with 2 seeds times 3 scales: two opposite corners of the scale limits (turning with the corner's index, so the
     * corners together meet all eight) and one drawn inside them.
     */
    static List<Corner> corners(Loaded t) {
        return CORNERS.computeIfAbsent(t.toString(), k -> {
            ScaleLimits limits = t.template().info().scaleLimits();
            Random random = new Random(t.template().info().id().hashCode() + 17L);
            List<Corner> out = new ArrayList<>();
            for (TemplateLibrary.DesignCorner c : TemplateLibrary.corners(t)) {
                int i = c.index();
                List<Variant> variants = new ArrayList<>();
                List<Scale> scales = List.of(extreme(limits, i % 8), extreme(limits, 7 - i % 8), inside(random, limits));
                for (long seed : new long[] {i + 1, i + 6}) {
                    for (Scale s : scales) variants.add(new Variant(seed, s, variants.size()));
                }
                out.add(new Corner(i, c.values(), c.template(), List.copyOf(variants)));
            }
            return List.copyOf(out);
        });
    }

    /** The scene XML of the template specialised to {@code values}, seed 1 at unit scale. */
    private static String xmlAt(Loaded t, Map<String, Double> values) {
        try {
            String tag = "point_" + Integer.toHexString(values.hashCode());
            return MjcfWriter.toXml(TemplateLibrary.compileSpecialised(t, values, tag, classesRoot).template()
                    .build(1, Scale.UNIT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Scale-limit corner {@code mask}: bit 0 picks x's max over its min, bit 1 y's, bit 2 z's. */
    static Scale extreme(ScaleLimits limits, int mask) {
        return Scale.of(end(limits.x(), (mask & 1) != 0), end(limits.y(), (mask & 2) != 0), end(limits.z(), (mask & 4) != 0));
    }

    private static double end(AxisRange r, boolean max) {
        return max ? Math.min(2.0, r.max()) : Math.max(0.5, r.min());
    }

    private static Scale inside(Random random, ScaleLimits limits) {
        return Scale.of(draw(random, limits.x()), draw(random, limits.y()), draw(random, limits.z()));
    }

    /** A copy of a template whose design constants are plain static fields, set per grid point by reflection. */
    record Tunable(Template template, Map<String, Field> fields) {
        void set(Map<String, Double> values) throws IllegalAccessException {
            for (Map.Entry<String, Double> e : values.entrySet()) fields.get(e.getKey()).setDouble(null, e.getValue());
        }
    }

    /** Compiles the template with {@code static final double} turned into {@code static double} inside the region. */
    static Tunable tunable(Loaded t) throws IOException, ReflectiveOperationException {
        String code = Files.readString(t.source(), StandardCharsets.UTF_8);
        int from = code.indexOf(DesignSpace.BEGIN_MARKER);
        int to = code.indexOf(DesignSpace.END_MARKER);
        String open = code.substring(0, from) + code.substring(from, to).replace("static final double", "static double")
                + code.substring(to);
        Path root = classesRoot.resolve("tunable").resolve(t.className());
        Path source = root.resolve("src/Tier" + t.folderTier()).resolve(t.className() + ".java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, open, StandardCharsets.UTF_8);
        Loaded l = TemplateLibrary.compileAndLoad(source, root.resolve("classes"));
        Map<String, Field> fields = new LinkedHashMap<>();
        for (String name : DesignSpace.declared(code).keySet()) {
            Field f = l.template().getClass().getDeclaredField(name);
            assertThat(Modifier.isFinal(f.getModifiers())).isFalse();
            f.setAccessible(true);
            fields.put(name, f);
        }
        return new Tunable(l.template(), fields);
    }

    private static String fmt(double v) {
        return new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }

    // ---- variants ----------------------------------------------------------------------------------------------------

    /** One seed and scale of a template. */
    record Variant(long seed, Scale scale, int index) {
        String folder() {
            return "seed_" + seed + "_" + index;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "seed %d scale (%.4f, %.4f, %.4f)", seed, scale.x(), scale.y(), scale.z());
        }
    }

    /** Seeds 1..5, each with {@value #SCALES_PER_SEED} scales drawn per axis within the template's limits. */
    static List<Variant> variants(Loaded t) {
        ScaleLimits limits = t.template().info().scaleLimits();
        Random random = new Random(t.template().info().id().hashCode());
        List<Variant> out = new ArrayList<>();
        for (long seed : SEEDS) {
            for (int i = 0; i < SCALES_PER_SEED; i++) {
                Scale s = Scale.of(draw(random, limits.x()), draw(random, limits.y()), draw(random, limits.z()));
                assertThat(limits.contains(s)).isTrue();
                out.add(new Variant(seed, s, i));
            }
        }
        return out;
    }

    private static double draw(Random random, AxisRange r) {
        double min = Math.max(0.5, r.min());
        double max = Math.min(2.0, r.max());
        return min + (max - min) * random.nextDouble();
    }
}
