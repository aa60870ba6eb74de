package dev.scenarist.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.core.model.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An offline-generated mechanisms scenario carries its task and the proof that it is solvable, and
 * {@code scenarist mechanisms play} scores solutions of it in MuJoCo: the reference passes (exit 0), doing nothing
 * fails (exit 1), a broken solution file is bad input named by its file and line (exit 2).
 */
class MechanismsPlayCliTest {
    @TempDir
    static Path tmp;
    static Path scenario;

    static CliRun cli(String... args) {
        return CliRun.in(tmp.resolve("data"), args);
    }

    @BeforeAll
    static void generateOne() {
        var before = ChildProcesses.node();
        var sandboxedBefore = ChildProcesses.sandboxed();
        var gen = cli("--json", "generate", "--pack", "mechanisms", "--tier", "2", "--count", "1");
        assertThat(gen.code()).as(gen.err()).isZero();
        assertThat(ChildProcesses.node()).as("the campaign's MuJoCo sidecars are stopped when the command returns").isSubsetOf(before);
        assertThat(ChildProcesses.sandboxed()).as("the campaign's template compile server is stopped when the command returns")
                .isSubsetOf(sandboxedBefore);
        scenario = Path.of((String) ((Map<?, ?>) ((List<?>) gen.json().get("scenarios")).getFirst()).get("path"));
    }

    @Test
    void every_variant_carries_its_task_its_reference_and_the_proof_with_the_margin() throws Exception {
        assertThat(scenario.resolve("task.schema.json")).exists();
        assertThat(scenario.resolve("solution.schema.json")).exists();
        List<Path> manifests;
        try (var s = Files.list(scenario)) {
            manifests = s.filter(p -> p.getFileName().toString().matches("manifest_\\d+\\.json")).sorted().toList();
        }
        assertThat(manifests).hasSize(5);
        for (Path mf : manifests) {
            Map<?, ?> m = Json.read(Files.readString(mf), Map.class);
            long seed = ((Number) m.get("seed")).longValue();
            Map<?, ?> task = (Map<?, ?>) m.get("task");
            assertThat(task).as("%s has a task section", mf).isNotNull();
            assertThat(scenario.resolve((String) task.get("file"))).exists();
            assertThat(scenario.resolve("reference_" + seed + ".json")).exists();
            Map<?, ?> reference = (Map<?, ?>) task.get("reference");
            assertThat(reference.get("passed")).isEqualTo(true);
            Map<?, ?> margin = (Map<?, ?>) reference.get("margin");
            assertThat(((Number) margin.get("depth_m")).doubleValue()).isPositive();
            assertThat(((Number) margin.get("time_to_spare_s")).doubleValue()).isPositive();
            Map<?, ?> noop = (Map<?, ?>) task.get("noop");
            assertThat(noop.get("passed")).isEqualTo(false);
            assertThat(((Number) noop.get("initial_depth_m")).doubleValue()).as("the subject starts outside the goal").isNegative();
        }
    }

    @Test
    void the_reference_passes_with_exit_0_and_prints_the_measured_quantities() {
        var run = cli("mechanisms", "play", scenario.toString(), "--solution", "reference");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("PASS", "reach_goal", "margin: held");
        var json = cli("--json", "mechanisms", "play", scenario.toString(), "--solution", "reference");
        assertThat(json.code()).as(json.err()).isZero();
        assertThat(json.json().get("verdict")).isEqualTo("pass");
        Map<?, ?> measures = (Map<?, ?>) json.json().get("measures");
        assertThat(((Number) measures.get("held_depth_m")).doubleValue()).isPositive();
        assertThat(((Number) measures.get("time_to_spare_s")).doubleValue()).isPositive();
    }

    @Test
    void doing_nothing_fails_with_exit_1_naming_the_missed_predicate() {
        var run = cli("mechanisms", "play", scenario.toString(), "--solution", "noop");
        assertThat(run.code()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).contains("FAIL", "reach_goal", "MISSED", "never inside zone_goal");
    }

    @Test
    void a_bad_solution_file_is_exit_2_with_its_file_and_line() throws Exception {
        Path bad = tmp.resolve("bad-solution.json");
        Files.writeString(bad, "{\n  \"schedule\": [\n    {\"t\": 0, \"control\": \"no_such_control\", \"mode\": \"set\", \"value\": 1}\n  ]\n}\n",
                StandardCharsets.UTF_8);
        var run = cli("mechanisms", "play", scenario.toString(), "--solution", bad.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains(bad + ":3:", "no_such_control", "use one of");

        Files.writeString(bad, "{\n  \"schedule\": [\n    {\"t\": 0,,}\n  ]\n}\n", StandardCharsets.UTF_8);
        var notJson = cli("mechanisms", "play", scenario.toString(), "--solution", bad.toString());
        assertThat(notJson.code()).isEqualTo(2);
        assertThat(notJson.err()).contains(bad + ":3:", "not JSON");
    }
}
