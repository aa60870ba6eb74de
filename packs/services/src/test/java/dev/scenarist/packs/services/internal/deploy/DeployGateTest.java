package dev.scenarist.packs.services.internal.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.core.model.Finding;
import dev.scenarist.core.model.RejectReason;
import dev.scenarist.core.pack.GateContext;
import dev.scenarist.core.pack.GateDecision;
import dev.scenarist.core.pack.RunContext;
import dev.scenarist.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeployGateTest {
    private static final Map<String, String> HOST = Map.of("PATH", "/usr/bin:/bin", "HOME", "/root", "OPENAI_API_KEY", "sk-secret");

    @TempDir
    Path dir;

    private GateContext context() {
        Workspace ws = new Workspace(dir.resolve("scenario"));
        ws.write("service.json", "{\"service\": {\"name\": \"dental-appointments\"}}");
        return new GateContext(new RunContext("run-1", "campaign-1", "services", 1, Map.of()), ws, "", null);
    }

    @Test
    void withoutACommandDeploymentIsOffAndSaysHowToTurnItOn() throws Exception {
        GateDecision d = DeployGate.off().decide(context());
        assertThat(d).isEqualTo(new GateDecision.Pass(DeployGate.OFF_NOTE));
        assertThat(DeployGate.OFF_NOTE).contains("--option deploy=on").contains("SCENARIST_SERVICES_DEPLOY");
        assertThat(new DeployGate(Optional.of("  "), HOST, Duration.ofSeconds(5)).decide(context())).isEqualTo(d);
    }

    @Test
    void aSucceedingCommandGetsTheScenarioFolderAndIsRecordedInTheNote() throws Exception {
        Path deployed = dir.resolve("deployed.txt");
        String cmd = "deploy() { cp \"$1/service.json\" " + deployed + " && echo \"deployed $(basename \"$1\") key=${OPENAI_API_KEY:-none}\"; }; deploy";
        GateDecision d = new DeployGate(Optional.of(cmd), HOST, Duration.ofSeconds(30)).decide(context());

        assertThat(d).isInstanceOfSatisfying(GateDecision.Pass.class, p -> assertThat(p.note())
                .contains("deployed with `" + cmd).contains("exit 0").contains("deployed scenario key=none"));
        assertThat(Files.readString(deployed)).contains("dental-appointments");
    }

    @Test
    void aFailingCommandRejectsTheRunWithTheEndOfItsOutput() throws Exception {
        String cmd = "for i in $(seq 1 50); do echo \"step $i\"; done; echo 'docker: image not found' >&2; exit 4; true";
        GateDecision d = new DeployGate(Optional.of(cmd), HOST, Duration.ofSeconds(30)).decide(context());

        assertThat(d).isInstanceOfSatisfying(GateDecision.Reject.class, r -> {
            assertThat(r.reason()).isEqualTo(RejectReason.GATE);
            Finding f = r.findings().getFirst();
            assertThat(f.code()).isEqualTo("SVC_CONFIGURATION_DEPLOY_FAILED");
            assertThat(f.message()).contains("exited with 4").contains("step 50").contains("docker: image not found").doesNotContain("step 20\n");
        });
    }

    @Test
    void aCommandThatHangsIsStoppedAndRejected() throws Exception {
        GateDecision d = new DeployGate(Optional.of("sleep 600; echo"), HOST, Duration.ofSeconds(1)).decide(context());
        assertThat(d).isInstanceOfSatisfying(GateDecision.Reject.class,
                r -> assertThat(r.findings().getFirst().code()).isEqualTo("SVC_CONFIGURATION_DEPLOY_TIMEOUT"));
    }
}
