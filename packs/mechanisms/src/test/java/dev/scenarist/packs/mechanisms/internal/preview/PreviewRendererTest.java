package dev.scenarist.packs.mechanisms.internal.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scenarist.packs.mechanisms.internal.preview.Pixels.Rgb;
import dev.scenarist.packs.mechanisms.scene.Geom;
import dev.scenarist.packs.mechanisms.scene.Mesh;
import dev.scenarist.packs.mechanisms.scene.Meshes;
import dev.scenarist.packs.mechanisms.internal.scenefile.MjcfWriter;
import dev.scenarist.packs.mechanisms.scene.Rgba;
import dev.scenarist.packs.mechanisms.scene.Scene;
import dev.scenarist.packs.mechanisms.internal.scenefile.StlWriter;
import dev.scenarist.packs.mechanisms.scene.Vec2;
import dev.scenarist.packs.mechanisms.scene.Vec3;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pixel-level facts about previews of small hand-written scenes. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PreviewRendererTest {
    private final PreviewRenderer renderer = new PreviewRenderer();

    @TempDir
    Path dir;

    private Path scene(String name, String xml) throws IOException {
        Path file = dir.resolve(name + ".xml");
        Files.writeString(file, xml, StandardCharsets.UTF_8);
        return file;
    }

    private static String world(String body) {
        return "<mujoco><worldbody>" + body + "</worldbody></mujoco>";
    }

    private static String box(String name, String rgba, Vec3 pos, double half) {
        return String.format(Locale.ROOT, "<geom name=\"%s\" type=\"box\" size=\"%s %s %s\" pos=\"%s %s %s\" rgba=\"%s\"/>",
                name, half, half, half, pos.x(), pos.y(), pos.z(), rgba);
    }

    // ---- depth -------------------------------------------------------------------------------------------------------

    @Test
    void the_nearer_box_hides_the_farther_whichever_the_document_lists_first() throws IOException {
        Vec3 back = Vec3.of(0, 0, 0.5);
        Vec3 front = back.plus(Camera.TOWARD_VIEWER.times(1.5)); // straight between the back box and the viewer
        String red = box("front", "1 0 0 1", front, 0.15);
        String blue = box("back", "0 0 1 1", back, 0.3);
        for (String order : List.of(red + blue, blue + red)) {
            Path xml = scene("depth", world(order));
            BufferedImage image = renderer.image(xml);
            Camera camera = renderer.camera(xml);
            Rgb overlap = Pixels.at(image, camera.project(back)); // both centres project here
            assertThat(overlap.r()).as("front (red) wins at the shared pixel: %s", overlap).isGreaterThan(2 * overlap.b() + 40);
            // the bigger back box still shows around the front one (a corner of its top face, clear of the front box)
            Rgb beside = Pixels.at(image, camera.project(back.plus(Vec3.of(0.25, 0.25, 0.3))));
            assertThat(beside.b()).as("back (blue) visible beside the front box: %s", beside).isGreaterThan(2 * beside.r() + 40);
        }
    }

    // ---- shading -----------------------------------------------------------------------------------------------------

    @Test
    void faces_turned_differently_to_the_light_get_different_brightness() throws IOException {
        Path xml = scene("shading", world(box("cube", "0.8 0.8 0.8 1", Vec3.ZERO, 0.3)));
        BufferedImage image = renderer.image(xml);
        Camera camera = renderer.camera(xml);
        Rgb top = Pixels.at(image, camera.project(Vec3.of(0, 0, 0.3)));
        Rgb front = Pixels.at(image, camera.project(Vec3.of(0, -0.3, 0))); // the -y face, towards the viewer's left
        Rgb right = Pixels.at(image, camera.project(Vec3.of(0.3, 0, 0))); // the +x face
        assertThat(top.brightness()).as("top %s brighter than front %s", top, front).isGreaterThan(front.brightness() + 30);
        assertThat(front.brightness()).as("front %s brighter than right %s", front, right).isGreaterThan(right.brightness() + 30);
        assertThat(List.of(top, front, right)).as("grey stays grey when lit")
                .allSatisfy(p -> assertThat(Math.abs(p.r() - p.b())).isLessThanOrEqualTo(2));
    }

    // ---- labels ------------------------------------------------------------------------------------------------------

    private static final String FLOOR = "<geom name=\"floor\" type=\"plane\" size=\"0 0 0.1\" rgba=\"0.6 0.6 0.6 1\"/>";

    private static boolean green(Rgb p) {
        return p.g() > p.r() + 40 && p.g() > p.b() + 30;
    }

    @Test
    void a_goal_zone_is_drawn_green_and_a_body_inside_it_keeps_its_own_colour() throws IOException {
        String zone = "<geom name=\"zone_goal\" type=\"box\" size=\"0.4 0.4 0.2\" pos=\"0 0 0.2\" rgba=\"1 1 1 0.1\""
                + " contype=\"0\" conaffinity=\"0\"/>";
                String inside = box("obstacle_1", "0.5 0.5 0.5 1", Vec3.of(0, 0, 0.1), 0.1);
        StringBuilder corners = new StringBuilder(); // small boxes round the zone's corners frame both scenes alike
        for (int i = 0; i < 8; i++) {
            corners.append(box("corner_" + i, "0.5 0.5 0.5 1", Vec3.of((i & 1) == 0 ? -0.41 : 0.41,
                    (i & 2) == 0 ? -0.41 : 0.41, (i & 4) == 0 ? 0.02 : 0.39), 0.02));
        }
        Path onlyZone = scene("zone", world(FLOOR + zone));
        Path withObstacle = scene("zone_and_obstacle", world(FLOOR + zone + inside + corners));
        Path noZone = scene("obstacle_alone", world(FLOOR + inside + corners));

        BufferedImage zoneImage = renderer.image(onlyZone);
        assertThat(Pixels.count(zoneImage, PreviewRendererTest::green)).as("green pixels").isGreaterThan(5000);

        Camera camera = renderer.camera(withObstacle);
        assertThat(camera.project(Vec3.of(0, 0, 0.2))).as("same view with and without the zone")
                .containsExactly(renderer.camera(noZone).project(Vec3.of(0, 0, 0.2)));
        double[] obstacleTop = camera.project(Vec3.of(0, 0, 0.2));
        Rgb inZone = Pixels.at(renderer.image(withObstacle), obstacleTop);
        Rgb alone = Pixels.at(renderer.image(noZone), obstacleTop);
        // the zone never tints a body: the obstacle's centre has exactly the colour it has without the zone
        assertThat(inZone).as("obstacle inside the goal zone vs the same obstacle without it").isEqualTo(alone);
        assertThat(inZone.r()).as("the obstacle's orange, not the zone's green: %s", inZone).isGreaterThan(inZone.g() + 40);
    }

    @Test
    void a_zone_hidden_behind_a_part_still_shows_its_outline_faintly() throws IOException {
        Vec3 goal = Vec3.of(0, 0, 0.3);
        String zone = String.format(Locale.ROOT, "<geom name=\"zone_goal\" type=\"box\" size=\"0.1 0.1 0.1\" pos=\"%s %s %s\"/>",
                goal.x(), goal.y(), goal.z());
        Vec3 wallAt = goal.plus(Camera.TOWARD_VIEWER.times(1.0)); // between the zone and the viewer
        Path xml = scene("hidden_goal", world(zone + box("wall", "0.6 0.6 0.6 1", wallAt, 0.4)));
        BufferedImage image = renderer.image(xml);
        long greenish = Pixels.count(image, p -> p.g() > p.r() + 12 && p.g() > p.b() + 12);
        assertThat(greenish).as("ghost outline of the hidden goal over the grey wall").isGreaterThan(100);
        Rgb centre = Pixels.at(image, renderer.camera(xml).project(goal));
        assertThat(Math.abs(centre.g() - centre.r())).as("the zone's fill stays hidden: %s", centre).isLessThan(8);
    }

    @Test
    void labelled_parts_get_the_fixed_colours_and_a_legend_whatever_their_own_rgba() throws IOException {
        String parts = "<geom name=\"zone_start\" type=\"box\" size=\"0.2 0.2 0.01\" pos=\"-0.6 0 0.01\"/>"
                + "<geom name=\"zone_forbid\" type=\"box\" size=\"0.2 0.2 0.01\" pos=\"0 0 0.01\"/>"
                + "<body name=\"agent_arm\" pos=\"0.6 0 0.1\"><geom name=\"link\" type=\"sphere\" size=\"0.1\""
                + " rgba=\"0 1 0 1\"/></body>";
        Path labelled = scene("labelled", world(FLOOR + parts));
        Path plain = scene("plain", world(FLOOR + parts.replace("zone_", "area_").replace("agent_", "robot_")));
        BufferedImage image = renderer.image(labelled);
        Camera camera = renderer.camera(labelled);

        Rgb start = Pixels.at(image, camera.project(Vec3.of(-0.6, 0, 0.02)));
        Rgb forbid = Pixels.at(image, camera.project(Vec3.of(0, 0, 0.02)));
        Rgb agent = Pixels.at(image, camera.project(Vec3.of(0.6, 0, 0.2)));
        assertThat(start.b()).as("start zone blue: %s", start).isGreaterThan(start.r() + 40);
        assertThat(forbid.r()).as("forbidden zone red: %s", forbid).isGreaterThan(forbid.g() + 40);
        assertThat(agent.b()).as("agent violet, not its own green: %s", agent).isGreaterThan(agent.g() + 40);
        assertThat(agent.r()).isGreaterThan(agent.g() + 20);

        BufferedImage unlabelled = renderer.image(plain);
        BufferedImage legendCorner = image.getSubimage(0, 0, 120, 60);
        BufferedImage plainCorner = unlabelled.getSubimage(0, 0, 120, 60);
        assertThat(Pixels.differing(legendCorner, plainCorner, 30)).as("a legend in the top-left corner").isGreaterThan(0.3);
        assertThat(Pixels.count(legendCorner, p -> p.brightness() < 150)).as("dark legend text").isGreaterThan(50);
    }

    // ---- orientation, placement, default classes --------------------------------------------------------------------

    private BufferedImage render(String name, String xml) throws IOException {
        return renderer.image(scene(name, xml));
    }

    @Test
    void every_way_of_writing_an_orientation_gives_the_same_picture() throws IOException {
        String bodyFmt = "<body pos=\"0.1 0 0\" %s><geom type=\"box\" size=\"0.3 0.1 0.05\" rgba=\"0.7 0.7 0.2 1\"/>"
                + "<geom type=\"capsule\" size=\"0.03 0.2\" pos=\"0.2 0 0.1\" rgba=\"0.2 0.6 0.7 1\"/></body>";
        double c = Math.cos(Math.toRadians(15));
        double s = Math.sin(Math.toRadians(15));
        double c30 = Math.cos(Math.toRadians(30));
        double s30 = Math.sin(Math.toRadians(30));
        BufferedImage reference = render("deg", world(String.format(bodyFmt, "euler=\"0 0 30\"")));
        List<String> same = List.of(
                "<mujoco><compiler angle=\"radian\"/><worldbody>" + String.format(Locale.ROOT, bodyFmt,
                        "euler=\"0 0 " + Math.toRadians(30) + "\"") + "</worldbody></mujoco>",
                world(String.format(bodyFmt, "axisangle=\"0 0 2 30\"")),
                "<mujoco><compiler eulerseq=\"zyx\"/><worldbody>" + String.format(bodyFmt, "euler=\"30 0 0\"")
                        + "</worldbody></mujoco>",
                world(String.format(Locale.ROOT, bodyFmt, "quat=\"" + 2 * c + " 0 0 " + 2 * s + "\"")),
                world(String.format(Locale.ROOT, bodyFmt, "xyaxes=\"" + c30 + " " + s30 + " 0 " + -s30 + " " + c30 + " 0\"")),
                world("<frame euler=\"0 0 10\"><frame euler=\"0 0 20\">" + String.format(bodyFmt, "")
                        .replace("pos=\"0.1 0 0\"", "pos=\"" + String.format(Locale.ROOT, "%s %s 0", 0.1 * c30, -0.1 * s30) + "\"")
                        + "</frame></frame>"));
        for (int i = 0; i < same.size(); i++) {
            assertThat(Pixels.differing(reference, render("same" + i, same.get(i)), 24))
                    .as("variant %d: %s", i, same.get(i)).isLessThan(0.001);
        }
        BufferedImage unrotated = render("none", world(String.format(bodyFmt, "")));
        assertThat(Pixels.differing(reference, unrotated, 24)).as("the rotation is visible").isGreaterThan(0.01);
    }

    @Test
    void fromto_zaxis_and_default_classes_place_geoms_as_mujoco_does() throws IOException {
        BufferedImage explicit = render("explicit", world(
                "<geom type=\"capsule\" pos=\"0.2 0 0.3\" zaxis=\"1 0 0\" size=\"0.05 0.2\" rgba=\"0.8 0.3 0.3 1\"/>"
                        + "<geom type=\"box\" size=\"0.3 0.2 0.1\" pos=\"0 0.4 0\" rgba=\"0.3 0.3 0.8 1\"/>"));
        BufferedImage viaDefaults = render("defaults", "<mujoco><default>"
                + "<geom type=\"box\" size=\"0.1 0.2 0.1\" rgba=\"0.3 0.3 0.8 1\"/>"
                + "<default class=\"rod\"><geom type=\"capsule\" size=\"0.05\" rgba=\"0.8 0.3 0.3 1\"/></default>"
                + "</default><worldbody>"
                + "<body childclass=\"rod\"><geom fromto=\"0 0 0.3 0.4 0 0.3\"/></body>"
                + "<geom size=\"0.3\" pos=\"0 0.4 0\"/>" // size merges over the class: 0.3 0.2 0.1
                + "</worldbody></mujoco>");
        assertThat(Pixels.differing(explicit, viaDefaults, 24)).isLessThan(0.001);
    }

    @Test
    void included_files_are_followed_and_a_missing_one_is_named() throws IOException {
        Files.writeString(dir.resolve("parts.xml"), "<mujoco><worldbody>"
                + box("b", "0.9 0.1 0.1 1", Vec3.ZERO, 0.2) + "</worldbody></mujoco>");
        BufferedImage included = render("main", "<mujoco><include file=\"parts.xml\"/></mujoco>");
        BufferedImage inline = render("inline", world(box("b", "0.9 0.1 0.1 1", Vec3.ZERO, 0.2)));
        assertThat(Pixels.differing(included, inline, 0)).isZero();
        assertThatThrownBy(() -> render("dangling", "<mujoco><include file=\"gone.xml\"/></mujoco>"))
                .isInstanceOf(PreviewException.class).hasMessageContaining("dangling.xml:1").hasMessageContaining("gone.xml");
    }

    @Test
    void hidden_groups_and_invisible_geoms_are_not_drawn_unless_labelled() throws IOException {
        BufferedImage visible = render("visible", world(box("a", "0.5 0.5 0.5 1", Vec3.ZERO, 0.2)
                + box("b", "0.9 0.1 0.1 1", Vec3.of(0.5, 0, 0), 0.1)));
        BufferedImage hidden = render("hidden", world(box("a", "0.5 0.5 0.5 1", Vec3.ZERO, 0.2)
                + box("b", "0.9 0.1 0.1 1", Vec3.of(0.5, 0, 0), 0.1).replace("/>", " group=\"3\"/>")
                + box("c", "0.1 0.9 0.1 0", Vec3.of(0.5, 0, 0), 0.1)));
        assertThat(Pixels.count(visible, p -> p.r() > p.g() + 100)).as("red box drawn").isGreaterThan(100);
        assertThat(Pixels.count(hidden, p -> p.r() > p.g() + 100)).as("group 3 hidden").isZero();
        assertThat(Pixels.count(hidden, p -> p.g() > p.r() + 100)).as("alpha 0 hidden").isZero();
    }

    // ---- meshes ------------------------------------------------------------------------------------------------------

    @Test
    void a_mesh_is_read_from_its_stl_with_the_assets_scale_and_folder() throws IOException {
        // a 0.2-wide cube mesh, scaled 2x per axis, should look like a 0.4-wide box primitive
        Files.createDirectories(dir.resolve("parts"));
        StlWriter.write(Meshes.extrusion(List.of(Vec2.of(-0.1, -0.1), Vec2.of(0.1, -0.1), Vec2.of(0.1, 0.1),
                Vec2.of(-0.1, 0.1)), 0.2), dir.resolve("parts/cube.stl"));
        BufferedImage mesh = render("mesh", "<mujoco><compiler assetdir=\"parts\"/><asset>"
                + "<mesh file=\"cube.stl\" scale=\"2 2 2\"/></asset><worldbody>"
                + "<geom type=\"mesh\" mesh=\"cube\" pos=\"0 0 0.2\" rgba=\"0.4 0.7 0.4 1\"/></worldbody></mujoco>");
        BufferedImage box = render("box", world(box("b", "0.4 0.7 0.4 1", Vec3.of(0, 0, 0.2), 0.2)));
        assertThat(Pixels.differing(mesh, box, 24)).isLessThan(0.001);
    }

    @Test
    void scenes_written_by_the_scene_api_render_with_their_meshes() throws IOException {
        Scene s = Scene.named("api");
        s.geom(Geom.plane("floor", 0, 0));
        s.body("agent_cup").at(0, 0, 0.1).geom(Geom.mesh("cup", Mesh.of("cup", Meshes.revolution(List.of(
                Vec2.of(0, -0.05), Vec2.of(0.08, -0.05), Vec2.of(0.1, 0.05), Vec2.of(0, 0.05)), 24))));
        s.geom(Geom.box("obstacle_wall", 0.02, 0.3, 0.1).at(0.3, 0, 0.1).rgba(Rgba.GREY));
        Path xml = dir.resolve("api/scene_3.xml");
        MjcfWriter.write(s, xml);
        BufferedImage image = renderer.image(xml);
        Rgb cup = Pixels.at(image, renderer.camera(xml).project(Vec3.of(0, 0, 0.15)));
        assertThat(cup.b()).as("the agent's mesh is drawn, violet: %s", cup).isGreaterThan(cup.g() + 40);
    }

    // ---- output ------------------------------------------------------------------------------------------------------

    @Test
    void the_png_is_written_whole_into_new_folders_and_is_byte_for_byte_reproducible() throws IOException {
        Path xml = scene("repro", world(FLOOR + box("obstacle_a", "1 1 1 1", Vec3.of(0, 0, 0.1), 0.1)
                + "<geom name=\"zone_goal\" type=\"sphere\" size=\"0.2\" pos=\"0.4 0 0.2\"/>"));
        Path first = PreviewRenderer.previewFile(dir.resolve("out"), 7);
        assertThat(first.toString()).endsWith("out/images/preview_7.png".replace('/', java.io.File.separatorChar));
        renderer.render(xml, first);
        Path second = dir.resolve("again.png");
        new PreviewRenderer().render(xml, second);
        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
        try (Stream<Path> files = Files.list(first.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("preview_7.png");
        }
        BufferedImage read = ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(first)));
        assertThat(read.getWidth()).isEqualTo(640);
        assertThat(read.getHeight()).isEqualTo(480);
    }

    @Test
    void size_is_configurable() throws IOException {
        Path xml = scene("small", world(box("b", "1 0 0 1", Vec3.ZERO, 0.1)));
        BufferedImage image = new PreviewRenderer(new PreviewOptions(200, 100, 1)).image(xml);
        assertThat(image.getWidth()).isEqualTo(200);
        assertThat(image.getHeight()).isEqualTo(100);
        assertThatThrownBy(() -> PreviewOptions.of(0, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_empty_model_renders_the_backdrop() throws IOException {
        BufferedImage image = render("empty", "<mujoco/>");
        assertThat(Pixels.count(image, p -> p.brightness() > 550)).isEqualTo(640 * 480);
    }

    // ---- broken input ------------------------------------------------------------------------------------------------

    @Test
    void malformed_xml_is_refused_naming_the_file_and_line() throws IOException {
        Path xml = scene("broken", "<mujoco>\n<worldbody>\n<geom type=\"box\" size=\"1 1 1\">\n</mujoco>\n");
        Path png = dir.resolve("broken.png");
        assertThatThrownBy(() -> renderer.render(xml, png)).isInstanceOf(PreviewException.class)
                .hasMessageContaining(xml.toString()).hasMessageContaining("broken.xml:")
                .hasMessageContaining("malformed XML");
        assertThat(png).doesNotExist();
    }

    @Test
    void a_missing_scene_or_mesh_and_a_bad_stl_are_refused_naming_the_file() throws IOException {
        assertThatThrownBy(() -> renderer.image(dir.resolve("nowhere.xml"))).isInstanceOf(PreviewException.class)
                .hasMessageContaining("nowhere.xml").hasMessageContaining("no such file");
        assertThatThrownBy(() -> renderer.image(scene("notmujoco", "<robot/>"))).isInstanceOf(PreviewException.class)
                .hasMessageContaining("notmujoco.xml").hasMessageContaining("<mujoco>");

        String meshScene = "<mujoco><asset><mesh name=\"m\" file=\"%s\"/></asset><worldbody>"
                + "<geom type=\"mesh\" mesh=\"m\"/></worldbody></mujoco>";
        assertThatThrownBy(() -> renderer.image(scene("nomesh", String.format(meshScene, "missing.stl"))))
                .isInstanceOf(PreviewException.class).hasMessageContaining("nomesh.xml")
                .hasMessageContaining("missing.stl").hasMessageContaining("not found");
        Files.write(dir.resolve("short.stl"), new byte[30]);
        assertThatThrownBy(() -> renderer.image(scene("badmesh", String.format(meshScene, "short.stl"))))
                .isInstanceOf(PreviewException.class).hasMessageContaining("badmesh.xml:1")
                .hasMessageContaining("short.stl");
        assertThatThrownBy(() -> renderer.image(scene("badnumber",
                world("<geom type=\"box\" size=\"0.1 zero 0.1\"/>")))).isInstanceOf(PreviewException.class)
                .hasMessageContaining("badnumber.xml:1").hasMessageContaining("size");
    }
}
