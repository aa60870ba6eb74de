package dev.scenarist.packs.mechanisms.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.scenarist.core.model.Finding;
import dev.scenarist.core.model.Severity;
import dev.scenarist.packs.mechanisms.mesh.MeshChecker;
import dev.scenarist.packs.mechanisms.mjcf.MjcfValidator;
import dev.scenarist.packs.mechanisms.scene.AxisRange;
import dev.scenarist.packs.mechanisms.scene.MjcfWriter;
import dev.scenarist.packs.mechanisms.scene.Scale;
import dev.scenarist.packs.mechanisms.scene.ScaleLimits;
import dev.scenarist.packs.mechanisms.scene.Template;
import dev.scenarist.packs.mechanisms.scene.TemplateInfo;
import dev.scenarist.packs.mechanisms.sim.MujocoSidecar;
import dev.scenarist.packs.mechanisms.sim.SimulationLimits;
import dev.scenarist.packs.mechanisms.sim.SimulationOutcome;
import dev.scenarist.packs.mechanisms.sim.SimulationReport;
import dev.scenarist.packs.mechanisms.sim.ode.OdeSimulator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
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
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
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
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TemplateLibraryTest {
    static final long[] SEEDS = {1, 2, 3, 4, 5};
    static final int SCALES_PER_SEED = 2;
    /** Only the scene API and java.util may be imported (java.lang needs no import). */
    private static final Pattern ALLOWED_IMPORT = Pattern.compile(
            "import\\s+(dev\\.scenarist\\.packs\\.mechanisms\\.scene\\.(\\*|[A-Z]\\w*)|java\\.util\\.(\\*|[A-Z]\\w*)"
                    + "|java\\.lang\\.(\\*|[A-Z]\\w*))\\s*;");
    private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*import\\s[^;]*;");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s");

    private static Map<String, Loaded> library;
    private static Path classesRoot;
    private static MujocoSidecar sidecar;

    @TempDir
    Path dir;

    /** One template: its source file, tier folder and a loaded instance. */
    record Loaded(Path source, int folderTier, String className, Template template) {
        @Override
        public String toString() {
            return "Tier" + folderTier + "/" + className;
        }
    }

    @BeforeAll
    static void compileTheLibrary() throws IOException {
        classesRoot = Files.createTempDirectory("template-library-classes");
        library = new LinkedHashMap<>();
        for (Path source : sources()) {
            Loaded l = compileAndLoad(source, classesRoot);
            library.put(l.toString(), l);
        }
        sidecar = MujocoSidecar.fromEnvironment();
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
        assertThat(PACKAGE.matcher(code).find()).as("%s must be in the default package", t).isFalse();
        Matcher m = IMPORT.matcher(code);
        while (m.find()) {
            assertThat(m.group().trim()).as("%s imports only the scene API and java.util", t).matches(ALLOWED_IMPORT);
        }
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
        for (Variant v : variants(t)) {
            Path a = dir.resolve(v.folder() + "/a/scene.xml");
            Path b = dir.resolve(v.folder() + "/b/scene.xml");
            List<Path> first = MjcfWriter.write(t.template().build(v.seed(), v.scale()), a);
            List<Path> second = MjcfWriter.write(t.template().build(v.seed(), v.scale()), b);
            soft.assertThat(second).as("%s: same files", v).hasSameSizeAs(first);
            for (int i = 0; i < Math.min(first.size(), second.size()); i++) {
                soft.assertThat(second.get(i).getFileName()).isEqualTo(first.get(i).getFileName());
                soft.assertThat(Files.readAllBytes(second.get(i))).as("%s: %s byte-identical", v, first.get(i).getFileName())
                        .isEqualTo(Files.readAllBytes(first.get(i)));
            }
            List<Finding> errors = validator.validate(first.get(0)).stream()
                    .filter(f -> f.severity() == Severity.ERROR).toList();
            soft.assertThat(errors).as("%s: static MJCF validation errors", v).isEmpty();
            for (Path stl : first.subList(1, first.size())) {
                soft.assertThat(MeshChecker.check(stl)).as("%s: mesh %s", v, stl.getFileName()).isEmpty();
            }
        }
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

    // ---- compiling the sources -----------------------------------------------------------------------------------

    /** The template sources: {@code templates/Tier<N>/<ClassName>.java}, from the classpath or the source tree. */
    static List<Path> sources() throws IOException {
        Path root = templatesRoot();
        List<Path> out = new ArrayList<>();
        try (Stream<Path> tiers = Files.list(root)) {
            for (Path tier : tiers.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> files = Files.list(tier)) {
                    out.addAll(files.filter(p -> p.getFileName().toString().endsWith(".java")).sorted().toList());
                }
            }
        }
        assertThat(out).as("template sources under %s", root).isNotEmpty();
        return out;
    }

    private static Path templatesRoot() {
        URL url = TemplateLibraryTest.class.getResource("/templates");
        if (url != null && "file".equals(url.getProtocol())) {
            try {
                return Path.of(url.toURI());
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        Path inTree = Path.of("src/main/resources/templates");
        if (Files.isDirectory(inTree)) return inTree;
        return Path.of("packs/mechanisms/src/main/resources/templates");
    }

    /** Compiles one source file alone (so it must be self-contained) into its own folder, loads and instantiates it. */
    static Loaded compileAndLoad(Path source, Path classesRoot) {
        String folder = source.getParent().getFileName().toString();
        Matcher tier = Pattern.compile("Tier([123])").matcher(folder);
        assertThat(tier.matches()).as("%s lies in a Tier<N> folder", source).isTrue();
        String className = source.getFileName().toString().replaceFirst("\\.java$", "");
        Path out = classesRoot.resolve(folder).resolve(className);
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac).as("a JDK (javax.tools compiler) runs the tests").isNotNull();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StringWriter log = new StringWriter();
        boolean ok;
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            Iterable<? extends JavaFileObject> units = files.getJavaFileObjects(source.toFile());
            List<String> options = List.of("-classpath", compileClasspath(), "-d", out.toString(), "--release", "21",
                    "-encoding", "UTF-8", "-Xlint:all", "-proc:none");
            ok = javac.getTask(log, files, diagnostics, options, null, units).call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(ok).as("%s compiles:%n%s%s", source, log, diagnostics.getDiagnostics()).isTrue();
        try {
            URLClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()},
                    TemplateLibraryTest.class.getClassLoader());
            Class<?> c = loader.loadClass(className);
            Object instance = c.getConstructor().newInstance();
            assertThat(instance).as("%s implements Template", className).isInstanceOf(Template.class);
            return new Loaded(source, Integer.parseInt(tier.group(1)), className, (Template) instance);
        } catch (ReflectiveOperationException | IOException e) {
            throw new AssertionError("cannot load " + className + " from " + source + ": " + e, e);
        }
    }

    /** The test classpath plus the folder or jar the scene API was loaded from. */
    private static String compileClasspath() {
        Set<String> entries = new LinkedHashSet<>();
        try {
            entries.add(Path.of(Template.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        String cp = System.getProperty("java.class.path", "");
        if (!cp.isBlank()) entries.addAll(List.of(cp.split(java.io.File.pathSeparator)));
        return String.join(java.io.File.pathSeparator, entries);
    }
}
