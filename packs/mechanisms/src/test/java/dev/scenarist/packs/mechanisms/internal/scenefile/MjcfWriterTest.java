package dev.scenarist.packs.mechanisms.internal.scenefile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.packs.mechanisms.scene.Actuator;
import dev.scenarist.packs.mechanisms.scene.Geom;
import dev.scenarist.packs.mechanisms.scene.Integrator;
import dev.scenarist.packs.mechanisms.scene.Joint;
import dev.scenarist.packs.mechanisms.scene.Material;
import dev.scenarist.packs.mechanisms.scene.Mesh;
import dev.scenarist.packs.mechanisms.scene.Meshes;
import dev.scenarist.packs.mechanisms.scene.Rgba;
import dev.scenarist.packs.mechanisms.scene.Scene;
import dev.scenarist.packs.mechanisms.scene.Site;
import dev.scenarist.packs.mechanisms.scene.TriangleMesh;
import dev.scenarist.packs.mechanisms.scene.Vec2;
import dev.scenarist.packs.mechanisms.scene.Vec3;
import dev.scenarist.packs.mechanisms.scene.Zone;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class MjcfWriterTest {
    @TempDir
    Path dir;

    private static Scene smallScene() {
        Scene scene = Scene.named("pendulum").timestep(0.001).integrator(Integrator.IMPLICITFAST);
        Material steel = Material.of("steel", Rgba.of(0.7, 0.7, 0.75));
        scene.geom(Geom.plane("floor", 2, 2));
        Joint swing = Joint.hinge("swing").axis(0, 1, 0).range(-Math.PI / 2, Math.PI / 2).damping(0.1);
        scene.body("agent_pendulum").at(0, 0, 1)
                .joint(swing)
                .geom(Geom.capsule("rod", 0.01, Vec3.ZERO, Vec3.of(0, 0, -0.5)).material(steel).density(7800))
                .geom(Geom.mesh("bob", Mesh.of("bob", Meshes.revolution(List.of(Vec2.of(0, -0.05), Vec2.of(0.05, 0),
                        Vec2.of(0, 0.05)), 12))).at(0, 0, -0.5).mass(1))
                .site(Site.sphere("tip", 0.01).at(0, 0, -0.55));
        scene.actuator(Actuator.motor("torque", swing).gear(2).ctrlRange(-1, 1));
        return scene;
    }

    @Test
    void writes_mjcf_with_fixed_attribute_order_and_number_format() {
        assertThat(MjcfWriter.toXml(smallScene())).isEqualTo("""
                <?xml version="1.0" encoding="UTF-8"?>
                <mujoco model="pendulum">
                  <compiler angle="radian" meshdir="meshes" autolimits="true"/>
                  <option timestep="0.001" gravity="0 0 -9.81" integrator="implicitfast"/>
                  <asset>
                    <material name="steel" rgba="0.7 0.7 0.75 1"/>
                    <mesh name="bob" file="bob.stl"/>
                  </asset>
                  <worldbody>
                    <geom name="floor" type="plane" size="2 2 0.1"/>
                    <body name="agent_pendulum" pos="0 0 1">
                      <joint name="swing" type="hinge" axis="0 1 0" limited="true" range="-1.5708 1.5708" damping="0.1"/>
                      <geom name="rod" type="capsule" size="0.01" fromto="0 0 0 0 0 -0.5" material="steel" density="7800"/>
                      <geom name="bob" type="mesh" mesh="bob" pos="0 0 -0.5" mass="1"/>
                      <site name="tip" type="sphere" size="0.01" pos="0 0 -0.55"/>
                    </body>
                  </worldbody>
                  <actuator>
                    <motor name="torque" joint="swing" gear="2" ctrllimited="true" ctrlrange="-1 1"/>
                  </actuator>
                </mujoco>
                """);
    }

    @Test
    void writes_the_xml_and_binary_stl_meshes_beside_it_and_lists_them() throws Exception {
        List<Path> files = MjcfWriter.write(smallScene(), dir.resolve("scene_1.xml"));
        assertThat(files).containsExactly(dir.resolve("scene_1.xml"), dir.resolve("meshes/bob.stl"));
        byte[] stl = Files.readAllBytes(dir.resolve("meshes/bob.stl"));
        assertThat(new String(stl, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isNotEqualTo("solid");
        assertThat(StlReader.read(stl).triangleCount()).isEqualTo(2 * 12);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(files.get(0).toFile());
        Element compiler = (Element) doc.getElementsByTagName("compiler").item(0);
        assertThat(compiler.getAttribute("meshdir")).isEqualTo("meshes");
        assertThat(doc.getElementsByTagName("geom").getLength()).isEqualTo(3);
        assertThat(dir).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void writes_the_same_bytes_whatever_the_default_locale() {
        String english = MjcfWriter.toXml(smallScene());
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("de-DE"));
            assertThat(MjcfWriter.toXml(smallScene())).isEqualTo(english);
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertThat(MjcfWriter.toXml(smallScene())).isEqualTo(english);
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void writes_zones_as_non_colliding_semi_transparent_geoms_without_negative_zero() {
        Scene scene = Scene.named("zones");
        scene.zone(Zone.GOAL, Vec3.of(1, -0.0, 0.01), Vec3.of(0.2, 0.2, 0.01));
        assertThat(MjcfWriter.toXml(scene)).contains("<geom name=\"zone_goal\" type=\"box\" size=\"0.2 0.2 0.01\""
                + " pos=\"1 0 0.01\" rgba=\"0.2 0.8 0.3 0.3\" contype=\"0\" conaffinity=\"0\"/>");
    }

    @Test
    void asks_mujoco_for_exact_mesh_inertia_only_when_the_mesh_says_so() {
        Scene scene = Scene.named("plates");
        TriangleMesh plate = Meshes.boxWithHole(0.2, 0.2, 0.01, 0.05, 16);
        scene.body("hull").geom(Geom.mesh("hull", Mesh.of("hull", plate)));
        scene.body("exact").geom(Geom.mesh("exact", Mesh.of("exact", plate).withExactInertia()));
        assertThat(MjcfWriter.toXml(scene))
                .contains("<mesh name=\"hull\" file=\"hull.stl\"/>")
                .contains("<mesh name=\"exact\" file=\"exact.stl\" inertia=\"exact\"/>");
    }
}
