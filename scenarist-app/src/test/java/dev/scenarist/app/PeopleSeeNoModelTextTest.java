package dev.scenarist.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.core.model.RunState;
import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.FileFormat;
import dev.scenarist.core.pack.OutputFile;
import dev.scenarist.core.pack.Stage;
import dev.scenarist.core.pack.StagePolicy;
import dev.scenarist.core.testing.EngineHarness;
import dev.scenarist.core.testing.ScriptedAuthor;
import dev.scenarist.core.testing.TestChecks;
import dev.scenarist.core.testing.TestPack;
import dev.scenarist.core.engine.RetryOptions;
import dev.scenarist.store.sql.SqlStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hints written for the model ("reply with each file inside a file block") and unrendered placeholders such as
 * {{pack_dir}} reach the model's prompt only: what people read — show, runs, validate, failure files — never has them.
 */
class PeopleSeeNoModelTextTest {
    @TempDir
    Path data;

    @Test
    void aReplyWithoutFileBlocksIsExplainedToPeopleWithoutTheModelsReplyFormat() throws Exception {
        var pack = TestPack.named("t").stage(new Stage.AuthorStage("draft", "Write a.txt; it must say ok.",
                StagePolicy.editing("a.txt").withMaxAttempts(2), List.of(OutputFile.required("a.txt", FileFormat.TEXT, "")),
                List.of(TestChecks.contains("says-ok", Check.TIER_PARSE, "a.txt", "ok")))).build();
        var author = new ScriptedAuthor().always("draft", req -> "I would write a scenario where everything is ok.");
        String runId;
        try (var store = SqlStore.sqlite(data.resolve("scenarist.db"))) {
            var h = new EngineHarness(data, store, RetryOptions.DEFAULTS);
            h.generate(EngineHarness.spec(pack, 1), pack, author);
            var run = store.runs().recent(1).getFirst();
            assertThat(run.state()).isEqualTo(RunState.REJECTED);
            runId = run.id();
        }
        // the model itself is still told how to answer
        assertThat(author.requests("draft").get(1).prompt()).contains("NO_ARTIFACT").contains("<file path=");

        var show = CliRun.in(data, "show", runId);
        var showJson = CliRun.in(data, "--json", "show", runId);
        var runs = CliRun.in(data, "runs");
        var runsJson = CliRun.in(data, "--json", "runs");
        String reason = Files.readString(new dev.scenarist.core.engine.DataLayout(data).run(runId).failureDir().resolve("reason.json"));

        assertThat(show.code()).as(show.err()).isZero();
        assertThat(show.out() + show.err()).contains("NO_ARTIFACT", "the reply is prose");
        for (String shown : List.of(show.out() + show.err(), showJson.out(), runs.out() + runs.err(), runsJson.out(), reason)) {
            assertThat(shown).doesNotContain("<file path=").doesNotContain("{{").doesNotContain("\"hint\"");
        }
    }

    @Test
    void aFailingCommandCheckNamesTheCommandWithItsRealPathsInValidate() throws Exception {
        Path pack = data.resolve("packs/cmd");
        Files.createDirectories(pack.resolve("checks"));
        Files.writeString(pack.resolve("checks/check.sh"), "echo 'a.txt does not say ok' >&2\nexit 3\n");
        Files.writeString(pack.resolve("pack.yaml"), """
                name: cmd
                description: one command check that fails
                stages:
                  - name: draft
                    kind: author
                    instructions: Write a.txt.
                    outputs:
                      - path: a.txt
                    checks:
                      - type: command
                        name: says-ok
                        argv: [sh, "{{pack_dir}}/checks/check.sh", "{{workspace}}/a.txt"]
                """);
        Path scenario = data.resolve("scenario");
        Files.createDirectories(scenario);
        Files.writeString(scenario.resolve("a.txt"), "not yet\n");

        var human = CliRun.in(data, "validate", "--pack", "cmd", scenario.toString());
        var json = CliRun.in(data, "--json", "validate", "--pack", "cmd", scenario.toString());

        assertThat(human.code()).as(human.out() + human.err()).isEqualTo(1);
        assertThat(human.out()).contains("COMMAND_FAILED", "checks/check.sh", "exited with 3", "a.txt does not say ok");
        assertThat(human.out() + human.err() + json.out()).doesNotContain("{{");
    }
}
