package dev.scenarist.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command run in process (as the application's tests and a server run them) closes the packs it used: validating a
 * model starts MuJoCo's sidecar ahead of the static checks, and when the command returns no node process of it is
 * left — whether the model simulated or the static checks refused it before any simulation.
 */
class InProcessCommandsLeaveNoSidecarTest {
    static final Path GRIPPER = ValidateRulesCliTest.GRIPPER;

    @TempDir
    Path tmp;

    CliRun cli(String... args) {
        return CliRun.in(tmp.resolve("data"), args);
    }

    @Test
    void validatingAModelThatSimulatesLeavesNoSidecarBehind() {
        var before = ChildProcesses.node();

        var r = cli("validate", "--pack", "mechanisms", "--rules", "mujoco", GRIPPER.toString());

        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).as("MuJoCo ran").contains("MUJOCO_SIMULATED");
        assertThat(ChildProcesses.node()).isSubsetOf(before);
    }

    @Test
    void aModelTheStaticChecksRefuseLeavesNoWarmedUpSidecarBehind() throws Exception {
        var before = ChildProcesses.node();
        Path model = tmp.resolve("model/refused.xml");
        Files.createDirectories(model.getParent());
        Files.writeString(model, "<mujoco><worldbody><geom type=\"box\" size=\"0.1 0.1 0.1\" material=\"missing\"/></worldbody></mujoco>");

        for (int i = 0; i < 5; i++) {
            var r = cli("validate", "--pack", "mechanisms", "--rules", "mujoco", model.toString());
            assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
            assertThat(r.out()).contains("missing").doesNotContain("MUJOCO_SIMULATED");
        }

        assertThat(ChildProcesses.node()).as("five refused models, no sidecar left").isSubsetOf(before);
    }
}
