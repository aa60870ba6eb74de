package dev.scenarist.packs.mechanisms.internal.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.core.model.Finding;
import dev.scenarist.core.model.Severity;
import dev.scenarist.packs.mechanisms.internal.mesh.MeshChecker;
import dev.scenarist.packs.mechanisms.internal.mesh.MujocoMeshTreatment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which rules apply by default, and how the mujoco rules word a mesh defect MuJoCo tolerates. */
class SceneRulesTest {
    @TempDir
    Path tmp;

    @Test
    void aModelFileOfOnesOwnIsJudgedAsMujocoJudgesIt() {
        assertThat(SceneRules.defaultFor(Optional.of("robot.xml"), Optional.of(tmp))).isEqualTo(SceneRules.MUJOCO);
    }

    @Test
    void aScenarioFolderATemplateAndTheScenesOfAGeneratedScenarioGetTheBenchmarkRules() throws Exception {
        assertThat(SceneRules.defaultFor(Optional.empty(), Optional.of(tmp))).isEqualTo(SceneRules.BENCHMARK);
        assertThat(SceneRules.defaultFor(Optional.of("template.java"), Optional.of(tmp))).isEqualTo(SceneRules.BENCHMARK);
        Files.writeString(tmp.resolve("manifest_7.json"), "{}");
        assertThat(SceneRules.defaultFor(Optional.of("scene_7.xml"), Optional.of(tmp))).isEqualTo(SceneRules.BENCHMARK);
    }

    @Test
    void rulesAreNamedAsThePersonTypesThem() {
        assertThat(SceneRules.named("mujoco")).contains(SceneRules.MUJOCO);
        assertThat(SceneRules.named("Benchmark")).contains(SceneRules.BENCHMARK);
        assertThat(SceneRules.named("strict")).isEmpty();
        assertThat(SceneRules.all()).extracting(r -> r.name()).containsExactly("mujoco", "benchmark");
    }

    @Test
    void anOpenMeshIsAWarningSayingMujocoCollidesWithTheHullAndItsInertiaIsUnreliable() {
        Finding error = Finding.error(MeshChecker.NOT_WATERTIGHT, "mesh is not watertight: 12 boundary edges", "assets/a.stl", "close it");

        Finding w = MujocoMeshTreatment.asWarning(error);

        assertThat(w.severity()).isEqualTo(Severity.WARNING);
        assertThat(w.code()).isEqualTo(MeshChecker.NOT_WATERTIGHT);
        assertThat(w.location()).isEqualTo("assets/a.stl");
        assertThat(w.message()).contains("12 boundary edges", "convex hull", "inertia", "unreliable");
        assertThat(w.hint()).contains("<inertial>", "--rules benchmark");
    }

    @Test
    void aFindingThatIsNotAboutTheMeshShapeStaysAsItIs() {
        Finding unreadable = Finding.error(MeshChecker.UNREADABLE, "cannot read binary STL: truncated", "a.stl", "rewrite it");

        assertThat(MujocoMeshTreatment.asWarning(unreadable)).isEqualTo(unreadable);
    }
}
