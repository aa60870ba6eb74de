package dev.scenarist.packs.mechanisms.internal.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.CheckContext;
import dev.scenarist.core.pack.RunContext;
import dev.scenarist.core.workspace.Workspace;
import dev.scenarist.packs.mechanisms.ThisMachine;
import dev.scenarist.packs.mechanisms.internal.sim.MujocoSidecar;
import dev.scenarist.packs.mechanisms.internal.sim.SimulationLimits;
import dev.scenarist.packs.mechanisms.internal.sim.SimulationOutcome;
import dev.scenarist.packs.mechanisms.internal.task.TaskFiles;
import dev.scenarist.packs.mechanisms.internal.task.TaskPlay;
import dev.scenarist.packs.mechanisms.internal.task.TaskPlayer;
import dev.scenarist.packs.mechanisms.internal.task.TaskProofStage;
import dev.scenarist.packs.mechanisms.internal.task.TaskReader;
import dev.scenarist.packs.mechanisms.scene.Solution;
import dev.scenarist.packs.mechanisms.scene.Task;
import dev.scenarist.packs.mechanisms.internal.template.SandboxedTemplateRunner;
import dev.scenarist.packs.mechanisms.internal.template.TemplateMain;
import dev.scenarist.packs.mechanisms.internal.template.TemplateMainInSandboxTest;
import dev.scenarist.packs.mechanisms.internal.validation.TemplateBuild;
import dev.scenarist.packs.mechanisms.internal.validation.TemplateValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A template passes only if every randomized variant builds in the sandbox and passes static, mesh and MuJoCo checks;
 * the checks run cheapest first, share one build in the run's artifacts folder, and name the variant that broke.
 */
class VariantChecksTest {
    static MujocoSidecar mujoco;
    /** One runner (and so one compile server) for the class, stopped after it. */
    static SandboxedTemplateRunner runner;

    @TempDir
    Path dir;

    @BeforeAll
    static void startMujoco() {
        var located = ThisMachine.sidecarDir();
        assumeTrue(located.isPresent() && located.get().resolve("node_modules/@mujoco/mujoco").toFile().isDirectory(),
                "the MuJoCo sidecar is not installed: run packs/mechanisms/src/main/resources/sidecar/install.sh");
        mujoco = new MujocoSidecar(located.get());
        runner = SandboxedTemplateRunner.forThisJvm(ThisMachine.sandbox(), ThisMachine.JAVA_HOME, TemplateMain.class.getName());
    }

    @AfterAll
    static void stopMujoco() {
        if (mujoco != null) mujoco.close();
        if (runner != null) runner.close();
    }

    VariantsSetup setup() {
        return new VariantsSetup(new TemplateValidator(runner),
                mujoco, SimulationLimits.defaults(), 3);
    }

    /** Runs the checks in order, stopping at the first that fails, as the engine does. */
    List<CheckResult> run(String source) throws Exception {
        var ws = new Workspace(dir.resolve("workspace"));
        ws.write(TemplateSourceCheck.FILE, source);
        var ctx = new CheckContext(new RunContext("run-1", "cmp-1", "mechanisms", 5, Map.of()), "validate", ws, Map.of(), null, dir.resolve("artifacts"));
        List<CheckResult> out = new ArrayList<>();
        for (Check c : setup().checks()) {
            CheckResult r = c.run(ctx);
            out.add(r);
            if (!(r instanceof CheckResult.Passed)) break;
        }
        return out;
    }

    @Test
    void aSoundTemplatePassesEveryStageAndItsBuildAndReportsStayInTheArtifacts() throws Exception {
        var results = run(TemplateMainInSandboxTest.PENDULUM);
        assertThat(results).hasSize(5).allSatisfy(r -> assertThat(r).as(r.findings().toString()).isInstanceOf(CheckResult.Passed.class));
        // a scene without a task passes, with a warning per variant that nothing says what counts as success
        assertThat(results.get(4).findings()).hasSize(3).allSatisfy(f -> assertThat(f.code()).isEqualTo("TASK_MISSING"));
        assertThat(new Workspace(dir.resolve("workspace")).list()).containsExactly("template.java");
        Path folder;
        try (var s = Files.list(dir.resolve("artifacts/variants"))) {
            folder = s.findFirst().orElseThrow();
        }
        assertThat(folder.resolve("scene_5001.xml")).exists();
        assertThat(folder.resolve("meshes/bob_5002.stl")).exists();
        for (String stage : List.of("build", TemplateBuild.STATIC, TemplateBuild.MESH, TemplateBuild.SIMULATION, "task-proof")) {
            assertThat(folder.resolve(stage + ".json")).exists();
        }
        var sim = dev.scenarist.core.model.Json.read(Files.readString(folder.resolve("simulation.json")),
                dev.scenarist.packs.mechanisms.internal.validation.StageReport.class);
        assertThat(sim.variants()).hasSize(3).allSatisfy(v -> {
            assertThat(v.simulation().simulatedSeconds()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.01));
            assertThat(v.simulation().maxBodySpeed()).isGreaterThan(0).isLessThan(v.simulation().speedLimit());
        });
    }

    /** The sandbox pendulum with a task: reach its goal zone (out of the hinge's range) with the motor. */
    static String withTask(String reference) {
        return TemplateMainInSandboxTest.PENDULUM.replace("""
                        return scene;
                    }
                """, """
                        return scene;
                    }

                    public java.util.Optional<Task> task(long seed, Scale scale) {
                        return java.util.Optional.of(Task.reach(Task.Subject.geom("bob"), "zone_goal").hold(0.5).within(2)
                                .control(new Control.Actuator("agent_torque", -1, 1)));
                    }

                    public java.util.Optional<Solution> reference(long seed, Scale scale) {
                        return java.util.Optional.ofNullable(%s);
                    }
                """.formatted(reference));
    }

    @Test
    void aReferenceThatFailsItsTaskIsRefusedNamingTheVariantAndThePredicate() throws Exception {
        var results = run(withTask("Solution.builder().set(0, \"agent_torque\", -1).build()"));
        assertThat(results).hasSize(5);
        assertThat(results.get(3)).isInstanceOf(CheckResult.Passed.class);
        assertThat(results.get(4)).isInstanceOf(CheckResult.Failed.class);
        assertThat(results.get(4).findings()).anySatisfy(f -> {
            assertThat(f.code()).isEqualTo("TASK_REFERENCE_FAILS");
            assertThat(f.message()).contains("reach_goal", "bob never inside zone_goal");
            assertThat(f.hint()).contains("variant seed=5001");
        });
    }

    @Test
    void aTemplateThatDeclaresATaskWithoutAReferenceDoesNotBuild() throws Exception {
        var results = run(withTask("null"));
        assertThat(results).hasSize(1);
        assertThat(results.get(0)).isInstanceOf(CheckResult.Failed.class);
        assertThat(results.get(0).findings().toString()).contains("reference(seed, scale) is empty");
    }

    @Test
    void aTemplateWhoseBodyStartsInsideTheFloorFailsInSimulationNamingTheVariant() throws Exception {
        String sinking = TemplateMainInSandboxTest.PENDULUM.replace(".at(0, 0, length + 0.2)", ".at(0, 0, 0.02)");
        var results = run(sinking);
        assertThat(results).hasSize(4);
        assertThat(results.getLast()).isInstanceOf(CheckResult.Failed.class);
        assertThat(results.getLast().findings()).anySatisfy(f -> {
            assertThat(f.code()).isEqualTo("MUJOCO_UNSTABLE");
            assertThat(f.hint()).contains("variant seed=5001 scale=[1.0, 1.0, 1.0]");
        });
    }

    /** The build folder of this test's single run. */
    Path buildFolder() throws Exception {
        try (var s = Files.list(dir.resolve("artifacts/variants"))) {
            return s.findFirst().orElseThrow();
        }
    }

    @Test
    void aSceneWithATaskThatStartsInsideTheFloorIsStillRefusedWhenItsNoopPlayAnswersTheStabilityRun() throws Exception {
        String sinking = withTask("Solution.builder().set(0, \"agent_torque\", -1).build()").replace(".at(0, 0, length + 0.2)", ".at(0, 0, 0.02)");
        var results = run(sinking);
        assertThat(results).hasSize(4);
        assertThat(results.getLast()).isInstanceOf(CheckResult.Failed.class);
        Path folder = buildFolder();
        // the stability run was the no-op play (one request, kept for the proof), and it judges as simulating does
        assertThat(folder.resolve(TaskFiles.noopPlay(5001))).exists();
        var alone = mujoco.simulate(folder.resolve("scene_5001.xml"), SimulationLimits.defaults());
        assertThat(alone).isInstanceOf(SimulationOutcome.Simulated.class);
        List<String> problems = ((SimulationOutcome.Simulated) alone).report().problems();
        assertThat(problems).isNotEmpty();
        assertThat(results.getLast().findings()).filteredOn(f -> f.hint().startsWith("variant seed=5001"))
                .extracting(f -> f.message()).containsExactlyElementsOf(problems);
        assertThat(results.getLast().findings()).allSatisfy(f -> assertThat(f.code()).isEqualTo("MUJOCO_UNSTABLE"));
    }

    @Test
    void theNoopPlayThatAnsweredTheStabilityRunMeasuresAsSimulatingAndTheProofJudgesItAsAFreshPlay() throws Exception {
        var results = run(withTask("Solution.builder().set(0, \"agent_torque\", -1).build()"));
        assertThat(results).hasSize(5);
        assertThat(results.get(3)).isInstanceOf(CheckResult.Passed.class);
        Path folder = buildFolder();
        var stage = dev.scenarist.core.model.Json.read(Files.readString(folder.resolve("simulation.json")),
                dev.scenarist.packs.mechanisms.internal.validation.StageReport.class);
        var proofs = TaskProofStage.read(folder.resolve(TaskProofStage.FILE));
        assertThat(proofs).hasSize(3);
        for (var v : stage.variants()) {
            assertThat(folder.resolve(TaskFiles.noopPlay(v.seed()))).exists();
            Path scene = folder.resolve("scene_" + v.seed() + ".xml");
            // the same figures as the scene simulated on its own
            var alone = (SimulationOutcome.Simulated) mujoco.simulate(scene, SimulationLimits.defaults());
            assertThat(v.simulation()).isEqualTo(dev.scenarist.packs.mechanisms.internal.validation.SimulationMeasures.of(alone.report()));
            // the same no-op verdict as a play made now
            Task task = TaskReader.task(Files.readString(folder.resolve(TaskFiles.task(v.seed()))), "task.json");
            var fresh = (TaskPlay.Judged) new TaskPlayer(mujoco).play(scene, task, Solution.none());
            var proof = proofs.stream().filter(p -> p.seed() == v.seed()).findFirst().orElseThrow();
            assertThat(proof.plays().noop()).isEqualTo(fresh.verdict());
            assertThat(proof.plays().noop().passed()).isFalse();
        }
    }

    @Test
    void aTemplateThatDoesNotCompileFailsAtTheBuildWithTheCompilersLineInTemplateJava() throws Exception {
        var results = run(TemplateMainInSandboxTest.PENDULUM.replace("Scene.named(\"pendulum\")", "Scene.named(42)"));
        assertThat(results).hasSize(1);
        assertThat(results.getFirst().findings()).anySatisfy(f -> {
            assertThat(f.code()).isEqualTo("TEMPLATE_COMPILE_ERROR");
            assertThat(f.location()).startsWith("template.java:");
        });
        // kept with the run, so the checks after it report "not built" without compiling again
        try (var s = Files.walk(dir.resolve("artifacts"))) {
            assertThat(s.map(p -> p.getFileName().toString())).contains("rejected.json");
        }
        var ws = new Workspace(dir.resolve("workspace"));
        var ctx = new CheckContext(new RunContext("run-1", "cmp-1", "mechanisms", 5, Map.of()), "validate", ws, Map.of(), null, dir.resolve("artifacts"));
        assertThat(setup().checks().get(1).run(ctx).findings()).extracting(f -> f.code()).containsExactly("NOT_BUILT");
    }

    @Test
    void aVariantThatThrowsFailsTheBuildNamingItsSeed() throws Exception {
        String throwing = TemplateMainInSandboxTest.PENDULUM.replace("public Scene build(long seed, Scale scale) {",
                "public Scene build(long seed, Scale scale) {\n        if (seed == 5002) throw new IllegalStateException(\"no room at this scale\");");
        assumeTrue(!throwing.equals(TemplateMainInSandboxTest.PENDULUM), "the test template's build signature changed");
        var results = run(throwing);
        assertThat(results).hasSize(1);
        assertThat(results.getFirst().findings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("TEMPLATE_RUNTIME_ERROR");
            assertThat(f.message()).contains("no room at this scale");
            assertThat(f.hint()).startsWith("variant seed=5002");
        });
    }
}
