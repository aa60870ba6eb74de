package dev.scenarist.packs.mechanisms.internal.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.packs.mechanisms.ThisMachine;
import dev.scenarist.sandbox.CapturedOutput;
import dev.scenarist.sandbox.Sandbox;
import dev.scenarist.sandbox.SandboxRequest;
import dev.scenarist.sandbox.SandboxResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build JVM's AOT cache: trained once, on the trusted template only, in a folder of its own, and then only read —
 * mounted read-only into each build's sandbox. The sandbox here records what it is asked to run and plays the JVM's
 * part (writes the cache when asked to, a scene and the class file for a build).
 */
class StartupCacheTest {
    @TempDir
    Path ws;

    /** Plays the compile server: the class file of the source's class, in the folder asked for. */
    static final class WritingCompiler implements TemplateCompiler {
        final List<Path> compiled = new CopyOnWriteArrayList<>();

        @Override
        public Compilation compile(Path workspace, String sourceFile, Path classes) {
            try {
                Files.createDirectories(classes);
                Files.writeString(classes.resolve(sourceFile.replace(".java", ".class")), "");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            compiled.add(workspace.resolve(sourceFile));
            return new Compilation.Compiled();
        }

        @Override
        public void close() {}
    }

    /** Every request, and for each the files a real run would leave. */
    static final class RecordingSandbox implements Sandbox {
        final List<SandboxRequest> requests = new CopyOnWriteArrayList<>();

        @Override
        public SandboxResult run(SandboxRequest r) {
            requests.add(r);
            try {
                for (String a : r.argv()) {
                    if (a.startsWith("-XX:AOTCacheOutput=")) Files.writeString(Path.of(a.substring("-XX:AOTCacheOutput=".length())), "aot");
                }
                int main = r.argv().indexOf(RunCompiled.class.getName());
                Path out = r.workDir().resolve(r.argv().get(main + 4)); // classes dir, main class, template class, out
                Files.createDirectories(out);
                Files.writeString(out.resolve("scene_1.xml"), "<mujoco/>");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            var none = new CapturedOutput("", 0, false);
            return new SandboxResult.Exited(0, none, none, Duration.ofMillis(1), true);
        }

        @Override
        public boolean confined() {
            return true;
        }

        List<SandboxRequest> training() {
            return requests.stream().filter(r -> r.argv().stream().anyMatch(a -> a.startsWith("-XX:AOTCacheOutput="))).toList();
        }
    }

    /** Waits for the background training (a wait, not a timing assertion: it fails only if training never happens). */
    private static void until(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.call()) {
            assertThat(System.nanoTime()).as("the condition never held").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private TemplateBuildResult build(SandboxedTemplateRunner runner) throws Exception {
        Files.writeString(ws.resolve("Ramp.java"), "public class Ramp {}");
        return runner.buildVariants(ws, "Ramp.java", "Ramp", List.of(new Randomizer.Draw(1, new double[] {1, 1, 1})), "out");
    }

    @Test
    void the_cache_is_trained_once_on_the_trusted_template_and_then_mounted_read_only_into_every_build() throws Exception {
        RecordingSandbox sandbox = new RecordingSandbox();
        var compiler = new WritingCompiler();
        var runner = new SandboxedTemplateRunner(sandbox, ThisMachine.JAVA_HOME, List.of(ws), "Main", Duration.ofSeconds(5), 3L << 30)
                .compilingWith(compiler)
                .trainedOn("Trusted", "public class Trusted {}", List.of(new Randomizer.Draw(9, new double[] {1, 1, 1})));

        assertThat(build(runner)).isInstanceOf(TemplateBuildResult.Built.class);
        assertThat(sandbox.training()).as("a single build trains nothing").isEmpty();
        build(runner); // the second build starts the training
        until(() -> sandbox.training().size() == 1);
        SandboxRequest training = sandbox.training().getFirst();
        assertThat(training.workDir()).as("trained in a folder of its own").isNotEqualTo(ws);
        assertThat(training.argv()).contains("Trusted").doesNotContain("Ramp");
        assertThat(compiler.compiled).as("the trusted template is compiled in the training folder")
                .anySatisfy(p -> assertThat(p).isEqualTo(training.workDir().resolve("Trusted.java")));
        Path cache = Path.of(training.argv().stream().filter(a -> a.startsWith("-XX:AOTCacheOutput=")).findFirst().orElseThrow()
                .substring("-XX:AOTCacheOutput=".length()));

        until(() -> {
            build(runner);
            return sandbox.requests.getLast().argv().contains("-XX:AOTCache=" + cache);
        });
        SandboxRequest later = sandbox.requests.getLast();
        assertThat(later.workDir()).isEqualTo(ws);
        assertThat(later.readOnlyPaths()).as("the cache is only read").contains(cache);
        assertThat(Files.getPosixFilePermissions(cache)).as("not even writable by its owner")
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
        build(runner);
        assertThat(sandbox.training()).as("trained once").hasSize(1);
    }

    @Test
    void without_a_trusted_template_nothing_is_trained() throws Exception {
        RecordingSandbox sandbox = new RecordingSandbox();
        var runner = new SandboxedTemplateRunner(sandbox, ThisMachine.JAVA_HOME, List.of(ws), "Main", Duration.ofSeconds(5), 3L << 30)
                .compilingWith(new WritingCompiler());
        for (int i = 0; i < 3; i++) build(runner);
        assertThat(sandbox.training()).isEmpty();
        assertThat(sandbox.requests).allSatisfy(r -> assertThat(r.argv()).noneMatch(a -> a.startsWith("-XX:AOTCache")));
    }
}
