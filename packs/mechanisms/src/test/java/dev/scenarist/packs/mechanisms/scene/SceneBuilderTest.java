package dev.scenarist.packs.mechanisms.scene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SceneBuilderTest {
    @Test
    void refuses_a_duplicate_body_name_naming_it() {
        Scene scene = Scene.named("s");
        scene.body("arm").body("hand");
        assertThatThrownBy(() -> scene.body("hand"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duplicate body name 'hand'")
                .hasMessageContaining("body 'arm'");
    }

    @Test
    void refuses_duplicate_geom_joint_site_and_actuator_names_across_bodies() {
        Scene scene = Scene.named("s");
        Joint hinge = Joint.hinge("j").axis(0, 0, 1);
        scene.body("a").joint(hinge).geom(Geom.sphere("g", 0.1)).site(Site.sphere("s", 0.01));
        Body b = scene.body("b");
        assertThatThrownBy(() -> b.geom(Geom.box("g", 1, 1, 1))).hasMessageContaining("duplicate geom name 'g'");
        assertThatThrownBy(() -> b.joint(Joint.slide("j"))).hasMessageContaining("duplicate joint name 'j'");
        assertThatThrownBy(() -> b.site(Site.sphere("s", 0.1))).hasMessageContaining("duplicate site name 's'");
        scene.actuator(Actuator.motor("m", hinge));
        assertThatThrownBy(() -> scene.actuator(Actuator.motor("m", hinge)))
                .hasMessageContaining("duplicate actuator name 'm'");
    }

    @Test
    void refuses_the_reserved_world_body_name() {
        assertThatThrownBy(() -> Scene.named("s").body("world")).hasMessageContaining("duplicate body name 'world'");
    }

    @Test
    void lets_different_kinds_share_a_name_as_mujoco_does() {
        Scene scene = Scene.named("s");
        scene.body("door").geom(Geom.box("door", 0.1, 0.1, 0.1));
        assertThat(scene.bodies()).extracting(Body::name).containsExactly("door");
    }

    @Test
    void refuses_a_different_mesh_under_a_used_name_and_leaves_no_trace() {
        Scene scene = Scene.named("s");
        TriangleMesh prism = Meshes.extrusion(Meshes.regularPolygon(0.1, 3), 0.1);
        TriangleMesh other = Meshes.extrusion(Meshes.regularPolygon(0.1, 5), 0.1);
        scene.geom(Geom.mesh("first", Mesh.of("shape", prism)));
        scene.geom(Geom.mesh("same_mesh_again", Mesh.of("shape", prism)));
        assertThatThrownBy(() -> scene.geom(Geom.mesh("second", Mesh.of("shape", other))))
                .hasMessageContaining("duplicate mesh name 'shape'");
        // The refused geom's name was not taken.
        scene.geom(Geom.mesh("second", Mesh.of("shape_2", other)));
        assertThat(scene.meshes()).extracting(Mesh::name).containsExactly("shape", "shape_2");
    }

    @Test
    void allows_free_joints_only_on_top_level_bodies() {
        Scene scene = Scene.named("s");
        scene.body("ball").joint(Joint.free("ball_free"));
        Body inner = scene.body("arm").body("loose");
        assertThatThrownBy(() -> inner.joint(Joint.free("loose_free")))
                .hasMessageContaining("free joint 'loose_free'")
                .hasMessageContaining("inside body 'arm'");
    }

    @Test
    void keeps_planes_in_static_bodies_as_mujoco_requires() {
        Scene scene = Scene.named("s");
        Body cart = scene.body("cart").joint(Joint.slide("rail").axis(1, 0, 0));
        assertThatThrownBy(() -> cart.body("deck").geom(Geom.plane("deck", 1, 1)))
                .hasMessageContaining("plane geom 'deck' cannot go in body 'deck', which moves");
        Body stand = scene.body("stand");
        stand.body("base").geom(Geom.plane("ground", 0, 0));
        assertThat(stand.isStatic()).isTrue();
        assertThatThrownBy(() -> stand.joint(Joint.hinge("spin")))
                .hasMessageContaining("body 'base' holds a plane");
    }

    @Test
    void keeps_the_world_body_still() {
        Scene scene = Scene.named("s");
        assertThatThrownBy(() -> scene.world().joint(Joint.hinge("h"))).hasMessageContaining("world body");
        assertThatThrownBy(() -> scene.world().at(0, 0, 1)).hasMessageContaining("world body");
    }

    @Test
    void refuses_an_actuator_whose_joint_is_not_in_the_scene() {
        Scene scene = Scene.named("s");
        assertThatThrownBy(() -> scene.actuator(Actuator.motor("m", Joint.hinge("nowhere"))))
                .hasMessageContaining("joint 'nowhere', which is not in the scene");
        assertThatThrownBy(() -> Actuator.motor("m", Joint.ball("b")))
                .hasMessageContaining("only hinge and slide joints");
    }

    @Test
    void names_bad_values_in_errors() {
        assertThatThrownBy(() -> Geom.box("crate", 0.1, -2, 0.1)).hasMessage("box 'crate' half-size y must be > 0, was -2");
        assertThatThrownBy(() -> Joint.hinge("h").range(1, 0)).hasMessageContaining("min < max, was [1, 0]");
        assertThatThrownBy(() -> Joint.free("f").axis(0, 0, 1)).hasMessageContaining("has no axis");
        assertThatThrownBy(() -> Geom.sphere("bad name", 1)).hasMessageContaining("geom name 'bad name' is not valid");
        assertThatThrownBy(() -> Quat.of(0, 0, 0, 0)).hasMessageContaining("all zeros");
    }

    @Test
    void makes_zones_labelled_semi_transparent_and_non_colliding() {
        Scene scene = Scene.named("s");
        Geom goal = scene.zone(Zone.GOAL, Vec3.of(1, 0, 0), Vec3.of(0.2, 0.2, 0.01));
        Geom pit = scene.zone(Zone.FORBID, "pit", Vec3.of(0, 1, 0), Vec3.of(0.2, 0.2, 0.01));
        assertThat(List.of(goal.name(), pit.name())).containsExactly("zone_goal", "zone_forbid_pit");
        assertThat(goal.collides()).isFalse();
        assertThat(goal.contype()).contains(0);
        assertThat(goal.conaffinity()).contains(0);
        assertThat(goal.rgba().orElseThrow().a()).isLessThan(1);
        assertThat(PartLabel.of(goal.name())).isEqualTo(PartLabel.ZONE_GOAL);
        assertThat(PartLabel.of(pit.name())).isEqualTo(PartLabel.ZONE_FORBID);
        assertThatThrownBy(() -> scene.zone(Zone.GOAL, Vec3.ZERO, Vec3.of(1, 1, 1)))
                .hasMessageContaining("duplicate geom name 'zone_goal'");
    }

    @Test
    void reads_part_labels_from_names() {
        assertThat(PartLabel.of("obstacle_3")).isEqualTo(PartLabel.OBSTACLE);
        assertThat(PartLabel.of(PartLabel.AGENT.named("gripper"))).isEqualTo(PartLabel.AGENT);
        assertThat(PartLabel.of("zone_start")).isEqualTo(PartLabel.ZONE_START);
        assertThat(PartLabel.of("obstacles")).isEqualTo(PartLabel.NONE);
        assertThat(PartLabel.of("floor")).isEqualTo(PartLabel.NONE);
    }

    @Test
    void geoms_are_values_a_setter_returns_a_changed_copy() {
        Geom crate = Geom.box("crate", 0.1, 0.1, 0.1).density(500);
        Geom moved = crate.named("crate_2").at(1, 0, 0).mass(2);
        assertThat(crate.pos()).isEmpty();
        assertThat(crate.density()).contains(500.0);
        assertThat(moved.name()).isEqualTo("crate_2");
        assertThat(moved.mass()).contains(2.0);
        assertThat(moved.density()).isEmpty();
    }
}
