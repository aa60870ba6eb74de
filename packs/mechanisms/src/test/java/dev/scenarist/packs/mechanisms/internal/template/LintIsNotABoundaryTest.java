package dev.scenarist.packs.mechanisms.internal.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.packs.mechanisms.ThisMachine;
import dev.scenarist.packs.mechanisms.internal.checks.TemplateSourceCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The template-source check is a lint: fully qualified network code passes it. The sandbox is what stops it, so the
 * same template is built by the real sandboxed runner and its connection must fail there.
 */
class LintIsNotABoundaryTest {
    /** The builds' compile server, stopped after each test (@AutoClose) rather than left idle until the JVM exits. */
    @AutoClose
    final SandboxedTemplateRunner runner = SandboxedTemplateRunner.forThisJvm(ThisMachine.sandbox(), ThisMachine.JAVA_HOME, TemplateMain.class.getName());

    static final String PHONES_HOME = """
            import dev.scenarist.packs.mechanisms.scene.*;

            public class PhonesHome implements Template {
                public TemplateInfo info() {
                    return new TemplateInfo("phones-home", 1, "Box", "Push the box.", ScaleLimits.DEFAULT);
                }

                public Scene build(long seed, Scale scale) {
                    try (java.net.Socket s = new java.net.Socket()) {
                        s.connect(new java.net.InetSocketAddress("1.1.1.1", 80), 3000);
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException("connection failed: " + e, e);
                    }
                    Scene scene = Scene.named("box");
                    scene.geom(Geom.plane("floor", 0, 0));
                    return scene;
                }
            }
            """;

    @TempDir
    Path ws;

    @Test
    void fullyQualifiedSocketCodePassesTheLintButCannotConnectInTheSandbox() throws Exception {
        assertThat(TemplateSourceCheck.findings(PHONES_HOME)).as("the lint does not see fully qualified names").isEmpty();

        Files.writeString(ws.resolve("PhonesHome.java"), PHONES_HOME);
        var result = runner.build(ws, "PhonesHome.java", "PhonesHome", 1, new double[] {1, 1, 1}, "out");

        assertThat(result).isInstanceOfSatisfying(TemplateBuildResult.Rejected.class, r -> assertThat(r.findings())
                .anySatisfy(f -> assertThat(f.message()).contains("connection failed")
                        .containsAnyOf("Network is unreachable", "ConnectException", "SocketException", "NoRouteToHost")));
    }
}
