package dev.scenarist.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chains commands as a user runs them, through the real command line, against the in-process reference assistant. */
class ChainsCliTest {
    static final Path FIX = Path.of(System.getProperty("user.dir")).resolve("../packs/chains/reference/fix-pronouns.sh").normalize();

    @TempDir
    Path tmp;

    CliRun cli(String... args) {
        return CliRun.in(tmp.resolve("data"), args);
    }

    @Test
    void runPackAgainstTheReferenceFindsThePlantedDefectAndWritesTheTree() throws Exception {
        var r = cli("chains", "run-pack", "--target", "reference", "--flaky-retries", "0");

        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).startsWith("PARTIAL  pack inventory").contains("backlog:");
        Path pack = tmp.resolve("data/artifacts/domain_runs/inventory");
        assertThat(Files.readString(pack.resolve("backlog.md"))).contains("[P0] context lost on pronoun_only follow-up: semantic_memory.selected_item");
        assertThat(pack.resolve("scenarios/low_stock_followup/steps/step_03_stock__pronoun_only/step_state.json")).isRegularFile();
        assertThat(Files.readString(pack.resolve("final_status.md"))).startsWith("# inventory: partial");
    }

    @Test
    void runPackLoopWithTheScriptedFixEndsWithTheGateMet() {
        var r = cli("chains", "run-pack-loop", "--target", "reference", "--coder", "sh " + FIX, "--max-iterations", "3", "--json");

        assertThat(r.code()).as(r.err()).isZero();
        Map<?, ?> doc = r.json();
        assertThat(doc.get("ending")).isEqualTo("gate_met");
        assertThat(doc.get("iterations")).isEqualTo(2);
        assertThat(r.err()).contains("iteration 1 done").contains("GATE_MET  pack inventory");
        assertThat(tmp.resolve("data/chains/reference-product/assistant.json")).content().contains("\"resolve_pronouns\": true");
    }

    @Test
    void runScenarioAndRunCaseWriteTheirOwnFolders() {
        cli("chains", "reference-fix");
        var scenario = cli("chains", "run-scenario", "result_set_navigation", "--json");
        assertThat(scenario.code()).as(scenario.err()).isZero();
        assertThat(scenario.json().get("status")).isEqualTo("accepted");
        assertThat(tmp.resolve("data/artifacts/domain_runs/result_set_navigation/scenario_state.json")).isRegularFile();

        var c = cli("chains", "run-case", "--question", "Who supplies HB-M6?", "--expect", "response.supplier == \"Fastenco\"", "--id", "supplier_case");
        assertThat(c.code()).as(c.err()).isZero();
        assertThat(c.out()).startsWith("ACCEPTED  supplier_case  score 100");
    }

    @Test
    void aBrokenPoolIsAUsageErrorNamingItsLine() throws Exception {
        Path pool = tmp.resolve("pool.yaml");
        Files.writeString(pool, "pack: p\ndomain: d\nscenarios:\n  - id: s\n    title: T\n    steps:\n      - id: step_01\n        question: Q {{step_07.x}}\n");

        var r = cli("chains", "run-pack", "--pool", pool.toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("pool.yaml:8:").contains("placeholder {{step_07.x}} names 'step_07', which is no earlier step");
    }

    @Test
    void anAuthVariableThatIsNotSetIsAUsageErrorAndItsValueIsNeverPrinted() {
        var missing = cli("chains", "run-case", "--question", "Q?", "--auth-env", "CHAINS_TOKEN");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("CHAINS_TOKEN (named by --auth-env) is not set");

        var ok = CliRun.in(tmp.resolve("data"), Map.of("CHAINS_TOKEN", "Bearer tok-5b1d-secret"), "chains", "run-case", "--question",
                "Who supplies HB-M6?", "--auth-env", "CHAINS_TOKEN");
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out() + ok.err()).doesNotContain("tok-5b1d-secret");
    }

    @Test
    void anUnreachableUrlBlocksTheCase() {
        var r = cli("chains", "run-case", "--question", "Q?", "--target", "http://127.0.0.1:9", "--timeout", "2s", "--flaky-retries", "0");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).startsWith("BLOCKED  case").contains("cannot reach http://127.0.0.1:9");
    }
}
