package dev.scenarist.packs.mechanisms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.model.Finding;
import dev.scenarist.packs.mechanisms.MechanismsSettings.Engine;
import dev.scenarist.packs.mechanisms.MechanismsSettings.SimulatorChoice;
import dev.scenarist.packs.mechanisms.internal.scenefile.MjcfWriter;
import dev.scenarist.packs.mechanisms.scene.Geom;
import dev.scenarist.packs.mechanisms.scene.Joint;
import dev.scenarist.packs.mechanisms.scene.Mesh;
import dev.scenarist.packs.mechanisms.scene.Meshes;
import dev.scenarist.packs.mechanisms.scene.Scene;
import dev.scenarist.packs.mechanisms.scene.Vec2;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pack's public checks of finished scene files, as the stage benchmark uses them (with the pure-Java engine here). */
class SceneChecksTest {
    static final MechanismsSettings ODE = new MechanismsSettings(SimulatorChoice.ODE, Optional.empty(), Optional.empty(), "");

    @TempDir
    Path tmp;

    /** A crate resting on the floor, with a mesh: valid, watertight, and still for a second. */
    private Path scene() throws Exception {
        Scene scene = Scene.named("crate");
        scene.geom(Geom.plane("floor", 2, 2));
        scene.body("crate").at(0, 0, 0.1).joint(Joint.free("crate_free"))
                .geom(Geom.mesh("crate_geom", Mesh.of("cube", Meshes.extrusion(List.of(Vec2.of(-0.1, -0.1), Vec2.of(0.1, -0.1), Vec2.of(0.1, 0.1), Vec2.of(-0.1, 0.1)), 0.2))).mass(1));
        Path xml = tmp.resolve("scene_1.xml");
        MjcfWriter.write(scene, xml);
        return xml;
    }

    @Test
    void a_sound_scene_passes_every_check_and_a_broken_one_is_named() throws Exception {
        Path xml = scene();
        try (SceneChecks checks = new SceneChecks(ODE)) {
            assertThat(checks.validate(xml)).noneMatch(Finding::isError);
            assertThat(checks.inspectMesh(tmp.resolve("meshes/cube.stl"))).isEmpty();
            assertThat(checks.simulate(xml, 1.0)).isInstanceOf(CheckResult.Passed.class);
            assertThat(checks.simulate(xml, 1e-9)).isInstanceOf(CheckResult.Passed.class);
            assertThat(checks.engine()).doesNotStartWith("MuJoCo");

            Files.writeString(xml, Files.readString(xml).replace("name=\"crate_free\" type=\"free\"", "name=\"crate_free\" type=\"free\" bogus=\"1\""));
            List<Finding> invalid = checks.validate(xml);
            assertThat(invalid).anyMatch(f -> f.isError() && f.message().contains("bogus"));
        }
    }

    @Test
    void the_settings_say_which_engine_they_come_to_without_starting_one() {
        assertThat(ODE.engine()).isEqualTo(Engine.ODE);
        MechanismsSettings nowhere = new MechanismsSettings(SimulatorChoice.AUTO, Optional.of(tmp.resolve("no-sidecar")), Optional.empty(), "");
        assertThat(nowhere.engine()).isEqualTo(Engine.ODE);
        assertThat(nowhere.engineReason()).contains("not installed");
        assertThat(MechanismsSettings.mujoco(tmp).engine()).isEqualTo(Engine.MUJOCO);
    }
}
