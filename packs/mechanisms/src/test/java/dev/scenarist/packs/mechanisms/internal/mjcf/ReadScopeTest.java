package dev.scenarist.packs.mechanisms.internal.mjcf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scenarist.core.model.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile paths in a model: the validator and the readers (preview, ODE fallback) run outside the sandbox, so every
 * file a model names must stay inside its scenario folder (or a folder a person allowed), symlinks resolved.
 */
class ReadScopeTest {
    @TempDir
    Path tmp;

    private Path scenario() throws Exception {
        return Files.createDirectories(tmp.resolve("scenario"));
    }

    private static String scene(String asset, String world) {
        return "<mujoco>\n<asset>" + asset + "</asset>\n<worldbody>\n" + world + "\n</worldbody>\n</mujoco>\n";
    }

    private static List<Finding> outside(List<Finding> findings) {
        return findings.stream().filter(f -> f.code().equals(MjcfValidator.OUTSIDE_FOLDER)).toList();
    }

    @Test
    void anIncludeOfAnAbsolutePathOutsideIsRefusedAtItsLineAndNeverRead() throws Exception {
        Path xml = scenario().resolve("scene.xml");
        Files.writeString(xml, "<mujoco>\n<include file=\"/etc/passwd\"/>\n<worldbody/>\n</mujoco>\n");
        List<Finding> f = new MjcfValidator().validate(xml);
        assertThat(outside(f)).singleElement().satisfies(x -> {
            assertThat(x.isError()).isTrue();
            assertThat(x.location()).isEqualTo("scene.xml:2");
            assertThat(x.message()).contains("attribute 'file' of <include>", "/etc/passwd", "outside the scenario folder");
            assertThat(x.hint()).contains("inside the scenario folder");
        });
        // nothing of the file's content reaches a finding (an XML error would quote its first line)
        assertThat(f).noneMatch(x -> x.message().contains("root:"));
        assertThat(f).extracting(Finding::code).doesNotContain(MjcfValidator.XML);
    }

    @Test
    void aRelativeIncludeClimbingOutIsRefused() throws Exception {
        Path xml = scenario().resolve("scene.xml");
        Files.writeString(xml, "<mujoco>\n<worldbody/>\n<include file=\"../../../../../../etc/passwd\"/>\n</mujoco>\n");
        assertThat(outside(new MjcfValidator().validate(xml))).singleElement()
                .satisfies(x -> assertThat(x.location()).isEqualTo("scene.xml:3"));
    }

    @Test
    void aSymlinkInsideTheFolderPointingOutsideIsRefused() throws Exception {
        Path secret = Files.writeString(tmp.resolve("secret.xml"), "<mujoco><worldbody/></mujoco>");
        Path dir = scenario();
        Files.createSymbolicLink(dir.resolve("parts.xml"), secret);
        Path xml = Files.writeString(dir.resolve("scene.xml"), "<mujoco>\n<include file=\"parts.xml\"/>\n<worldbody/>\n</mujoco>\n");
        assertThat(outside(new MjcfValidator().validate(xml))).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("symbolic link to " + secret.toRealPath()));
    }

    @Test
    void aMeshFileOutsideIsRefusedNamingTheAttributeAndAMeshdirLeadingOutToo() throws Exception {
        Path stl = Files.write(tmp.resolve("part.stl"), MjcfValidatorTest.binaryStlTetrahedron());
        Path dir = scenario();
        String body = "<body><freejoint/><geom type=\"mesh\" mesh=\"part\"/></body>";
        Path xml = Files.writeString(dir.resolve("scene.xml"), scene("<mesh name=\"part\" file=\"" + stl + "\"/>", body));
        assertThat(outside(new MjcfValidator().validate(xml))).singleElement().satisfies(x -> {
            assertThat(x.location()).isEqualTo("scene.xml:2");
            assertThat(x.message()).contains("attribute 'file' of mesh 'part'", stl.toString());
        });

        Files.writeString(xml, "<mujoco>\n<compiler meshdir=\"..\"/>\n<asset><mesh name=\"part\" file=\"part.stl\"/></asset>\n"
                + "<worldbody>" + body + "</worldbody>\n</mujoco>\n");
        assertThat(outside(new MjcfValidator().validate(xml))).singleElement().satisfies(x -> {
            assertThat(x.message()).contains("<compiler meshdir=\"..\">");
            assertThat(x.hint()).contains("meshdir=\"meshes\"");
        });
    }

    @Test
    void aSymlinkedMeshOutsideIsRefusedByTheValidatorThePreviewReaderAndTheOdeReader() throws Exception {
        Path stl = Files.write(tmp.resolve("part.stl"), MjcfValidatorTest.binaryStlTetrahedron());
        Path dir = scenario();
        Files.createDirectories(dir.resolve("meshes"));
        Files.createSymbolicLink(dir.resolve("meshes/part.stl"), stl);
        Path xml = Files.writeString(dir.resolve("scene.xml"), scene("<mesh name=\"part\" file=\"meshes/part.stl\"/>",
                "<body><freejoint/><geom type=\"mesh\" mesh=\"part\"/></body>"));
        assertThat(outside(new MjcfValidator().validate(xml))).hasSize(1);
        assertThat(MjcfModel.read(xml)).isInstanceOf(MjcfModel.Invalid.class);
        MjcfModel lenient = MjcfModel.load(xml);
        MjcfElement mesh = lenient.asset("mesh", "part").orElseThrow();
        assertThatThrownBy(() -> lenient.assetFile(mesh)).isInstanceOf(MjcfReadException.class)
                .hasMessageContaining("symbolic link").hasMessageContaining("scene.xml:2");
    }

    @Test
    void aSceneThatIsItselfASymlinkToElsewhereIsNotRead() throws Exception {
        Path secret = Files.writeString(tmp.resolve("secret.xml"), "<mujoco><worldbody/></mujoco>");
        Path link = Files.createSymbolicLink(scenario().resolve("scene.xml"), secret);
        assertThat(outside(new MjcfValidator().validate(link))).hasSize(1);
        assertThatThrownBy(() -> MjcfModel.load(link)).isInstanceOf(MjcfReadException.class).hasMessageContaining("outside");
    }

    @Test
    void absolutePathsAndDeepDotDotThatStayInsideAreAccepted() throws Exception {
        Path dir = scenario();
        Files.createDirectories(dir.resolve("a/b/c"));
        Files.createDirectories(dir.resolve("meshes"));
        Files.write(dir.resolve("meshes/part.stl"), MjcfValidatorTest.binaryStlTetrahedron());
        Files.writeString(dir.resolve("a/b/c/parts.xml"), "<mujoco><asset><mesh name=\"part\" file=\""
                + dir.resolve("meshes/part.stl") + "\"/></asset></mujoco>");
        Path xml = Files.writeString(dir.resolve("scene.xml"), "<mujoco>\n<include file=\"a/b/c/../../../a/b/c/parts.xml\"/>\n"
                + "<asset><mesh name=\"again\" file=\"a/b/c/../../../meshes/part.stl\"/></asset>\n"
                + "<worldbody><body><freejoint/><geom type=\"mesh\" mesh=\"part\"/><geom type=\"mesh\" mesh=\"again\"/></body>"
                + "</worldbody>\n</mujoco>\n");
        List<Finding> f = new MjcfValidator().validate(xml);
        assertThat(f).noneMatch(Finding::isError);
        assertThat(MjcfModel.read(xml)).isInstanceOf(MjcfModel.Valid.class);
    }

    @Test
    void aFolderAPersonAllowedMayBeReadFrom() throws Exception {
        Path shared = Files.createDirectories(tmp.resolve("shared-meshes"));
        Path stl = Files.write(shared.resolve("part.stl"), MjcfValidatorTest.binaryStlTetrahedron());
        Path xml = Files.writeString(scenario().resolve("scene.xml"), scene("<mesh name=\"part\" file=\"" + stl + "\"/>",
                "<body><freejoint/><geom type=\"mesh\" mesh=\"part\"/></body>"));
        assertThat(outside(new MjcfValidator().validate(xml))).hasSize(1);
        List<Finding> allowed = new MjcfValidator(List.of(shared)).validate(xml);
        assertThat(allowed).noneMatch(Finding::isError);
        assertThat(allowed).anySatisfy(x -> assertThat(x.message()).contains("in a folder allowed for reading"));
    }
}
