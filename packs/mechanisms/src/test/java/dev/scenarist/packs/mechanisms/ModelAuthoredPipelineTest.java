package dev.scenarist.packs.mechanisms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.scenarist.core.campaign.CampaignSpec;
import dev.scenarist.core.testing.EngineHarness;
import dev.scenarist.core.testing.ScriptedAuthor;
import dev.scenarist.packs.mechanisms.internal.sim.MujocoSidecar;
import dev.scenarist.packs.mechanisms.internal.template.TemplateMainInSandboxTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pack's pipeline as a model meets it (a scripted author standing in for the model): a plan, a template whose
 * body starts inside the floor, a review, then the validate stage finds the instability in MuJoCo on the named
 * variant and the author repairs the code from those findings; the repaired template is accepted with its benchmark
 * files.
 */
class ModelAuthoredPipelineTest {
    static MujocoSidecar mujoco;

    @TempDir
    Path data;

    @BeforeAll
    static void startMujoco() {
        var located = ThisMachine.sidecarDir();
        assumeTrue(located.isPresent() && MujocoSidecar.isInstalled(located.get()),
                "the MuJoCo sidecar is not installed: run packs/mechanisms/src/main/resources/sidecar/install.sh");
        mujoco = new MujocoSidecar(located.get());
    }

    @AfterAll
    static void stopMujoco() {
        if (mujoco != null) mujoco.close();
    }

    static final String PLAN = """
            <file path="plan.json">
            {"tier": 2, "kind": "pendulum", "title": "Pendulum swing to a goal",
             "learning_objective": "energy exchange in a damped pendulum: how far a torque-limited swing can reach",
             "geometric_requirements": ["a hinge above the floor", "a rod and a bob that clear the floor at rest"],
             "self_verification": ["at rest nothing moves faster than 1 m/s"],
             "scale_limits": {"x": [0.8, 1.2], "y": [0.8, 1.2], "z": [0.8, 1.5]}}
            </file>""";

    static String template(String source) {
        return "<file path=\"template.java\">\n" + source + "</file>";
    }

    @Test
    void validationFindingsGoBackToTheAuthorWhoRepairsTheTemplate() throws Exception {
        String sunk = TemplateMainInSandboxTest.PENDULUM.replace(".at(0, 0, length + 0.2)", ".at(0, 0, 0.02)");
        assertThat(sunk).isNotEqualTo(TemplateMainInSandboxTest.PENDULUM);
        var author = new ScriptedAuthor().on("plan", PLAN).on("code", template(sunk))
                .on("review", "1. The hinge is only 2 cm above the floor: the bob starts inside it.")
                .on("validate", template(TemplateMainInSandboxTest.PENDULUM));
        try (var pack = new MechanismsPack(mujoco, ThisMachine.sandbox(), ThisMachine.JAVA_HOME)) {
            var h = new EngineHarness(data);
            var s = EngineHarness.spec(pack, 1);
            var spec = new CampaignSpec(s.pack(), 1, s.author(), s.seed(), 1, s.budget(), s.stageSettings(), Map.of("tier", "2"));

            var report = h.generate(spec, pack, author);

            assertThat(report.accepted()).as(report.toString()).isEqualTo(1);
            var repair = author.requests("validate");
            assertThat(repair).hasSize(1);
            assertThat(repair.getFirst().prompt()).contains("MUJOCO_UNSTABLE").contains("variant seed=")
                    .contains("geoms 'floor' and 'bob' interpenetrate").contains("The hinge is only 2 cm above the floor");
            Path dir = data.resolve(report.scenarios().getFirst().path());
            assertThat(Files.readString(dir.resolve("template.java"))).contains(".at(0, 0, length + 0.2)");
            java.util.List<Path> manifests;
            try (var files = Files.list(dir)) {
                manifests = files.filter(p -> p.getFileName().toString().matches("manifest_\\d+\\.json")).toList();
            }
            assertThat(manifests).hasSize(5);
            for (Path m : manifests) {
                var scale = (java.util.List<?>) dev.scenarist.core.model.Json.read(Files.readString(m), Map.class).get("scale");
                // the plan's directional limits: x and y 0.8-1.2, z 0.8-1.5
                assertThat(((Number) scale.get(0)).doubleValue()).isBetween(0.8, 1.2);
                assertThat(((Number) scale.get(1)).doubleValue()).isBetween(0.8, 1.2);
                assertThat(((Number) scale.get(2)).doubleValue()).isBetween(0.8, 1.5);
            }
            assertThat(dir.resolve("images")).isDirectory();
        }
    }
}
