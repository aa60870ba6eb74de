package dev.scenarist.packs.mechanisms.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.pack.CheckContext;
import dev.scenarist.core.pack.RunContext;
import dev.scenarist.core.workspace.Workspace;
import dev.scenarist.packs.mechanisms.sim.MujocoSidecar;
import dev.scenarist.packs.mechanisms.sim.SimulationLimits;
import dev.scenarist.packs.mechanisms.template.Randomizer;
import dev.scenarist.packs.mechanisms.template.SandboxedTemplateRunner;
import dev.scenarist.packs.mechanisms.template.TemplateMain;
import dev.scenarist.packs.mechanisms.template.TemplateMainInSandboxTest;
import dev.scenarist.sandbox.Sandbox;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A template passes only if every randomized variant builds in the sandbox and passes static, mesh and MuJoCo checks. */
class TemplateVariantsCheckTest {
    static MujocoSidecar mujoco;

    @TempDir
    Path dir;

    @BeforeAll
    static void startMujoco() {
        var located = MujocoSidecar.locate();
        assumeTrue(located.isPresent() && located.get().resolve("node_modules/@mujoco/mujoco").toFile().isDirectory(),
                "the MuJoCo sidecar is not installed: run packs/mechanisms/src/main/resources/sidecar/install.sh");
        mujoco = new MujocoSidecar(located.get());
    }

    @AfterAll
    static void stopMujoco() {
        if (mujoco != null) mujoco.close();
    }

    CheckResult check(String source) throws Exception {
        var ws = new Workspace(dir);
        ws.write(TemplateVariantsCheck.SOURCE, source);
        var check = new TemplateVariantsCheck(SandboxedTemplateRunner.forThisJvm(Sandbox.bubblewrap(), TemplateMain.class.getName()),
                mujoco, SimulationLimits.defaults(), 3, Randomizer.Limits.DEFAULT);
        return check.run(new CheckContext(new RunContext("run-1", "cmp-1", "mechanisms", 5, Map.of()), "code", ws, Map.of(), null));
    }

    @Test
    void aSoundTemplatePassesOnEveryVariantAndLeavesEachScene() throws Exception {
        var r = check(TemplateMainInSandboxTest.PENDULUM);
        assertThat(r).as(r.findings().toString()).isInstanceOf(CheckResult.Passed.class);
        assertThat(new Workspace(dir).list()).contains("variants/5001/scene_5001.xml", "variants/5002/meshes/bob.stl")
                .noneMatch(f -> f.equals("Pendulum.java"));
    }

    @Test
    void aTemplateWhoseBodyStartsInsideTheFloorFailsNamingTheVariant() throws Exception {
        String sinking = TemplateMainInSandboxTest.PENDULUM.replace(".at(0, 0, length + 0.2)", ".at(0, 0, 0.02)");
        var r = check(sinking);
        assertThat(r).isInstanceOf(CheckResult.Failed.class);
        assertThat(r.findings()).anySatisfy(f -> {
            assertThat(f.code()).isEqualTo("MUJOCO_UNSTABLE");
            assertThat(f.hint()).contains("variant seed=5001 scale=[1.0, 1.0, 1.0]");
        });
    }

    @Test
    void aTemplateThatDoesNotCompileFailsWithTheCompilersLine() throws Exception {
        var r = check(TemplateMainInSandboxTest.PENDULUM.replace("Scene.named(\"pendulum\")", "Scene.named(42)"));
        assertThat(r.findings()).anySatisfy(f -> {
            assertThat(f.code()).isEqualTo("TEMPLATE_COMPILE_ERROR");
            assertThat(f.location()).startsWith("Pendulum.java:");
        });
    }
}
