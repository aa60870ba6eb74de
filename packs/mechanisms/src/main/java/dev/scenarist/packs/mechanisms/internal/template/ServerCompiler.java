package dev.scenarist.packs.mechanisms.internal.template;

import dev.scenarist.core.workspace.Workspace;
import dev.scenarist.sandbox.Sandbox;
import dev.scenarist.sandbox.SandboxUnavailableException;
import dev.scenarist.sandbox.SandboxedServer;
import dev.scenarist.sandbox.ServerAnswer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Compiles templates in one long-lived sandboxed JVM, the {@link CompileServer}, started on the first compile and kept
 * for the process (restarted when it dies or overruns a compile's time limit; see {@link SandboxedServer}). Each compile
 * copies the source into a job folder of the server's spool, asks the server, and copies the class files back into
 * the template's workspace; the job folder is removed afterwards. Compiles are served one at a time: warm, one takes
 * a few tens of milliseconds, far less than the scenario's own build JVM.
 */
final class ServerCompiler implements TemplateCompiler {
    /** Answers before the server JVM is replaced; its lifetime CPU limit is what that many compiles could use. */
    static final int COMPILES_PER_SERVER = 500;

    private final Sandbox sandbox;
    private final Path javaHome;
    private final Supplier<List<Path>> classpath;
    private final Duration timeout;
    private final long memoryBytes;
    private SandboxedServer server;
    private Path spool;

    /**
     * @param classpath the scene API and {@link CompileServer}: the server's class path and the templates' compile
     *                  class path; made on first use
     * @param timeout   the limit of one compile
     */
    ServerCompiler(Sandbox sandbox, Path javaHome, Supplier<List<Path>> classpath, Duration timeout, long memoryBytes) {
        this.sandbox = sandbox;
        this.javaHome = javaHome;
        this.classpath = classpath;
        this.timeout = timeout;
        this.memoryBytes = memoryBytes;
    }

    @Override
    public Compilation compile(Path workspace, String sourceFile, Path classes) throws InterruptedException {
        Path source = Path.of(sourceFile).normalize();
        if (source.isAbsolute() || source.startsWith("..") || sourceFile.contains("\t") || sourceFile.contains("\n")) {
            throw new IllegalArgumentException("the source must be a plain path inside the workspace, got '" + sourceFile + "'");
        }
        SandboxedServer s;
        try {
            s = server();
        } catch (IOException e) {
            return new Compilation.Unavailable("cannot make the compile server's spool folder: " + e.getMessage(), false);
        } catch (UnsupportedOperationException e) {
            return new Compilation.Unavailable("templates are compiled only in the confined sandbox: " + e.getMessage(), true);
        }
        try (SandboxedServer.Job job = s.job()) {
            Path copy = job.folder().resolve(source);
            Files.createDirectories(copy.getParent());
            Files.copy(workspace.resolve(source), copy, LinkOption.NOFOLLOW_LINKS);
            return switch (s.ask(job, source.toString())) {
                case ServerAnswer.Answered a -> answered(a.text(), job.folder().resolve(CompileServer.CLASSES), classes);
                case ServerAnswer.TimedOut t -> new Compilation.TimedOut(t.limit().toSeconds());
                case ServerAnswer.LimitExceeded l -> new Compilation.LimitExceeded(l.describe());
                case ServerAnswer.Died d -> new Compilation.Unavailable("the compile server " + (d.exitCode() > 128
                        ? "was killed by signal " + (d.exitCode() - 128) : "exited with code " + d.exitCode())
                        + " while compiling (out of memory on the host, or killed from outside)"
                        + (d.stderr().text().isBlank() ? "" : ": " + d.stderr().tail(800)), false);
            };
        } catch (SandboxUnavailableException e) {
            return new Compilation.Unavailable(e.getMessage(), true);
        } catch (IOException e) {
            return new Compilation.Unavailable("cannot hand " + sourceFile + " to the compile server: " + e.getMessage(), false);
        }
    }

    private static Compilation answered(String text, Path compiled, Path classes) throws IOException {
        int nl = text.indexOf('\n');
        String verdict = nl < 0 ? text : text.substring(0, nl);
        String diagnostics = nl < 0 ? "" : text.substring(nl + 1);
        if (!verdict.equals(CompileServer.COMPILED)) return new Compilation.Failed(diagnostics);
        copyClasses(compiled, classes);
        return new Compilation.Compiled();
    }

    /** Regular files only, links never followed: the class files, nothing the server could point elsewhere. */
    private static void copyClasses(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        if (!Files.isDirectory(from, LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> all = Files.walk(from)) {
            for (Path f : all.toList()) {
                if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) continue;
                Path target = to.resolve(from.relativize(f).toString());
                Files.createDirectories(target.getParent());
                Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING, LinkOption.NOFOLLOW_LINKS);
            }
        }
    }

    private synchronized SandboxedServer server() throws IOException {
        if (server == null) {
            spool = Files.createTempDirectory("scenarist-compile-spool-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            spool.toFile().deleteOnExit();
            List<Path> cp = classpath.get();
            String joined = String.join(":", cp.stream().map(Path::toString).toList());
            var request = ConfinedJvm.request(spool, command(joined), cp, javaHome).timeout(timeout).memoryBytes(memoryBytes);
            server = sandbox.server(request.build(), COMPILES_PER_SERVER);
        }
        return server;
    }

    /**
     * The server JVM ({@link ConfinedJvm}; C1 only, measured over 34 compiles of library templates: C2's own compiling
     * cost more than it saved, server lifetime 9.2 → 4.6 core-s, a warm compile 0.2 → 0.08 core-s), with the JVM's own
     * log lines on stderr, off the answer channel.
     */
    private List<String> command(String classpath) {
        List<String> argv = ConfinedJvm.command(javaHome);
        argv.addAll(List.of("-Xlog:disable", "-Xlog:all=warning:stderr", "-cp", classpath, CompileServer.class.getName(), classpath));
        return argv;
    }

    @Override
    public synchronized void close() {
        if (server != null) server.close();
        server = null;
        if (spool != null) Workspace.deleteTree(spool, true);
    }
}
