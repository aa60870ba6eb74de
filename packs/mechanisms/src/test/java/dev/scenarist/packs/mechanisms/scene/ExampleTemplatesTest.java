package dev.scenarist.packs.mechanisms.scene;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.packs.mechanisms.internal.scenefile.MjcfWriter;

import dev.scenarist.packs.mechanisms.internal.mesh.MeshChecker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The two example templates, built across seeds and non-uniform scales: same inputs give byte-identical files, and
 * every written mesh passes the mesh checks. One variant of each is also left in {@code target/example-scenes}
 * for a person (or MuJoCo) to look at.
 */
class ExampleTemplatesTest {
    private static final List<Scale> SCALES = List.of(Scale.UNIT, Scale.of(0.5, 2, 1), Scale.of(2, 0.5, 1.5));

    @TempDir
    Path dir;

    static Stream<Arguments> variants() {
        List<Arguments> out = new ArrayList<>();
        for (Template t : List.of(new RampObstacleFieldTemplate(), new HingedDoorTemplate())) {
            for (long seed : new long[] {1, 2, 3}) {
                for (Scale s : SCALES) {
                    if (t.info().scaleLimits().contains(s)) out.add(Arguments.of(t, seed, s));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} seed {1} scale {2}")
    @MethodSource("variants")
    void the_same_seed_and_scale_write_byte_identical_files(Template template, long seed, Scale scale) throws Exception {
        List<Path> first = MjcfWriter.write(template.build(seed, scale), dir.resolve("a/scene_" + seed + ".xml"));
        List<Path> second = MjcfWriter.write(template.build(seed, scale), dir.resolve("b/scene_" + seed + ".xml"));
        assertThat(second).hasSameSizeAs(first);
        for (int i = 0; i < first.size(); i++) {
            assertThat(dir.resolve("a").relativize(first.get(i))).isEqualTo(dir.resolve("b").relativize(second.get(i)));
            assertThat(Files.readAllBytes(second.get(i))).as("%s", first.get(i)).isEqualTo(Files.readAllBytes(first.get(i)));
        }
    }

    @ParameterizedTest(name = "{0} seed {1} scale {2}")
    @MethodSource("variants")
    void every_mesh_is_sound_and_every_mesh_reference_resolves(Template template, long seed, Scale scale)
            throws Exception {
        Path xml = dir.resolve("scene_" + seed + ".xml");
        List<Path> files = MjcfWriter.write(template.build(seed, scale), xml);
        for (Path stl : files.subList(1, files.size())) {
            assertThat(MeshChecker.check(stl)).as("%s", stl).isEmpty();
        }
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        NodeList meshes = doc.getElementsByTagName("mesh");
        for (int i = 0; i < meshes.getLength(); i++) {
            String file = ((Element) meshes.item(i)).getAttribute("file");
            assertThat(xml.resolveSibling("meshes").resolve(file)).isRegularFile();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void different_seeds_give_different_scenes(Template template) {
        assertThat(MjcfWriter.toXml(template.build(1, Scale.UNIT))).isNotEqualTo(MjcfWriter.toXml(template.build(2, Scale.UNIT)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void leaves_an_example_in_target_for_inspection(Template template) throws IOException {
        Path out = Path.of("target", "example-scenes", template.info().id(), "scene_1.xml");
        List<Path> files = MjcfWriter.write(template.build(1, Scale.UNIT), out);
        assertThat(files.get(0)).isRegularFile();
        assertThat(template.info().tier()).isBetween(1, 3);
    }

    static Stream<Template> templates() {
        return Stream.of(new RampObstacleFieldTemplate(), new HingedDoorTemplate());
    }
}
