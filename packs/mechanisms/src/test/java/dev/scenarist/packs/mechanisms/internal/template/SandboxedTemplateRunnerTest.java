package dev.scenarist.packs.mechanisms.internal.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.packs.mechanisms.ThisMachine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model-written Java runs only in the sandbox: compiled and run there, with its limits. */
class SandboxedTemplateRunnerTest {
    @TempDir
    Path ws;

    SandboxedTemplateRunner runner(Duration timeout) throws Exception {
        Path testClasses = Path.of(EchoMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return new SandboxedTemplateRunner(ThisMachine.sandbox(), ThisMachine.JAVA_HOME, List.of(testClasses),
                EchoMain.class.getName(), timeout, 3L << 30);
    }

    static final String RAMP = """
            import java.nio.file.*;
            public class Ramp {
                public static void build(Path out, long seed) throws Exception {
            %s
                }
            }
            """;

    TemplateBuildResult run(String body, Duration timeout) throws Exception {
        Files.writeString(ws.resolve("Ramp.java"), RAMP.formatted(body));
        try (var runner = runner(timeout)) {
            return runner.build(ws, "Ramp.java", "Ramp", 7, new double[] {1, 1, 1}, "out");
        }
    }

    @Test
    void aTemplateThatCompilesAndRunsWritesItsFilesIntoTheWorkspace() throws Exception {
        var r = run("Files.writeString(out.resolve(\"scene_\" + seed + \".xml\"), \"<mujoco/>\");", Duration.ofSeconds(60));
        assertThat(r).isInstanceOfSatisfying(TemplateBuildResult.Built.class, b -> assertThat(b.files()).containsExactly("out/scene_7.xml"));
        assertThat(ws.resolve(SandboxedTemplateRunner.BUILD_DIR)).as("compiled classes are cleaned up").doesNotExist();
    }

    @Test
    void aCompileErrorBecomesAFindingAtItsLine() throws Exception {
        var r = run("int x = \"not a number\";", Duration.ofSeconds(60));
        assertThat(r).isInstanceOfSatisfying(TemplateBuildResult.Rejected.class, x -> assertThat(x.findings()).anySatisfy(f -> {
            assertThat(f.code()).isEqualTo("TEMPLATE_COMPILE_ERROR");
            assertThat(f.location()).isEqualTo("Ramp.java:4");
            assertThat(f.message()).contains("incompatible types");
        }));
    }

    @Test
    void aCompilerKilledFromOutsideWithoutAWordIsNoVerdictOnTheSourceAndMayBeRetried() throws Exception {
        Files.writeString(ws.resolve("Ramp.java"), "public class Ramp {}");
        TemplateCompiler killed = new TemplateCompiler() {
            @Override
            public Compilation compile(Path workspace, String sourceFile, Path classes) {
                // what ServerCompiler answers when the server dies mid-compile (SandboxedServerTest: a death is reported)
                return new Compilation.Unavailable("the compile server was killed by signal 9 while compiling", false);
            }

            @Override
            public void close() {}
        };
        var runner = new SandboxedTemplateRunner(ThisMachine.sandbox(), ThisMachine.JAVA_HOME, List.of(ws), "Main", Duration.ofSeconds(5), 3L << 30)
                .compilingWith(killed);

        var r = runner.build(ws, "Ramp.java", "Ramp", 7, new double[] {1, 1, 1}, "out");

        assertThat(r).isInstanceOfSatisfying(TemplateBuildResult.Unavailable.class, u -> {
            assertThat(u.permanent()).as("a retry may pass").isFalse();
            assertThat(u.reason()).contains("killed by signal 9");
        });
    }

    @Test
    void oneCompileServerServesBuildAfterBuildAndACompileServerKilledWhileIdleIsReplaced() throws Exception {
        // servers of runners that other tests in this JVM left open are not this runner's
        List<ProcessHandle> others = compileServers();
        try (var runner = runner(Duration.ofSeconds(60))) {
            String body = "Files.writeString(out.resolve(\"scene_\" + seed + \".xml\"), \"<mujoco/>\");";
            Files.writeString(ws.resolve("Ramp.java"), RAMP.formatted(body));
            assertThat(runner.build(ws, "Ramp.java", "Ramp", 7, new double[] {1, 1, 1}, "out")).isInstanceOf(TemplateBuildResult.Built.class);
            List<ProcessHandle> first = compileServersBesides(others);
            assertThat(first).as("one compile server, a child of this JVM").hasSize(1);
            assertThat(runner.build(ws, "Ramp.java", "Ramp", 8, new double[] {1, 1, 1}, "out")).isInstanceOf(TemplateBuildResult.Built.class);
            assertThat(compileServersBesides(others)).as("the same server compiled again").isEqualTo(first);

            first.getFirst().destroyForcibly();
            first.getFirst().onExit().get();

            assertThat(runner.build(ws, "Ramp.java", "Ramp", 9, new double[] {1, 1, 1}, "out")).isInstanceOf(TemplateBuildResult.Built.class);
            assertThat(compileServersBesides(others)).hasSize(1).doesNotContainAnyElementsOf(first);
        }
        assertThat(compileServersBesides(others)).as("closing the runner stops its compile server").isEmpty();
    }

    private static List<ProcessHandle> compileServersBesides(List<ProcessHandle> others) {
        return compileServers().stream().filter(h -> !others.contains(h)).toList();
    }

    private static List<ProcessHandle> compileServers() {
        return ProcessHandle.current().descendants()
                .filter(h -> h.isAlive() && h.info().commandLine().orElse("").contains(CompileServer.class.getName() + " "))
                .filter(h -> h.info().command().orElse("").endsWith("/java")).toList();
    }

    @Test
    void aTemplateThatNeverReturnsIsStoppedAtTheTimeout() throws Exception {
        var r = run("while (true) { }", Duration.ofSeconds(8));
        assertThat(r).isInstanceOfSatisfying(TemplateBuildResult.Rejected.class,
                x -> assertThat(x.findings()).extracting(f -> f.code()).containsAnyOf("TEMPLATE_TIMEOUT", "TEMPLATE_COMPILE_TIMEOUT"));
    }

    @Test
    void aTemplateCannotWriteOutsideTheWorkspace() throws Exception {
        Path outside = Files.createTempFile("outside", ".txt");
        var r = run("Files.writeString(Path.of(\"" + outside + "\"), \"pwned\");", Duration.ofSeconds(60));
        assertThat(r).isInstanceOf(TemplateBuildResult.Rejected.class);
        assertThat(Files.readString(outside)).isEmpty();
    }

    @Test
    void aTemplateHasNoNetwork() throws Exception {
        var r = run("new java.net.Socket(\"1.1.1.1\", 80).close();", Duration.ofSeconds(60));
        assertThat(r).isInstanceOfSatisfying(TemplateBuildResult.Rejected.class,
                x -> assertThat(x.findings().getFirst().message()).containsAnyOf("Network is unreachable", "SocketException", "ConnectException"));
    }
}
