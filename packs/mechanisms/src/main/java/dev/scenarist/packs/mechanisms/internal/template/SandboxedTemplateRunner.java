package dev.scenarist.packs.mechanisms.internal.template;

import dev.scenarist.core.files.AtomicFile;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.workspace.Workspace;
import dev.scenarist.sandbox.Sandbox;
import dev.scenarist.sandbox.SandboxRequest;
import dev.scenarist.sandbox.SandboxResult;
import dev.scenarist.sandbox.SandboxUnavailableException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Compiles a model-written template (Java source against the scene API) and runs it, both only inside the sandbox:
 * no network, writes only in the workspace, a wall-clock timeout, memory, file-size, process and workspace limits
 * (running into one is a {@code SANDBOX_LIMIT} finding about the template). The JDK and the scene API are
 * mounted read-only. The template's source never runs in Scenarist's own JVM.
 */
public final class SandboxedTemplateRunner {
    /** Where compiled classes go, inside the workspace (removed again after the run). */
    static final String BUILD_DIR = ".template-classes";
    private static final Pattern JAVAC_ERROR = Pattern.compile("(?m)^(?:.*/)?([^/\\s]+\\.java):(\\d+): error: (.*)$");

    private final Sandbox sandbox;
    private final Path javaHome;
    private final List<Path> apiClasspath;
    private final String mainClass;
    private final Duration timeout;
    private final long memoryBytes;

    /**
     * @param javaHome     a JDK ≥ 21 (javac and java), visible inside the sandbox (under /usr)
     * @param apiClasspath jars or class folders of the scene API and {@code mainClass}
     * @param mainClass    the entry point that loads the template class and writes the scene:
     *                     {@code main(templateClass, seed, sx, sy, sz, outDir)}
     */
    public SandboxedTemplateRunner(Sandbox sandbox, Path javaHome, List<Path> apiClasspath, String mainClass, Duration timeout, long memoryBytes) {
        this.sandbox = sandbox;
        this.javaHome = javaHome;
        this.apiClasspath = List.copyOf(apiClasspath);
        this.mainClass = mainClass;
        this.timeout = timeout;
        this.memoryBytes = memoryBytes;
    }

    /** The JDK whose javac and java compile and run templates. */
    public Path javaHome() {
        return javaHome;
    }

    /**
     * The JDK running Scenarist ({@code javaHome}: its {@code java.home}, which the application reads and passes down),
     * and the jars or class folders of this pack and of the core classes the scene writers use ({@link AtomicFile}).
     * In the application's single jar both are that jar; in a build they are two folders.
     */
    public static SandboxedTemplateRunner forThisJvm(Sandbox sandbox, Path javaHome, String mainClass) {
        List<Path> classpath = Stream.of(SandboxedTemplateRunner.class, AtomicFile.class)
                .map(SandboxedTemplateRunner::codeSource).distinct().toList();
        return new SandboxedTemplateRunner(sandbox, javaHome, classpath, mainClass, Duration.ofSeconds(60), 3L << 30);
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
     * Compiles {@code sourceFile} once and builds every variant in one sandboxed JVM (see {@link TemplateMain} for the
     * files it writes into {@code outDir}). A variant whose {@code build} threw leaves {@code failed_<seed>.txt}
     * among the files; a compile error, a timeout, running out of memory or a crash of the whole JVM is a
     * {@link TemplateBuildResult.Rejected}.
     */
    public TemplateBuildResult buildVariants(Path workspace, String sourceFile, String templateClass, List<Randomizer.Draw> draws, String outDir)
            throws InterruptedException {
        long t0 = System.nanoTime();
        Path ws = workspace.toAbsolutePath();
        Workspace.deleteTree(ws.resolve(BUILD_DIR), true);
        Workspace.deleteTree(ws.resolve(outDir), true);
        String cp = String.join(":", apiClasspath.stream().map(Path::toString).toList());
        try {
            // JVM reservations must fit under the sandbox's address-space limit: small heap, class space, code cache
            var compile = run(ws, List.of(javaHome.resolve("bin/javac").toString(), "-J-Xmx384m", "-J-XX:CompressedClassSpaceSize=64m",
                    "-J-XX:ReservedCodeCacheSize=64m", "-J-XX:TieredStopAtLevel=1", "-nowarn", "-encoding", "UTF-8",
                    "-proc:none", "-cp", cp, "-d", BUILD_DIR, sourceFile));
            if (compile instanceof SandboxResult.LimitExceeded l) return rejected("SANDBOX_LIMIT", "compiling " + sourceFile + " was stopped: " + l.describe(), sourceFile);
            if (compile instanceof SandboxResult.TimedOut) return rejected("TEMPLATE_COMPILE_TIMEOUT", "compiling " + sourceFile + " took longer than " + timeout.toSeconds() + " s", sourceFile);
            var c = (SandboxResult.Exited) compile;
            String said = c.stderr().text() + c.stdout().text();
            if (c.exitCode() > 128 && said.isBlank()) {
                // javac never runs the template: killed by a signal without a word is the machine's doing, not the source's
                return new TemplateBuildResult.Unavailable("javac was killed by signal " + (c.exitCode() - 128)
                        + " before it said anything (out of memory on the host, or killed from outside)", false);
            }
            if (c.exitCode() != 0) return new TemplateBuildResult.Rejected(compileFindings(sourceFile, said));
            List<String> args = new ArrayList<>(List.of(javaHome.resolve("bin/java").toString(), "-Xmx512m", "-XX:CompressedClassSpaceSize=64m",
                    "-XX:ReservedCodeCacheSize=64m", "-XX:TieredStopAtLevel=1", "-Xss4m", "-cp", cp + ":" + BUILD_DIR, mainClass, templateClass, outDir));
            for (Randomizer.Draw d : draws) {
                args.add(d.seed() + ":" + d.scale()[0] + "," + d.scale()[1] + "," + d.scale()[2]);
            }
            var run = run(ws, args);
            if (run instanceof SandboxResult.LimitExceeded l) {
                return rejected("SANDBOX_LIMIT", "building " + draws.size() + " variant(s) was stopped: " + l.describe(), sourceFile);
            }
            if (run instanceof SandboxResult.TimedOut) {
                return rejected("TEMPLATE_TIMEOUT", "building " + draws.size() + " variant(s) ran longer than " + timeout.toSeconds() + " s", sourceFile);
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

    private SandboxResult run(Path ws, List<String> argv) throws SandboxUnavailableException, InterruptedException {
        var b = SandboxRequest.builder(ws, argv).timeout(timeout).memoryBytes(memoryBytes).maxProcesses(256);
        for (Path p : apiClasspath) if (Files.exists(p)) b.readOnly(p);
        b.env("JAVA_HOME", javaHome.toString());
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
