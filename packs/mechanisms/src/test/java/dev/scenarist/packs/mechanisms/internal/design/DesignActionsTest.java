package dev.scenarist.packs.mechanisms.internal.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.scenarist.packs.mechanisms.ThisMachine;
import dev.scenarist.packs.mechanisms.internal.scenefile.MjcfWriter;
import dev.scenarist.packs.mechanisms.internal.sim.MujocoSidecar;
import dev.scenarist.packs.mechanisms.internal.task.TaskFormatException;
import dev.scenarist.packs.mechanisms.internal.task.TaskJson;
import dev.scenarist.packs.mechanisms.internal.task.TaskPlay;
import dev.scenarist.packs.mechanisms.internal.task.TaskPlayer;
import dev.scenarist.packs.mechanisms.internal.task.TaskReader;
import dev.scenarist.packs.mechanisms.internal.task.Verdict;
import dev.scenarist.packs.mechanisms.scene.Control;
import dev.scenarist.packs.mechanisms.scene.Design;
import dev.scenarist.packs.mechanisms.scene.DesignedPart;
import dev.scenarist.packs.mechanisms.scene.Geom;
import dev.scenarist.packs.mechanisms.scene.Joint;
import dev.scenarist.packs.mechanisms.scene.Quat;
import dev.scenarist.packs.mechanisms.scene.Scene;
import dev.scenarist.packs.mechanisms.scene.Solution;
import dev.scenarist.packs.mechanisms.scene.Task;
import dev.scenarist.packs.mechanisms.scene.Vec3;
import dev.scenarist.packs.mechanisms.scene.Zone;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parts a solution designs are put into the scene as MuJoCo loads it (the scene file unchanged) and refused, with
 * the part and the fix named, when they lie outside every build zone, exceed the budget, or overlap the scene at t=0.
 */
class DesignActionsTest {
    private static MujocoSidecar sidecar;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        sidecar = ThisMachine.mujoco();
    }

    @AfterAll
    static void stop() {
        sidecar.close();
    }

    /** A puck on the floor, a wall, a goal ahead of the puck and a build zone beside the wall. */
    private Path scene() throws IOException {
        Scene s = Scene.named("design_test");
        s.geom(Geom.plane("floor", 0, 0));
        s.geom(Geom.box("wall", 0.05, 0.3, 0.1).at(0.5, 0, 0.1));
        s.body("puck").at(0, 0, 0.0205).joint(Joint.free("puck_free")).geom(Geom.cylinder("puck", 0.04, 0.02).density(600));
        s.body("turntable").at(-0.5, 0.5, 0.05).oriented(Quat.axisAngle(Vec3.Z, Math.PI / 2))
                .geom(Geom.box("turntable_top", 0.1, 0.1, 0.05));
        s.zone(Zone.GOAL, Vec3.of(0.3, 0, 0.005), Vec3.of(0.06, 0.06, 0.005));
        s.zone(Zone.BUILD, Vec3.of(0.3, 0.5, 0.15), Vec3.of(0.15, 0.15, 0.15));
        Path xml = dir.resolve("scene.xml");
        MjcfWriter.write(s, xml);
        return xml;
    }

    private static Task task() {
        return Task.reach(Task.Subject.body("puck"), "zone_goal").within(2).planar()
                .design(Design.inside("zone_build").parts(1).mass(1.0))
                .control(Control.Push.atCenter("push_x", "puck", Vec3.X, 5));
    }

    private Verdict play(Solution s) throws IOException {
        Optional<String> reason = sidecar.unavailableReason();
        assumeTrue(reason.isEmpty(), () -> "MuJoCo sidecar unavailable: " + reason.orElseThrow());
        TaskPlay p = new TaskPlayer(sidecar).play(scene(), task(), s);
        assertThat(p).isInstanceOf(TaskPlay.Judged.class);
        return ((TaskPlay.Judged) p).verdict();
    }

    private static DesignedPart block(Vec3 at) {
        return DesignedPart.box("block", Vec3.of(0.05, 0.05, 0.05)).at(at).mass(0.5).weldedTo(DesignedPart.WORLD);
    }

    @Test
    void a_part_inside_the_build_zone_clear_of_everything_passes_the_design_predicate() throws IOException {
        Verdict v = play(Solution.builder().part(block(Vec3.of(0.3, 0.5, 0.1))).build());
        assertThat(v.predicate("design").met()).as(v.predicate("design").measured()).isTrue();
        assertThat(v.measures().parts().checks()).singleElement().satisfies(c -> {
            assertThat(c.zone()).isEqualTo("zone_build");
            assertThat(c.inside()).isTrue();
            assertThat(c.overlaps()).isFalse();
        });
    }

    @Test
    void a_part_outside_every_build_zone_is_refused_naming_the_nearest_zone_and_the_distance() throws IOException {
        Verdict v = play(Solution.builder().part(block(Vec3.of(0.3, 0.1, 0.1))).build());
        assertThat(v.passed()).isFalse();
        assertThat(v.predicate("design").met()).isFalse();
        assertThat(v.predicate("design").measured()).contains("block").contains("outside every build zone (nearest zone_build)")
                .contains("0.3000 m outside"); // its near face at y = 0.05, the zone from y = 0.35
    }

    @Test
    void parts_over_the_budget_are_refused_naming_the_limit() throws IOException {
        Verdict heavy = play(Solution.builder().part(block(Vec3.of(0.3, 0.5, 0.1)).mass(3)).build());
        assertThat(heavy.predicate("design").met()).isFalse();
        assertThat(heavy.predicate("design").measured()).contains("over budget").contains("more than max_mass 1.0000 kg");
        Verdict many = play(Solution.builder().part(block(Vec3.of(0.3, 0.45, 0.1)))
                .part(DesignedPart.sphere("ball", 0.03).at(Vec3.of(0.3, 0.6, 0.1)).mass(0.1).weldedTo("world")).build());
        assertThat(many.predicate("design").met()).isFalse();
        assertThat(many.predicate("design").measured()).contains("2 parts, more than max_parts 1");
    }

    @Test
    void a_part_overlapping_the_scene_at_the_start_is_refused_naming_the_geom_it_overlaps() throws IOException {
        // inside the build zone, but its lower half sunk into the floor
        Verdict v = play(Solution.builder().part(block(Vec3.of(0.3, 0.5, 0.02))).build());
        assertThat(v.predicate("design").met()).isFalse();
        assertThat(v.predicate("design").measured()).contains("overlaps floor by 0.0300 m at t=0");
    }

    @Test
    void a_part_welded_to_a_body_that_does_not_exist_cannot_be_played_and_the_message_says_what_to_weld_to() throws IOException {
        Optional<String> reason = sidecar.unavailableReason();
        assumeTrue(reason.isEmpty(), () -> "MuJoCo sidecar unavailable: " + reason.orElseThrow());
        TaskPlay p = new TaskPlayer(sidecar).play(scene(), task(), Solution.builder().part(block(Vec3.of(0.3, 0.5, 0.1)).weldedTo("lid")).build());
        assertThat(p).isInstanceOfSatisfying(TaskPlay.Refused.class, r -> assertThat(r.message())
                .contains("part 'block'").contains("weld_to names no body of the scene ('lid')"));
    }

    @Test
    void a_welded_part_is_written_into_its_body_in_that_body_frame_and_the_scene_file_stays_as_it_was() throws Exception {
        Path xml = scene();
        String before = Files.readString(xml);
        // the turntable stands at (-0.5, 0.5, 0.05) turned a quarter turn about z
        String text = DesignedScene.write(xml, java.util.List.of(
                DesignedPart.box("cap", Vec3.of(0.02, 0.02, 0.02)).at(Vec3.of(-0.5, 0.6, 0.12)).mass(0.1).weldedTo("turntable")));
        assertThat(Files.readString(xml)).isEqualTo(before);
        // world offset (0, 0.1, 0.07) in a frame turned +90 degrees about z is (0.1, 0, 0.07)
        assertThat(text).containsPattern("<body name=\"cap\" pos=\"0\\.1 (-)?[0-9.e-]+ 0\\.07\"");
        assertThat(text).contains("<geom conaffinity=\"1\" contype=\"1\" mass=\"0.1\" name=\"cap\"");
    }

    @Test
    void a_solution_file_with_parts_reads_back_and_parts_are_refused_for_a_task_without_a_design() {
        Solution s = Solution.builder().part(block(Vec3.of(0.3, 0.5, 0.1))).set(0, "push_x", 1).build();
        assertThat(TaskReader.solution(TaskJson.solution(s), "s.json", task())).isEqualTo(s);
        assertThat(TaskReader.task(TaskJson.task(task()), "task.json")).isEqualTo(task());
        Task plain = Task.reach(Task.Subject.body("puck"), "zone_goal").control(Control.Push.atCenter("push_x", "puck", Vec3.X, 5));
        assertThatThrownBy(() -> TaskReader.solution(TaskJson.solution(s), "s.json", plain)).isInstanceOf(TaskFormatException.class)
                .hasMessageContaining("s.json:2: parts: this task declares no design");
    }
}
