package dev.scenarist.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate --allow-read DIR}: the MJCF checks may read a shared folder a person names, and nothing else. */
class AllowReadValidateTest {
    @TempDir
    Path tmp;

    CliRun cli(String... args) {
        return CliRun.in(tmp.resolve("data"), args);
    }

    /** A scene in its own folder whose body comes from {@code include}, and a sibling folder with shared parts. */
    private Path sceneIncluding(String include) throws Exception {
        Path sibling = Files.createDirectories(tmp.resolve("sibling"));
        Files.writeString(sibling.resolve("floor.xml"), """
                <mujoco>
                  <worldbody>
                    <geom name="floor" type="plane" size="1 1 0.1"/>
                  </worldbody>
                </mujoco>
                """);
        Path scene = Files.createDirectories(tmp.resolve("scene")).resolve("scene.xml");
        Files.writeString(scene, "<mujoco model=\"shared-floor\">\n  <include file=\"" + include + "\"/>\n</mujoco>\n");
        return scene;
    }

    @Test
    void aSceneIncludingAFileFromASiblingFolderIsRefusedWithoutTheOptionAndReadWithIt() throws Exception {
        Path scene = sceneIncluding(tmp.resolve("sibling/floor.xml").toString());

        var refused = cli("validate", "--pack", "mechanisms", scene.toString());
        var allowed = cli("validate", "--pack", "mechanisms", "--allow-read", tmp.resolve("sibling").toString(), scene.toString());

        assertThat(refused.code()).as(refused.out() + refused.err()).isEqualTo(1);
        assertThat(refused.out()).contains("MJCF_OUTSIDE_FOLDER").containsPattern("mjcf-static +failed");
        assertThat(allowed.out()).as(allowed.out() + allowed.err()).doesNotContain("MJCF_OUTSIDE_FOLDER").containsPattern("mjcf-static +passed")
                .as("MuJoCo opens the absolutely named include too").containsPattern("mujoco-simulation +passed");
        assertThat(allowed.code()).isZero();
    }

    @Test
    void aFileOutsideEveryAllowedFolderStaysRefused() throws Exception {
        Path scene = sceneIncluding("/etc/passwd");

        var r = cli("validate", "--pack", "mechanisms", "--allow-read", tmp.resolve("sibling").toString(), scene.toString());

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("MJCF_OUTSIDE_FOLDER", "/etc/passwd").doesNotContain("root:");
    }

    @Test
    void aFolderThatDoesNotExistIsExitTwoNamingIt() throws Exception {
        Path scene = sceneIncluding(tmp.resolve("sibling/floor.xml").toString());

        var r = cli("validate", "--pack", "mechanisms", "--allow-read", tmp.resolve("nowhere").toString(), scene.toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--allow-read", tmp.resolve("nowhere").toString(), "no such folder");
    }

    @Test
    void helpDocumentsTheOption() {
        var r = cli("validate", "--help");
        assertThat(r.out() + r.err()).contains("--allow-read=DIR").contains("repeatable").contains("MJCF_OUTSIDE_FOLDER");
    }
}
