package dev.scenarist.packs.mechanisms.internal.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.scenarist.packs.mechanisms.ThisMachine;
import dev.scenarist.packs.mechanisms.internal.mjcf.MjcfModel;
import dev.scenarist.packs.mechanisms.internal.mjcf.ModelFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model whose include and mesh lie in folders beside its own ({@code ../common}, {@code ../assets}) loads in real
 * MuJoCo from where it lies: the sidecar gets exactly the files the model reads, under their relative layout.
 */
class ModelBundleSimulationTest {
    private static MujocoSidecar sidecar;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        sidecar = ThisMachine.mujoco();
    }

    @AfterAll
    static void stop() {
        if (sidecar != null) sidecar.close();
    }

    private static MujocoSidecar mujoco() {
        Optional<String> reason = sidecar.unavailableReason();
        assumeTrue(reason.isEmpty(), () -> "MuJoCo sidecar unavailable, skipped: " + reason.orElseThrow());
        return sidecar;
    }

    private Path model() throws Exception {
        Path models = tmp.resolve("models");
        Files.createDirectories(models.resolve("common"));
        Files.createDirectories(models.resolve("assets"));
        Files.createDirectories(models.resolve("robot"));
        Files.writeString(models.resolve("common/floor.xml"),
                "<mujoco><worldbody><geom name=\"floor\" type=\"plane\" size=\"1 1 0.1\"/></worldbody></mujoco>\n");
        Files.write(models.resolve("assets/cube.stl"), cube(0.05));
        Files.writeString(models.resolve("robot/unrelated.xml"), "<mujoco><worldbody><geom size=\"-1\"/></worldbody></mujoco>\n");
        Path robot = models.resolve("robot/robot.xml");
        Files.writeString(robot, """
                <mujoco model="siblings">
                  <compiler meshdir="../assets"/>
                  <include file="../common/floor.xml"/>
                  <asset><mesh name="cube" file="cube.stl"/></asset>
                  <worldbody>
                    <body name="block" pos="0 0 0.3"><freejoint/><geom type="mesh" mesh="cube"/></body>
                  </worldbody>
                </mujoco>
                """);
        return robot;
    }

    @Test
    void theBundleListsTheModelItsIncludeAndItsMeshUnderTheirCommonFolder() throws Exception {
        Path robot = model();
        List<ModelFile> files = MjcfModel.load(robot, List.of(tmp.resolve("models"))).filesRead();

        ModelBundle bundle = new ModelBundle(robot, files);

        assertThat(files).extracting(f -> tmp.resolve("models").relativize(f.path()).toString())
                .containsExactly("robot/robot.xml", "common/floor.xml", "assets/cube.stl");
        assertThat(bundle.root()).isEqualTo(tmp.resolve("models"));
    }

    @Test
    void mujocoLoadsTheModelFromWhereItLiesWithItsSiblingFiles() throws Exception {
        Path robot = model();
        MujocoSidecar mujoco = mujoco();

        var bundled = mujoco.simulate(new ModelBundle(robot, MjcfModel.load(robot, List.of(tmp.resolve("models"))).filesRead()),
                SimulationLimits.of(0.2));
        var folderOnly = mujoco.simulate(robot, SimulationLimits.of(0.2));

        assertThat(bundled).isInstanceOf(SimulationOutcome.Simulated.class);
        assertThat(folderOnly).as("the model's folder alone lacks ../common and ../assets")
                .isInstanceOfSatisfying(SimulationOutcome.LoadFailed.class, f -> assertThat(f.message()).contains("floor.xml"));
    }

    @Test
    void mujocoSeesOnlyTheListedFiles() throws Exception {
        Path robot = model();
        List<ModelFile> onlyTheModel = MjcfModel.load(robot, List.of(tmp.resolve("models"))).filesRead().subList(0, 1);

        var outcome = mujoco().simulate(new ModelBundle(robot, onlyTheModel), SimulationLimits.of(0.2));

        assertThat(outcome).isInstanceOfSatisfying(SimulationOutcome.LoadFailed.class,
                f -> assertThat(f.message()).contains("floor.xml"));
    }

    @Test
    void aFileTheModelNamesByAbsolutePathIsWhereMujocoOpensIt() throws Exception {
        Path shared = Files.createDirectories(tmp.resolve("shared"));
        Files.writeString(shared.resolve("floor.xml"),
                "<mujoco><worldbody><geom name=\"floor\" type=\"plane\" size=\"1 1 0.1\"/></worldbody></mujoco>\n");
        Path scene = Files.createDirectories(tmp.resolve("scene")).resolve("scene.xml");
        Files.writeString(scene, "<mujoco><include file=\"" + shared.resolve("floor.xml") + "\"/></mujoco>\n");
        List<ModelFile> files = MjcfModel.load(scene, List.of(shared)).filesRead();

        var outcome = mujoco().simulate(new ModelBundle(scene, files), SimulationLimits.of(0.1));

        assertThat(files.get(1).absolute()).isTrue();
        assertThat(outcome).isInstanceOf(SimulationOutcome.Simulated.class);
    }

    /** A closed, outward-oriented cube of half-size {@code h} as binary STL. */
    static byte[] cube(double h) {
        float s = (float) h;
        float[][] v = {{-s, -s, -s}, {s, -s, -s}, {s, s, -s}, {-s, s, -s}, {-s, -s, s}, {s, -s, s}, {s, s, s}, {-s, s, s}};
        int[][] t = {{0, 2, 1}, {0, 3, 2}, {4, 5, 6}, {4, 6, 7}, {0, 1, 5}, {0, 5, 4}, {2, 3, 7}, {2, 7, 6}, {1, 2, 6}, {1, 6, 5},
                {0, 4, 7}, {0, 7, 3}};
        ByteBuffer b = ByteBuffer.allocate(84 + 50 * t.length).order(ByteOrder.LITTLE_ENDIAN);
        b.position(80);
        b.putInt(t.length);
        for (int[] tri : t) {
            for (int k = 0; k < 3; k++) b.putFloat(0f);
            for (int corner : tri) for (float c : v[corner]) b.putFloat(c);
            b.putShort((short) 0);
        }
        return b.array();
    }
}
