package dev.scenarist.packs.mechanisms.internal.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.packs.mechanisms.ThisMachine;
import dev.scenarist.packs.mechanisms.internal.mesh.MeshChecker;
import dev.scenarist.packs.mechanisms.internal.mjcf.MjcfValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A template written against the scene API is compiled and built in the sandbox, across randomized variants. */
public class TemplateMainInSandboxTest {
    /** The builds' compile server, stopped after each test (@AutoClose) rather than left idle until the JVM exits. */
    @AutoClose
    final SandboxedTemplateRunner runner = SandboxedTemplateRunner.forThisJvm(ThisMachine.sandbox(), ThisMachine.JAVA_HOME, TemplateMain.class.getName());

    public static final String PENDULUM = """
            import dev.scenarist.packs.mechanisms.scene.*;
            import java.util.List;

            public class Pendulum implements Template {
                public TemplateInfo info() {
                    return new TemplateInfo("pendulum", 2, "Pendulum", "Swing the bob into the goal.", ScaleLimits.DEFAULT);
                }

                public Scene build(long seed, Scale scale) {
                    Rng rng = new Rng(seed);
                    double length = rng.uniform(0.3, 0.6) * scale.z();
                    Scene scene = Scene.named("pendulum");
                    scene.geom(Geom.plane("floor", 0, 0));
                    Joint swing = Joint.hinge("swing").axis(0, 1, 0).range(-1.5, 1.5).damping(0.05);
                    scene.body("agent_pendulum").at(0, 0, length + 0.2)
                         .joint(swing)
                         .geom(Geom.capsule("rod", 0.01, Vec3.ZERO, Vec3.of(0, 0, -length)).density(2700))
                         .geom(Geom.mesh("bob", Mesh.of("bob", Meshes.revolution(
                                 List.of(Vec2.of(0, -0.05), Vec2.of(0.05, 0), Vec2.of(0, 0.05)), 24))).at(0, 0, -length));
                    scene.actuator(Actuator.motor("agent_torque", swing).ctrlRange(-1, 1));
                    scene.zone(Zone.GOAL, Vec3.of(length, 0, 0.2), Vec3.of(0.05, 0.05, 0.05));
                    return scene;
                }
            }
            """;

    @TempDir
    Path ws;

    @Test
    void aTemplateIsBuiltInTheSandboxForEveryVariantAndItsScenesPassTheStaticAndMeshChecks() throws Exception {
        Files.writeString(ws.resolve("Pendulum.java"), PENDULUM);
        var seenXml = new HashSet<String>();
        for (var draw : Randomizer.draws(42, 3, Randomizer.Limits.DEFAULT)) {
            String out = "variant-" + draw.seed();
            var result = runner.build(ws, "Pendulum.java", "Pendulum", draw.seed(), draw.scale(), out);
            assertThat(result).as("variant %s", draw.seed()).isInstanceOf(TemplateBuildResult.Built.class);
            var built = (TemplateBuildResult.Built) result;
            assertThat(built.files()).contains(out + "/scene_" + draw.seed() + ".xml", out + "/meshes/bob_" + draw.seed() + ".stl");
            Path xml = ws.resolve(out).resolve("scene_" + draw.seed() + ".xml");
            assertThat(new MjcfValidator().validate(xml)).noneMatch(f -> f.isError());
            assertThat(MeshChecker.check(ws.resolve(out).resolve("meshes/bob_" + draw.seed() + ".stl"))).noneMatch(f -> f.isError());
            seenXml.add(Files.readString(xml));
        }
        assertThat(seenXml).as("different seeds and scales give different scenes").hasSize(3);
    }

    @Test
    void aClassThatIsNotATemplateIsRejectedWithASayingMessage() throws Exception {
        Files.writeString(ws.resolve("NotOne.java"), "public class NotOne { }\n");
        var result = runner.build(ws, "NotOne.java", "NotOne", 1, new double[] {1, 1, 1}, "out");
        assertThat(result).isInstanceOfSatisfying(TemplateBuildResult.Rejected.class,
                r -> assertThat(r.findings().getFirst().message()).contains("does not implement").contains("Template"));
    }

    @Test
    void theRandomizerStartsAtUnitScaleAndStaysWithinTheLimitsDeterministically() {
        var limits = new Randomizer.Limits(0.5, 2.0, 0.8, 1.2, 1.0, 1.0);
        List<Randomizer.Draw> a = Randomizer.draws(7, 5, limits);
        List<Randomizer.Draw> b = Randomizer.draws(7, 5, limits);
        assertThat(a.getFirst().scale()).containsExactly(1, 1, 1);
        assertThat(a).hasSize(5).allSatisfy(d -> {
            assertThat(d.scale()[0]).isBetween(0.5, 2.0);
            assertThat(d.scale()[1]).isBetween(0.8, 1.2);
            assertThat(d.scale()[2]).isEqualTo(1.0);
        });
        for (int i = 0; i < 5; i++) {
            assertThat(a.get(i).seed()).isEqualTo(b.get(i).seed());
            assertThat(a.get(i).scale()).containsExactly(b.get(i).scale());
        }
        assertThat(a.stream().map(Randomizer.Draw::seed).distinct()).hasSize(5);
    }
}
