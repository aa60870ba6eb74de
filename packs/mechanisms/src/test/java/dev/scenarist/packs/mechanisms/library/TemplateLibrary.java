package dev.scenarist.packs.mechanisms.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.packs.mechanisms.internal.offline.DesignSpace;
import dev.scenarist.packs.mechanisms.scene.Template;
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
import java.util.LinkedHashSet;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The offline template library's sources ({@code src/main/resources/templates/Tier<N>/<ClassName>.java}), compiled
 * in-process with the system Java compiler against the pack's classes and loaded, each with its own class loader.
 * Tests only: the product compiles and runs templates only inside the sandbox. Shared by the library's own tests
 * and by tests that need real scenes (previews).
 */
public final class TemplateLibrary {
    /**
     * Each template's design corners, compiled once per test JVM and shared by every test class that needs them (the
     * library test checks them statically and for stability, the tasks test proves the task at each): compiling a
     * corner costs about as much as playing it.
     */
    private static final Map<Path, List<DesignCorner>> CORNERS = new ConcurrentHashMap<>();

    private TemplateLibrary() {}

    /** One corner of a template's design grid: the constants' values and the specialised source, compiled and loaded. */
    public record DesignCorner(int index, Map<String, Double> values, Template template) {
        @Override
        public String toString() {
            return "corner " + index + " " + values;
        }
    }

    /** One template: its source file, tier folder and a loaded instance. */
    public record Loaded(Path source, int folderTier, String className, Template template) {
        @Override
        public String toString() {
            return "Tier" + folderTier + "/" + className;
        }
    }

    /** Every template of the library, compiled into folders under {@code classesRoot}, in source order. */
    public static List<Loaded> loadAll(Path classesRoot) throws IOException {
        List<Loaded> out = new ArrayList<>();
        for (Path source : sources()) out.add(compileAndLoad(source, classesRoot));
        return out;
    }

    /**
     * Every corner of the template's design grid ({@link DesignSpace#corners()}: each constant at its min or max, then
     * the middle), written into its source with {@link DesignSpace#apply}, compiled and loaded; cached for the JVM.
     */
    public static List<DesignCorner> corners(Loaded t) {
        return CORNERS.computeIfAbsent(t.source().toAbsolutePath(), k -> {
            try {
                String code = Files.readString(t.source(), StandardCharsets.UTF_8);
                List<Map<String, Double>> points = designOf(t).corners();
                List<DesignCorner> out = new ArrayList<>();
                for (int i = 0; i < points.size(); i++) {
                    Loaded specialised = compileSpecialised(t, points.get(i), "corner_" + i, SharedClasses.ROOT);
                    out.add(new DesignCorner(i, points.get(i), specialised.template()));
                }
                return List.copyOf(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The template's design.json, beside its source. */
    public static DesignSpace designOf(Loaded t) {
        Path json = t.source().resolveSibling(t.className() + ".design.json");
        try {
            return DesignSpace.parse(Files.readString(json, StandardCharsets.UTF_8),
                    "Tier" + t.folderTier() + "/" + json.getFileName());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + json, e);
        }
    }

    /**
     * Writes {@code DesignSpace.apply(source, values)} to its own Tier folder under {@code classesRoot} and compiles
     * and loads it from there.
     */
    public static Loaded compileSpecialised(Loaded t, Map<String, Double> values, String tag, Path classesRoot)
            throws IOException {
        String code = Files.readString(t.source(), StandardCharsets.UTF_8);
        Path root = classesRoot.resolve("specialised").resolve(t.className()).resolve(tag);
        Path source = root.resolve("src/Tier" + t.folderTier()).resolve(t.className() + ".java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, DesignSpace.apply(code, values), StandardCharsets.UTF_8);
        return compileAndLoad(source, root.resolve("classes"));
    }

    /**
     * The folder the shared corners are compiled into: created on first use and removed when the JVM exits (the
     * corners' classes outlive any one test class, so no test class may delete it).
     */
    private static final class SharedClasses {
        static final Path ROOT = create();

        private static Path create() {
            try {
                Path root = Files.createTempDirectory("template-corners-classes");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(root)));
                return root;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void deleteTree(Path root) {
            try (Stream<Path> s = Files.walk(root)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            } catch (IOException e) {
                // best effort at exit: a leftover temporary folder is harmless
            }
        }
    }

    /** The template sources: {@code templates/Tier<N>/<ClassName>.java}, from the classpath or the source tree. */
    public static List<Path> sources() throws IOException {
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
        URL url = TemplateLibrary.class.getResource("/templates");
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
    public static Loaded compileAndLoad(Path source, Path classesRoot) {
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
                    TemplateLibrary.class.getClassLoader());
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
