package dev.scenarist.packs.yaml.internal.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.core.author.PermanentAuthorException;
import dev.scenarist.core.author.TransientAuthorException;
import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.model.Severity;
import dev.scenarist.core.pack.CheckContext;
import dev.scenarist.core.pack.Critic;
import dev.scenarist.core.pack.RunContext;
import dev.scenarist.core.workspace.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class JudgeCheckTest {
    private final JudgeCheck judge = new JudgeCheck("clarity", "Is the question about {{topic}} clear?", List.of("item.json", "absent.txt"), 0.7);

    @TempDir
    Path dir;
    private Workspace ws;

    @BeforeEach
    void files() {
        ws = new Workspace(dir);
        ws.write("item.json", "{\"question\": \"How many?\"}");
    }

    private CheckResult judgedBy(Critic critic) throws InterruptedException {
        return judge.run(new CheckContext(new RunContext("r", "c", "p", 1, Map.of("topic", "loans")), "queries", ws, Map.of(), critic));
    }

    @Test
    void a_score_at_or_above_the_threshold_passes_with_the_score_and_the_feedback_as_a_note() throws Exception {
        CheckResult r = judgedBy((purpose, system, prompt) -> "SCORE: 0.7\nFEEDBACK: clear enough");

        assertThat(r).isInstanceOf(CheckResult.Passed.class);
        assertThat(r.scoreIfAny()).hasValue(0.7);
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).contains("clear enough");
        });
    }

    @Test
    void a_score_below_the_threshold_fails_with_the_feedback_as_the_finding() throws Exception {
        CheckResult r = judgedBy((purpose, system, prompt) -> "Some thoughts first.\nSCORE: 4/10\nFEEDBACK: the row order is not specified;\nsay ORDER BY name.");

        assertThat(r).isInstanceOf(CheckResult.Failed.class);
        assertThat(r.scoreIfAny()).hasValue(0.4);
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("JUDGE_SCORE");
            assertThat(f.message()).isEqualTo("judge 'clarity' scored 0.40, below the threshold 0.70: the row order is not specified;\nsay ORDER BY name.");
            assertThat(f.location()).isEqualTo("item.json, absent.txt");
        });
    }

    @Test
    void asks_the_critic_with_the_rubric_the_parameters_and_the_files() throws Exception {
        String[] asked = new String[3];
        judgedBy((purpose, system, prompt) -> {
            asked[0] = purpose;
            asked[1] = system;
            asked[2] = prompt;
            return "SCORE: 1";
        });

        assertThat(asked[0]).isEqualTo("judge:clarity");
        assertThat(asked[1]).contains("SCORE:").contains("FEEDBACK:");
        assertThat(asked[2]).contains("Is the question about loans clear?")
                .contains("<file path=\"item.json\">\n{\"question\": \"How many?\"}\n</file>")
                .contains("<file path=\"absent.txt\">\n(this file does not exist)\n</file>");
    }

    @Test
    void a_reply_without_a_score_fails_saying_exactly_what_was_missing() throws Exception {
        CheckResult r = judgedBy((purpose, system, prompt) -> "Looks good to me overall.\nFEEDBACK: fine");

        assertThat(r).isInstanceOf(CheckResult.Failed.class);
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("JUDGE_UNREADABLE");
            assertThat(f.message()).contains("no line 'SCORE: <number from 0 to 1>'").contains("it began: 'Looks good to me overall.'");
        });
    }

    @Test
    void a_score_outside_both_scales_is_unreadable() throws Exception {
        CheckResult r = judgedBy((purpose, system, prompt) -> "SCORE: 42");

        assertThat(r.findings()).extracting(Finding::message).singleElement().asString().contains("outside both scales");
    }

    @Test
    void a_critic_that_cannot_be_reached_makes_the_check_errored_not_failed() throws Exception {
        CheckResult transientFailure = judgedBy((purpose, system, prompt) -> {
            throw new TransientAuthorException("429 Too Many Requests");
        });
        CheckResult permanent = judgedBy((purpose, system, prompt) -> {
            throw new PermanentAuthorException("no cassette entry");
        });

        assertThat(transientFailure).isInstanceOfSatisfying(CheckResult.Errored.class, e -> assertThat(e.message()).contains("429"));
        assertThat(permanent).isInstanceOf(CheckResult.Errored.class);
    }

    @Test
    void without_a_critic_the_check_is_errored() throws Exception {
        assertThat(judgedBy(null)).isInstanceOfSatisfying(CheckResult.Errored.class,
                e -> assertThat(e.message()).contains("needs a critic model"));
    }
}
