package dev.scenarist.packs.mechanisms.internal.template;

import dev.scenarist.core.files.AtomicFile;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.workspace.Workspace;
import dev.scenarist.sandbox.Sandbox;
import dev.scenarist.sandbox.SandboxResult;
import dev.scenarist.sandbox.SandboxUnavailableException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;

/**
 * Compiles a model-written template (Java source against the scene API) and runs it, both only inside the sandbox:
 * no network, writes only in the workspace, a wall-clock timeout, memory, file-size, process and workspace limits
 * (running into one is a {@code SANDBOX_LIMIT} finding about the template). The JDK and the scene API are
 * mounted read-only. The template's source never runs in Scenarist's own JVM.
 *
 * <p>Compiling and running are split: the source is compiled by the long-lived sandboxed {@link CompileServer}
 * ({@link ServerCompiler}; compiling runs none of its code), and the classes then run in a fresh sandboxed JVM per
 * build ({@link RunCompiled}), without the compiler, which may start from a read-only {@link StartupCache}. Closing
 * the runner stops the compile server.
 */
public final class SandboxedTemplateRunner implements AutoCloseable {
    /** Where compiled classes go, inside the workspace (removed again after the run). */
    static final String BUILD_DIR = ".template-classes";
    /** Address space for the training build, whose cache writer reserves 3 GiB on its own (see {@link #train}). */
    private static final long TRAINING_MEMORY_BYTES = 8L << 30;
    private static final Pattern JAVAC_ERROR = Pattern.compile("(?m)^(?:.*/)?([^/\\s]+\\.java):(\\d+): error: (.*)$");

    private final Sandbox sandbox;
    private final Path javaHome;
    /** The scene API and the entry points, {@link RunCompiled} and {@link CompileServer} always among them; made on first use. */
    private final Supplier<List<Path>> classpath;
    private final String mainClass;
    private final Duration timeout;
    private final long memoryBytes;
    private final StartupCache startupCache;
    private final TemplateCompiler compiler;

    /**
     * @param javaHome     a JDK ≥ 21 (javac and java), visible inside the sandbox (under /usr)
     * @param apiClasspath jars or class folders of the scene API and {@code mainClass}
     * @param mainClass    the entry point that loads the template class and writes the scene:
     *                     {@code main(templateClass, seed, sx, sy, sz, outDir)}
     */
    public SandboxedTemplateRunner(Sandbox sandbox, Path javaHome, List<Path> apiClasspath, String mainClass, Duration timeout, long memoryBytes) {
        this(sandbox, javaHome, withLauncher(apiClasspath), mainClass, timeout, memoryBytes);
    }

    private SandboxedTemplateRunner(Sandbox sandbox, Path javaHome, Supplier<List<Path>> classpath, String mainClass, Duration timeout, long memoryBytes) {
        this.sandbox = sandbox;
        this.javaHome = javaHome;
        this.classpath = classpath;
        this.mainClass = mainClass;
        this.timeout = timeout;
        this.memoryBytes = memoryBytes;
        this.startupCache = new StartupCache(Optional.empty());
        this.compiler = new ServerCompiler(sandbox, javaHome, classpath, timeout, memoryBytes);
    }

    /** {@code base}'s settings, with this startup cache and compiler. */
    private SandboxedTemplateRunner(SandboxedTemplateRunner base, StartupCache startupCache, TemplateCompiler compiler) {
        this.sandbox = base.sandbox;
        this.javaHome = base.javaHome;
        this.classpath = base.classpath;
        this.mainClass = base.mainClass;
        this.timeout = base.timeout;
        this.memoryBytes = base.memoryBytes;
        this.startupCache = startupCache;
        this.compiler = compiler;
    }

    /**
     * This runner, its build JVM starting from an AOT cache made by building {@code source} (a trusted template: one of
     * the pack's own, never a model-written one) for {@code draws}; see {@link StartupCache}.
     */
    public SandboxedTemplateRunner trainedOn(String className, String source, List<Randomizer.Draw> draws) {
        var training = new StartupCache.Training(className, source, draws);
        return new SandboxedTemplateRunner(this, new StartupCache(Optional.of(() -> training)), compiler);
    }

    /**
     * As {@link #trainedOn(String, String, List)}, the trusted template ({@code className}, {@code source}) asked for
     * only when training starts (the second build): a command that builds nothing never reads it.
     */
    public SandboxedTemplateRunner trainedOn(Supplier<Map.Entry<String, String>> template, List<Randomizer.Draw> draws) {
        return new SandboxedTemplateRunner(this, new StartupCache(Optional.of(() -> {
            var t = template.get();
            return new StartupCache.Training(t.getKey(), t.getValue(), draws);
        })), compiler);
    }

    /** This runner compiling with {@code other} (a test's stand-in) instead of the compile server. */
    SandboxedTemplateRunner compilingWith(TemplateCompiler other) {
        return new SandboxedTemplateRunner(this, startupCache, other);
    }

    /** Stops the compile server (a later build would start another). */
    @Override
    public void close() {
        compiler.close();
    }

    /** The JDK whose javac and java compile and run templates. */
    public Path javaHome() {
        return javaHome;
    }

    /**
     * The JDK running Scenarist ({@code javaHome}: its {@code java.home}, which the application reads and passes down),
     * and a {@link TemplateApiJar} — only the scene API and the entry points — copied on first use from the jars or
     * class folders of this pack and of the core classes the scene writers use ({@link AtomicFile}). In the
     * application's single jar both are that jar; in a build they are two folders.
     */
    public static SandboxedTemplateRunner forThisJvm(Sandbox sandbox, Path javaHome, String mainClass) {
        List<Path> sources = Stream.of(SandboxedTemplateRunner.class, AtomicFile.class)
                .map(SandboxedTemplateRunner::codeSource).distinct().toList();
        Supplier<List<Path>> apiJar = memoized(() -> List.of(TemplateApiJar.make(sources)));
        return new SandboxedTemplateRunner(sandbox, javaHome, apiJar, mainClass, Duration.ofSeconds(60), 3L << 30);
    }

    /** The given class path, with {@link RunCompiled} and {@link CompileServer} (from this pack) appended when not among it. */
    private static Supplier<List<Path>> withLauncher(List<Path> apiClasspath) {
        List<Path> cp = new ArrayList<>(apiClasspath);
        Path launcher = codeSource(RunCompiled.class);
        if (!cp.contains(launcher)) cp.add(launcher);
        List<Path> fixed = List.copyOf(cp);
        return () -> fixed;
    }

    /** Made once, by the first caller; later callers (other builds, on other threads) get the same value. */
    private static <T> Supplier<T> memoized(Supplier<T> make) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) value = make.get();
                return value;
            }
        };
    }

    private static Path codeSource(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Compiles {@code sourceFile} (relative to the workspace) and runs its class {@code templateClass}
     * with the given seed and scale, writing into {@code outDir} (relative to the workspace).
     */
    public TemplateBuildResult build(Path workspace, String sourceFile, String templateClass, long seed, double[] scale, String outDir)
            throws InterruptedException {
        var result = buildVariants(workspace, sourceFile, templateClass, List.of(new Randomizer.Draw(seed, scale)), outDir);
        if (result instanceof TemplateBuildResult.Built b) {
            var failed = b.files().stream().filter(f -> f.endsWith("/failed_" + seed + ".txt")).findFirst();
            if (failed.isPresent()) {
                String why = new Workspace(workspace.toAbsolutePath()).read(failed.get()).orElse("").strip();
                String code = why.contains("OutOfMemoryError") ? "TEMPLATE_OUT_OF_MEMORY" : "TEMPLATE_RUNTIME_ERROR";
                return rejected(code, "build(" + seed + ", scale) failed: " + why, sourceFile);
            }
        }
        return result;
    }

    /**
     * Compiles {@code sourceFile} (in the compile server) and builds every variant in one fresh sandboxed JVM
     * ({@link RunCompiled}, then {@code mainClass}; see {@link TemplateMain} for the files it writes into
     * {@code outDir}). A variant whose {@code build} threw leaves {@code failed_<seed>.txt} among the files; a compile
     * error, a timeout, running out of memory or a crash of the whole JVM is a {@link TemplateBuildResult.Rejected}.
     */
    public TemplateBuildResult buildVariants(Path workspace, String sourceFile, String templateClass, List<Randomizer.Draw> draws, String outDir)
            throws InterruptedException {
        long t0 = System.nanoTime();
        Path ws = workspace.toAbsolutePath();
        Workspace.deleteTree(ws.resolve(BUILD_DIR), true);
        Workspace.deleteTree(ws.resolve(outDir), true);
        Optional<Path> cache = startupCache.forBuild(this::train);
        try {
            switch (compiler.compile(ws, sourceFile, ws.resolve(BUILD_DIR))) {
                case TemplateCompiler.Compilation.Compiled c -> { }
                case TemplateCompiler.Compilation.Failed f -> {
                    return new TemplateBuildResult.Rejected(compileFindings(sourceFile, f.diagnostics()));
                }
                case TemplateCompiler.Compilation.TimedOut t -> {
                    return rejected("TEMPLATE_COMPILE_TIMEOUT", "compiling " + sourceFile + " took longer than " + t.seconds() + " s", sourceFile);
                }
                case TemplateCompiler.Compilation.LimitExceeded l -> {
                    return rejected("SANDBOX_LIMIT", "compiling " + sourceFile + " was stopped: " + l.description(), sourceFile);
                }
                case TemplateCompiler.Compilation.Unavailable u -> {
                    return new TemplateBuildResult.Unavailable(u.reason(), u.permanent());
                }
            }
            var run = run(ws, command(cache, templateClass, draws, outDir), cache, timeout, memoryBytes);
            String doing = "building " + draws.size() + " variant(s)";
            if (run instanceof SandboxResult.LimitExceeded l) return rejected("SANDBOX_LIMIT", doing + " was stopped: " + l.describe(), sourceFile);
            if (run instanceof SandboxResult.TimedOut) {
                return rejected("TEMPLATE_TIMEOUT", doing + " ran longer than " + timeout.toSeconds() + " s", sourceFile);
            }
            var r = (SandboxResult.Exited) run;
            if (r.exitCode() != 0 && r.exitCode() != 4) {
                String err = r.stderr().tail(1500).strip();
                String code = err.contains("OutOfMemoryError") ? "TEMPLATE_OUT_OF_MEMORY" : "TEMPLATE_RUNTIME_ERROR";
                return rejected(code, "the template could not be run: " + (err.isEmpty() ? "exit code " + r.exitCode() : err), sourceFile);
            }
            List<String> files = Workspace.list(ws.resolve(outDir)).stream().map(f -> outDir + "/" + f).toList();
            if (files.stream().noneMatch(f -> f.endsWith(".xml") || f.contains("/failed_"))) {
                return rejected("TEMPLATE_WROTE_NOTHING", "build(seed, scale) wrote no scene into " + outDir, sourceFile);
            }
            return new TemplateBuildResult.Built(files, Duration.ofNanos(System.nanoTime() - t0));
        } catch (SandboxUnavailableException e) {
            return new TemplateBuildResult.Unavailable(e.getMessage(), true);
        } finally {
            Workspace.deleteTree(ws.resolve(BUILD_DIR), true);
        }
    }

    /** The build JVM's command line ({@link ConfinedJvm}), from its startup cache when there is one. */
    private List<String> command(Optional<Path> cache, String templateClass, List<Randomizer.Draw> draws, String outDir) {
        List<String> args = ConfinedJvm.command(javaHome);
        cache.ifPresent(c -> args.add("-XX:AOTCache=" + c));
        String classpath = String.join(":", classpath().stream().map(Path::toString).toList());
        args.addAll(List.of("-cp", classpath, RunCompiled.class.getName(), BUILD_DIR, mainClass, templateClass, outDir));
        for (Randomizer.Draw d : draws) {
            args.add(d.seed() + ":" + d.scale()[0] + "," + d.scale()[1] + "," + d.scale()[2]);
        }
        return args;
    }

    private List<Path> classpath() {
        return classpath.get();
    }

    /**
     * The training build that makes the {@link StartupCache}: a trusted template compiled and built as any other, in the
     * sandbox in a folder of its own, with the build JVM writing its AOT cache there on exit ({@code -XX:AOTCacheOutput},
     * JDK 25+).
     */
    private boolean train(Path folder, Path cache, StartupCache.Training t) throws Exception {
        String source = t.className() + ".java";
        Files.writeString(folder.resolve(source), t.source());
        if (!(compiler.compile(folder, source, folder.resolve(BUILD_DIR)) instanceof TemplateCompiler.Compilation.Compiled)) {
            LoggerFactory.getLogger(SandboxedTemplateRunner.class).debug("training build: the trusted template did not compile");
            return false;
        }
        List<String> argv = new ArrayList<>(command(Optional.empty(), t.className(), t.draws(), "out"));
        argv.add(1, "-XX:AOTCacheOutput=" + cache);
        // making the cache reserves 3 GiB of address space for its symbol buffer: more than a build may have, and
        // harmless here, since the training template is the pack's own
        var run = run(folder, argv, Optional.empty(), timeout.multipliedBy(2), Math.max(memoryBytes, TRAINING_MEMORY_BYTES));
        boolean made = run instanceof SandboxResult.Exited e && e.exitCode() == 0 && Files.isRegularFile(cache);
        if (!made) {
            LoggerFactory.getLogger(SandboxedTemplateRunner.class).debug("training build: {} {}", run, run.stderr().tail(800));
        }
        StartupCache.keepOnly(folder, cache);
        return made;
    }

    private SandboxResult run(Path ws, List<String> argv, Optional<Path> cache, Duration limit, long memory)
            throws SandboxUnavailableException, InterruptedException {
        var b = ConfinedJvm.request(ws, argv, classpath(), javaHome).timeout(limit).memoryBytes(memory);
        cache.ifPresent(b::readOnly);
        return sandbox.run(b.build());
    }

    /** javac's "File.java:12: error: message" lines become findings at that line. */
    static List<Finding> compileFindings(String sourceFile, String output) {
        List<Finding> out = new ArrayList<>();
        Matcher m = JAVAC_ERROR.matcher(output);
        while (m.find()) {
            out.add(Finding.error("TEMPLATE_COMPILE_ERROR", m.group(3).strip(), m.group(1) + ":" + m.group(2),
                    "fix the Java source; it is compiled against the scene API only"));
        }
        if (out.isEmpty()) {
            out.add(Finding.error("TEMPLATE_COMPILE_ERROR", "javac failed: " + output.strip().lines().limit(8).reduce((a, b) -> a + " | " + b).orElse("no output"),
                    sourceFile, "fix the Java source"));
        }
        return out;
    }

    private static TemplateBuildResult rejected(String code, String message, String location) {
        return new TemplateBuildResult.Rejected(List.of(Finding.error(code, message, location, "")));
    }
}
