package dev.scenarist.packs.mechanisms.internal.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scenarist.packs.mechanisms.internal.preview.Pixels.Rgb;
import dev.scenarist.packs.mechanisms.scene.Vec3;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a preview shows of a scenario's task: the start → goal arrow, the build zones, a camera on the task. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TaskPreviewTest {
    private static final Vec3 PUCK = Vec3.of(-0.3, 0, 0.02);
    private static final Vec3 GOAL = Vec3.of(0.3, 0.2, 0.005);
    private static final Vec3 BUILD_TOP = Vec3.of(0, -0.4, 0.2);
    /** A big unlabelled fixture far from the task: in view only when the whole scene is framed. */
    private static final Vec3 FAR_FIXTURE = Vec3.of(4, 4, 0.5);

    private static final String SCENE = "<mujoco><worldbody>"
            + "<geom name=\"floor\" type=\"plane\" size=\"0 0 0.1\" rgba=\"0.6 0.6 0.6 1\"/>"
            + "<geom name=\"shed\" type=\"box\" size=\"0.5 0.5 0.5\" pos=\"4 4 0.5\" rgba=\"0.5 0.5 0.5 1\"/>"
            + "<body name=\"puck\" pos=\"-0.3 0 0.02\"><freejoint/>"
            + "<geom name=\"puck_disc\" type=\"cylinder\" size=\"0.05 0.02\" rgba=\"0.2 0.2 0.8 1\"/></body>"
            + "<geom name=\"zone_start\" type=\"box\" size=\"0.08 0.08 0.005\" pos=\"-0.3 0 0.005\" contype=\"0\" conaffinity=\"0\"/>"
            + "<geom name=\"zone_goal\" type=\"box\" size=\"0.08 0.08 0.005\" pos=\"0.3 0.2 0.005\" contype=\"0\" conaffinity=\"0\"/>"
            + "<geom name=\"zone_build\" type=\"box\" size=\"0.1 0.1 0.1\" pos=\"0 -0.4 0.1\" contype=\"0\" conaffinity=\"0\"/>"
            + "</worldbody></mujoco>";

    private static final String TASK = """
            {"format": 1,
             "subject": {"kind": "body", "name": "puck"},
             "objective": {"goal_zone": "zone_goal", "hold_seconds": 0.5, "time_limit": 4, "forbid_zones": [],
                           "effort_budget": null, "planar": true},
             "design": {"build_zones": ["zone_build"], "max_parts": 1, "max_mass": null, "max_volume": null},
             "controls": [{"name": "push_x", "kind": "push", "body": "puck", "site": "", "direction": [1, 0, 0],
                           "min": 0, "max": 5}]}
            """;

    private final PreviewRenderer renderer = new PreviewRenderer();

    @TempDir
    Path dir;

    private Path xml;
    private Optional<Path> task;

    @BeforeEach
    void writeScenario() throws IOException {
        xml = Files.writeString(dir.resolve("scene_1.xml"), SCENE, StandardCharsets.UTF_8);
        task = Optional.of(Files.writeString(dir.resolve("task_1.json"), TASK, StandardCharsets.UTF_8));
    }

    private static boolean white(Rgb p) {
        return p.r() >= 235 && p.g() >= 235 && p.b() >= 235;
    }

    @Test
    void the_arrow_runs_from_where_the_subject_starts_to_the_goal_zones_centre() throws IOException {
        BufferedImage image = renderer.image(xml, task);
        Camera camera = renderer.camera(xml, task);
        double[] from = camera.project(PUCK);
        double[] to = camera.project(GOAL);
        for (double t : List.of(0.25, 0.4, 0.55, 0.7, 0.85)) {
            double[] at = {from[0] + (to[0] - from[0]) * t, from[1] + (to[1] - from[1]) * t};
            assertThat(Pixels.at(image, at)).as("arrow pixel at %.2f of the way from start to goal", t)
                    .matches(TaskPreviewTest::white);
        }
        // beside the line, off the arrow, the floor shows: the arrow is a line, not a smear
        double[] mid = {(from[0] + to[0]) / 2, (from[1] + to[1]) / 2};
        double nx = -(to[1] - from[1]);
        double ny = to[0] - from[0];
        double n = Math.hypot(nx, ny);
        Rgb beside = Pixels.at(image, mid[0] + 20 * nx / n, mid[1] + 20 * ny / n);
        assertThat(beside).as("20 px beside the arrow").matches(p -> !white(p));
        // without the task the same scene has no arrow
        BufferedImage plain = renderer.image(xml);
        Camera plainCamera = renderer.camera(xml);
        double[] a = plainCamera.project(PUCK);
        double[] b = plainCamera.project(GOAL);
        assertThat(Pixels.at(plain, (a[0] + b[0]) / 2, (a[1] + b[1]) / 2)).as("no task, no arrow")
                .matches(p -> !white(p));
    }

    @Test
    void a_build_zone_is_drawn_yellow_where_it_projects() throws IOException {
        BufferedImage image = renderer.image(xml, task);
        Rgb top = Pixels.at(image, renderer.camera(xml, task).project(BUILD_TOP));
        assertThat(top).as("build zone's top centre, over the grey floor: yellow").matches(p -> p.r() > p.b() + 40
                && p.g() > p.b() + 40);
    }

    @Test
    void the_camera_frames_the_task_rather_than_the_whole_scene() throws IOException {
        double[] farWithTask = renderer.camera(xml, task).project(FAR_FIXTURE);
        double[] farWithout = renderer.camera(xml).project(FAR_FIXTURE);
        assertThat(inside(farWithout)).as("without a task the far fixture is in view").isTrue();
        assertThat(inside(farWithTask)).as("with the task the camera closes in on puck, zones and arrow").isFalse();
        Camera camera = renderer.camera(xml, task);
        for (Vec3 p : List.of(PUCK, GOAL, BUILD_TOP)) {
            assertThat(inside(camera.project(p))).as("%s in view", p).isTrue();
        }
    }

    @Test
    void an_unreadable_task_is_refused_naming_the_file_and_the_fix() throws IOException {
        Path broken = Files.writeString(dir.resolve("task_2.json"), "{\"format\": 1, \"subject\": 3}");
        assertThatThrownBy(() -> renderer.image(xml, Optional.of(broken)))
                .isInstanceOf(PreviewException.class)
                .hasMessageContaining("task_2.json")
                .hasMessageContaining("render without the task, or fix the file");
    }

    private static boolean inside(double[] p) {
        return p[0] >= 0 && p[1] >= 0 && p[0] < PreviewOptions.DEFAULT.width() && p[1] < PreviewOptions.DEFAULT.height();
    }
}
