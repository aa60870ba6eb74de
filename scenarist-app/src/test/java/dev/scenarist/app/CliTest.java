package dev.scenarist.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.core.model.Json;
import dev.scenarist.core.workspace.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: in-process, real SQLite store, the bundled example pack. */
class CliTest {
    @TempDir
    Path tmp;

    CliRun cli(String... args) {
        return CliRun.in(tmp.resolve("data"), args);
    }

    @Test
    void helpListsEveryCommand() {
        var r = cli("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("packs", "generate", "campaigns", "runs", "show", "resume", "export", "cancel");
    }

    @Test
    void anUnknownOptionIsAUsageErrorWithExitCode2() {
        var r = cli("generate", "--pack", "sql-quiz", "--count", "1", "--colour", "blue");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unknown option '--colour'").contains("'scenarist generate --help'");
    }

    @Test
    void aMissingRequiredOptionIsNamed() {
        var r = cli("generate", "--count", "1");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--pack");
    }

    @Test
    void aMisspelledRequiredOptionIsNamedWithTheIntendedOneAndTheMissingOne() {
        var r = cli("generate", "--pack", "sql-quiz", "--cuont", "5");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unknown option '--cuont' (did you mean '--count'?)").contains("missing required option '--count N'");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void underJsonAUsageErrorIsOneJsonDocumentOnStdout() {
        var r = cli("--json", "generate", "--pack", "sql-quiz", "--cuont", "5");
        assertThat(r.code()).isEqualTo(2);
        Map<?, ?> error = (Map<?, ?>) r.json().get("error");
        assertThat(error.get("code")).isEqualTo("usage");
        assertThat(error.get("exit")).isEqualTo(2);
        assertThat((String) error.get("message")).contains("--cuont").contains("--count");
        assertThat(r.err()).contains("unknown option '--cuont'");
    }

    @Test
    void underJsonAnExecutionErrorIsOneJsonDocumentOnStdout() {
        var r = cli("--json", "generate", "--pack", "nope", "--count", "1");
        assertThat(r.code()).isEqualTo(2);
        assertThat(((Map<?, ?>) r.json().get("error")).get("message")).asString().contains("no pack named 'nope'");
    }

    @Test
    void numbersInOtherScriptsAreNotReadAsDigits() {
        var r = cli("generate", "--pack", "sql-quiz", "--count", "५");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("'५' is not a whole number written in digits 0-9");
    }

    @Test
    void exportToAFileSaysItIsAFileAndWritesNothing() throws Exception {
        Path file = tmp.resolve("out.txt");
        Files.writeString(file, "keep me");
        var r = cli("export", "--campaign", "c", "--out", file.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--out " + file + " is a file; give a folder (it is created if missing)");
        assertThat(Files.readString(file)).isEqualTo("keep me");
        assertThat(tmp.resolve("data")).doesNotExist();
    }

    @Test
    void completionPrintsAValidBashScriptForEveryCommand() throws Exception {
        var r = cli("completion", "bash");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("generate", "export", "campaigns", "--count", "--pack", "bashcompinit");
        Path script = tmp.resolve("scenarist.bash");
        Files.writeString(script, r.out());
        var check = new ProcessBuilder("bash", "-n", script.toString()).redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor()).as(output).isZero();
        assertThat(cli("completion", "zsh").out()).isEqualTo(r.out());
    }

    @Test
    void anUnknownPackIsNamedTogetherWithTheAvailableOnes() {
        var r = cli("generate", "--pack", "nope", "--count", "1");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("no pack named 'nope'").contains("sql-quiz").doesNotContain("Exception");
    }

    @Test
    void aBadCountIsRefusedBeforeAnythingIsWritten() {
        var r = cli("generate", "--pack", "sql-quiz", "--count", "0");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("count must be between 1 and 100000, got 0");
        assertThat(tmp.resolve("data/scenarist.db")).doesNotExist();
    }

    @Test
    void aConfigFileWithATypoNamesTheFileAndLine() throws Exception {
        Path cfg = tmp.resolve("campaign.yaml");
        Files.writeString(cfg, "seed: 3\nconcurency: 2\n");
        var r = cli("generate", "--pack", "sql-quiz", "--count", "1", "--config", cfg.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(cfg + ":2:1: unknown field 'concurency'; did you mean 'concurrency'?");
    }

    @Test
    void aBrokenPackFileIsReportedWithFileAndLine() throws Exception {
        Path pack = tmp.resolve("data/packs/broken");
        Files.createDirectories(pack);
        Files.writeString(pack.resolve("pack.yaml"), "name: broken\ndescription: x\nstages:\n  - name: one\n    kind: author\n    max_attempt: 3\n");
        var r = cli("generate", "--pack", "broken", "--count", "1");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("pack.yaml").containsPattern(":\\d+").doesNotContain("\tat ");
    }

    @Test
    void packsListsTheBundledExampleWithItsStagesAndChecks() {
        var r = cli("--json", "packs");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("\"name\" : \"sql-quiz\"");
        assertThat(r.err()).contains("sql-quiz").contains("queries");
    }

    @Test
    void generateProducesScenariosAndOneJsonDocumentThenInspectAndExportThem() throws Exception {
        var r = cli("--json", "generate", "--pack", "sql-quiz", "--count", "2", "--seed", "0");
        assertThat(r.code()).as(r.err()).isZero();
        Map<?, ?> doc = r.json();
        assertThat(doc.get("requested")).isEqualTo(2);
        assertThat(doc.get("accepted")).isEqualTo(2);
        assertThat(doc.keySet().stream().map(String::valueOf).toList()).contains("campaign_id", "pack", "rejected", "attempts", "wall_seconds", "scenarios");
        List<?> scenarios = (List<?>) doc.get("scenarios");
        assertThat(scenarios).hasSize(2).allSatisfy(s -> assertThat(Path.of((String) ((Map<?, ?>) s).get("path")).resolve("manifest.json")).exists());
        assertThat(r.err()).contains("first-attempt pass");
        String campaign = (String) doc.get("campaign_id");

        var campaigns = cli("campaigns");
        assertThat(campaigns.out()).contains(campaign).contains("completed").contains("2/2");

        var runs = cli("--json", "runs", "--campaign", campaign);
        List<?> runList = (List<?>) runs.json().get("runs");
        assertThat(runList).isNotEmpty();
        String runId = (String) ((Map<?, ?>) runList.getFirst()).get("run_id");

        var show = cli("show", runId);
        assertThat(show.code()).isZero();
        assertThat(show.out()).contains("Stage describe").contains("attempt 1").contains("check ");

        Path outDir = tmp.resolve("export");
        assertThat(cli("export", "--campaign", campaign, "--format", "dir", "--out", outDir.toString()).code()).isZero();
        try (var dirs = Files.list(outDir)) {
            assertThat(dirs.toList()).hasSize(2).allSatisfy(d -> assertThat(d.resolve("manifest.json")).exists());
        }
        Path jsonl = tmp.resolve("export-jsonl");
        assertThat(cli("export", "--campaign", campaign, "--format", "jsonl", "--out", jsonl.toString()).code()).isZero();
        List<String> lines = Files.readAllLines(jsonl.resolve(campaign + ".jsonl"));
        assertThat(lines).hasSize(2).allSatisfy(l -> assertThat(Json.read(l, Map.class)).containsKeys("manifest", "files"));
    }

    @Test
    void resumingACampaignWhosePackChangedIsRefused() throws Exception {
        // a user copy of the example pack, so it can be edited
        Path bundled = tmp.resolve("data/.bundled-packs/sql-quiz");
        var first = cli("--json", "generate", "--pack", "sql-quiz", "--count", "1");
        assertThat(first.code()).as(first.err()).isZero();
        Path copy = tmp.resolve("data/packs/sql-quiz");
        dev.scenarist.core.workspace.Workspace.copyTree(bundled, copy);
        var second = cli("--json", "generate", "--pack", "sql-quiz", "--count", "1", "--max-runs", "1");
        String campaign = (String) second.json().get("campaign_id");
        Files.writeString(copy.resolve("pack.yaml"), Files.readString(copy.resolve("pack.yaml")) + "\n# edited\n");

        var r = cli("resume", "--campaign", campaign);

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("different configuration").contains("sql-quiz");
    }

    @Test
    void inspectingSomethingThatDoesNotExistSaysHowToFindIt() {
        assertThat(cli("show", "run-nope").err()).contains("no run run-nope; list runs with 'scenarist runs'");
        assertThat(cli("runs", "--campaign", "cmp-nope").code()).isEqualTo(2);
        assertThat(cli("resume").code()).isEqualTo(2);
    }

    @Test
    void validateRunsThePacksChecksOnAnExistingScenarioAndExitsOneOnErrors() throws Exception {
        var gen = cli("--json", "generate", "--pack", "sql-quiz", "--count", "1");
        Path scenario = Path.of((String) ((Map<?, ?>) ((List<?>) gen.json().get("scenarios")).getFirst()).get("path"));

        // the offline author cannot answer the item's judge check, and a check that could not run is never a pass
        var unjudged = cli("validate", "--pack", "sql-quiz", scenario.toString());
        assertThat(unjudged.code()).as(unjudged.out() + unjudged.err()).isEqualTo(4);
        assertThat(unjudged.out()).containsPattern("queries +results +passed").contains("not judged: 1 check(s) could not run")
                .contains("queries/answerable");

        Path broken = tmp.resolve("broken");
        dev.scenarist.core.workspace.Workspace.copyTree(scenario, broken);
        Files.writeString(broken.resolve("expected.csv"), "nothing,like,this\n1,2,3\n");
        var bad = cli("--json", "validate", "--pack", "sql-quiz", broken.resolve("expected.csv").toString());
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("EXPECTED_MISMATCH");
        assertThat(bad.json().get("valid")).isEqualTo(false);
        assertThat(Files.readString(broken.resolve("expected.csv"))).as("validate never changes the files").startsWith("nothing,like,this");

        assertThat(cli("validate", "--pack", "sql-quiz", tmp.resolve("nope").toString()).code()).isEqualTo(2);
    }

    @Test
    void promoteMovesAnAcceptedScenarioIntoTheDataset() {
        var gen = cli("--json", "generate", "--pack", "sql-quiz", "--count", "1");
        Map<?, ?> s = (Map<?, ?>) ((List<?>) gen.json().get("scenarios")).getFirst();
        String id = (String) s.get("id");

        var r = cli("--json", "promote", id);

        assertThat(r.code()).as(r.err()).isZero();
        Path to = Path.of((String) r.json().get("path"));
        assertThat(to).isEqualTo(tmp.resolve("data/datasets/sql-quiz").resolve(id));
        assertThat(to.resolve("manifest.json")).exists();
        assertThat(Path.of((String) s.get("path"))).doesNotExist();
        assertThat(cli("promote", id).out()).contains("already in the dataset");
        assertThat(cli("promote", "sql-quiz-nope").code()).isEqualTo(2);
    }

    @Test
    void promotingAScenarioWhoseFilesWereDeletedSaysWhatIsMissingAndChangesNothing() throws Exception {
        var gen = cli("--json", "generate", "--pack", "sql-quiz", "--count", "1");
        Map<?, ?> s = (Map<?, ?>) ((List<?>) gen.json().get("scenarios")).getFirst();
        String id = (String) s.get("id");
        Workspace.deleteTree(Path.of((String) s.get("path")), true);

        var r = cli("promote", id);

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("the files of " + id + " are missing").contains("restore that folder").doesNotContain("internal error");
        assertThat(tmp.resolve("data/datasets/sql-quiz").resolve(id)).doesNotExist();
        assertThat(cli("promote", id).code()).as("still in staging: the catalog was not changed").isEqualTo(2);
    }

    @Test
    void validateChecksAnExistingMujocoSceneStaticallyAndInSimulation() {
        Path shared = Path.of(System.getProperty("user.dir")).resolve("../../shared/data/mjcf").normalize();
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(shared), "the shared data folder " + shared + " is missing");

        var good = cli("--json", "validate", "--pack", "mechanisms", shared.resolve("valid/dmc_cartpole.xml").toString());
        assertThat(good.code()).as(good.err()).isZero();
        assertThat(good.err()).contains("mjcf-static").contains("mujoco-simulation").contains("MUJOCO_SIMULATED");

        var bad = cli("validate", "--pack", "mechanisms", shared.resolve("invalid/zero_quaternion.xml").toString());
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.out()).contains("zero quaternion is not allowed").contains("zero_quaternion.xml:5");
    }

    @Test
    void aTemplateInAFolderThatIsNoScenarioIsRefusedInsteadOfCopiedWhileAModelThereIsReadInPlace() throws Exception {
        Path big = tmp.resolve("downloads");
        Files.createDirectories(big);
        for (int i = 0; i <= 2000; i++) Files.writeString(big.resolve("f" + i + ".txt"), "x");
        Files.writeString(big.resolve("template.java"), "public class T {}");
        Files.writeString(big.resolve("scene.xml"), "<mujoco/>");

        // a template is compiled and built, which writes: its folder is copied first, so a folder that is no scenario is refused
        var r = cli("validate", "--pack", "mechanisms", big.resolve("template.java").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("(the folder of template.java) holds more than 2000 files").contains("in a folder of its own");

        // a model is only read, where it lies: nothing is copied, whatever else its folder holds
        var model = cli("validate", "--pack", "mechanisms", big.resolve("scene.xml").toString());
        assertThat(model.code()).as(model.err()).isNotEqualTo(2);
        assertThat(model.out()).contains("mjcf-static");
        // and validate stores nothing, so the store is never opened (no database created, no migration run)
        assertThat(tmp.resolve("data/scenarist.db")).doesNotExist();
        assertThat(cli("campaigns").code()).isZero();
        assertThat(tmp.resolve("data/scenarist.db")).as("a command that lists campaigns opens it").exists();
    }

    @Test
    void theMechanismsPackRefusesABadTierBeforeDoingAnything() {
        var r = cli("generate", "--pack", "mechanisms", "--tier", "4", "--count", "1");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--tier must be 1 (static spatial), 2 (kinematic) or 3 (actuated multi-body), got '4'");
        var other = cli("generate", "--pack", "sql-quiz", "--tier", "2", "--count", "1");
        assertThat(other.code()).isEqualTo(2);
        assertThat(other.err()).contains("pack 'sql-quiz' takes no options, but got tier");
        assertThat(cli("--json", "campaigns").out()).doesNotContain("mechanisms");
    }
}
