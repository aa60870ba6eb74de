package dev.scenarist.packs.yaml;

import dev.scenarist.sandbox.testing.ThisMachine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.scenarist.core.catalog.ShingleSimilarityIndex;
import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.CheckContext;
import dev.scenarist.core.pack.GateDecision;
import dev.scenarist.core.pack.Stage;
import dev.scenarist.core.author.AuthorRequest;
import dev.scenarist.core.author.ModelSettings;
import dev.scenarist.core.workspace.Workspace;
import dev.scenarist.packs.yaml.internal.checks.CommandCheck;
import dev.scenarist.packs.yaml.internal.checks.JudgeCheck;
import dev.scenarist.packs.yaml.internal.offline.ReplyFolderAuthor;
import dev.scenarist.sandbox.Sandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The example pack packs/examples/sql-quiz, its check scripts (real sqlite3 in real bubblewrap) and its scripted replies. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ExamplePackTest {
    static final Path PACK_DIR = Path.of("../examples/sql-quiz");
    static final Path REPLIES = PACK_DIR.resolve("offline/replies");

    private final YamlPack pack = new YamlPackLoader(ThisMachine.sandbox()).load(PACK_DIR);

    @TempDir
    Path temp;

    static List<String> topics() {
        return List.of("library-loans", "flight-bookings", "clinic-appointments", "online-store-orders",
                "university-course-enrollment", "hotel-reservations", "bike-sharing-trips", "food-delivery",
                "gym-class-attendance", "music-streaming");
    }

    /** The seed whose parameters pick this topic (topic is the first parameter, so seed = its index). */
    private long seedFor(String topic) {
        for (long seed = 0; seed < 10; seed++) {
            if (ReplyFolderAuthor.slug(pack.parameters(seed).get("topic").toString()).equals(topic)) return seed;
        }
        throw new AssertionError("no seed picks " + topic);
    }

    @Test
    void it_requires_the_sandbox_the_shell_its_checks_start_and_the_sqlite3_its_scripts_run() {
        assertThat(pack.requirements()).containsExactly(
                new dev.scenarist.core.pack.Requirement.Sandbox("the pack's command checks run in it"),
                new dev.scenarist.core.pack.Requirement.Command("sh", "check 'loads' runs it", "dash"),
                new dev.scenarist.core.pack.Requirement.Command("sqlite3", "the checks build each item's database and run its queries", "sqlite3"));
    }

    @Test
    void loads_with_its_five_stages_in_order() {
        assertThat(pack.name()).isEqualTo("sql-quiz");
        assertThat(pack.pipeline().names()).containsExactly("describe", "database", "queries", "review", "unique");
        assertThat(pack.pipeline().stages()).extracting(Stage::kind).containsExactly("author", "author", "author", "review", "gate");
        assertThat(pack.duplicateThreshold()).isEqualTo(0.8);
        assertThat(pack.context()).contains("text-to-SQL");
    }

    @Test
    void every_topic_it_can_pick_has_scripted_replies_and_every_reply_folder_is_a_topic() throws Exception {
        Set<String> picked = new HashSet<>();
        for (long seed = 0; seed < 30; seed++) picked.add(ReplyFolderAuthor.slug(pack.parameters(seed).get("topic").toString()));
        List<String> folders;
        try (Stream<Path> s = Files.list(REPLIES)) {
            folders = s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).toList();
        }

        assertThat(picked).hasSizeGreaterThanOrEqualTo(8).containsExactlyInAnyOrderElementsOf(folders);
        assertThat(picked).containsExactlyInAnyOrderElementsOf(topics());
    }

    @Test
    void consecutive_seeds_give_every_topic_and_angle_once_then_every_difficulty() {
        Set<Map<String, Object>> combos = new HashSet<>();
        Set<List<Object>> topicAngles = new HashSet<>();
        for (long seed = 0; seed < 360; seed++) {
            Map<String, Object> p = pack.parameters(seed);
            combos.add(p);
            if (seed < 120) topicAngles.add(List.of(p.get("topic"), p.get("angle")));
        }

        assertThat(topicAngles).hasSize(120);
        assertThat(combos).hasSize(360);
        assertThat(pack.parameters(12)).isEqualTo(pack.parameters(12)).isEqualTo(pack.parameters(372));
    }

    /**
     * The offline author's capacity: the first 120 seeds must give at least 100 items that pass every check of the
     * describe, database and queries stages (real sqlite3 in bubblewrap) and that the uniqueness gate keeps apart
     * (pairwise similarity of question + reference query under the pack's threshold). A campaign of 100 offline
     * scenarios depends on it.
     */
    @Test
    void the_offline_author_gives_at_least_100_distinct_valid_items() throws Exception {
        ReplyFolderAuthor author = new ReplyFolderAuthor("replies:sql-quiz", REPLIES, List.of("topic", "angle"));
        ShingleSimilarityIndex seen = new ShingleSimilarityIndex();
        List<String> accepted = new java.util.ArrayList<>();
        for (long seed = 0; seed < 120; seed++) {
            Map<String, Object> params = pack.parameters(seed);
            Workspace ws = new Workspace(temp.resolve("item-" + seed));
            for (String stage : List.of("describe", "database", "queries")) FileBlocks.parse(last(author, stage, params)).forEach(ws::write);
            String judgeReply = last(author, "queries:judge:answerable", params);
            for (Stage stage : pack.pipeline().stages()) {
                for (Check check : stage instanceof Stage.AuthorStage a ? a.checks() : List.<Check>of()) {
                    CheckResult r = check.run(TestRuns.context(stage.name(), ws, params, (purpose, system, prompt) -> judgeReply));
                    assertThat(r).as("seed %d %s: %s / %s: %s", seed, params, stage.name(), check.name(), r).isInstanceOf(CheckResult.Passed.class);
                }
            }
            String text = pack.uniquenessText(ws);
            var nearest = seen.nearest(pack.name(), text, 1);
            assertThat(nearest.isEmpty() ? 0.0 : nearest.getFirst().similarity()).as("seed %d %s is a duplicate of %s", seed, params, nearest)
                    .isLessThan(pack.duplicateThreshold());
            seen.add(pack.name(), "seed-" + seed, text);
            accepted.add("seed-" + seed);
        }
        assertThat(accepted).hasSizeGreaterThanOrEqualTo(100);
    }

    private static String last(ReplyFolderAuthor author, String stage, Map<String, Object> params) throws Exception {
        return author.reply(new AuthorRequest(stage, "", "", ModelSettings.DEFAULTS, 50, 0, params)).text();
    }

    @ParameterizedTest(name = "the {0} item assembled from its final replies passes every check of every stage")
    @MethodSource("topics")
    void an_item_assembled_from_its_final_replies_passes_every_check(String topic) throws Exception {
        Map<String, Object> params = pack.parameters(seedFor(topic));
        Workspace ws = assemble(topic, params, "describe", "database", "queries");
        String judgeReply = finalReply(topic, "queries:judge:answerable", params);

        for (Stage stage : pack.pipeline().stages()) {
            List<Check> checks = stage instanceof Stage.AuthorStage a ? a.checks() : List.of();
            CheckContext ctx = TestRuns.context(stage.name(), ws, params, (purpose, system, prompt) -> judgeReply);
            for (Check check : checks) {
                CheckResult r = check.run(ctx);
                assertThat(r).as("%s / %s: %s", stage.name(), check.name(), r).isInstanceOf(CheckResult.Passed.class);
            }
        }
    }

    /** A workspace holding the files of each stage's final (passing) reply, as the author renders them for these parameters. */
    private Workspace assemble(String topic, Map<String, Object> params, String... stages) throws Exception {
        Workspace ws = new Workspace(temp.resolve(topic + "-" + String.join("-", stages)));
        for (String stage : stages) FileBlocks.parse(finalReply(topic, stage, params)).forEach(ws::write);
        return ws;
    }

    /** The reply to the last attempt (the author falls back to the highest-numbered reply). */
    private static String finalReply(String topic, String stage, Map<String, Object> params) throws Exception {
        return new ReplyFolderAuthor("replies", REPLIES, "topic").reply(new AuthorRequest(stage, "", "",
                ModelSettings.DEFAULTS, 50, 0, params)).text();
    }

    @ParameterizedTest(name = "a run of {0} from the scripted replies is accepted")
    @MethodSource("topics")
    void a_run_from_the_scripted_replies_is_accepted_after_the_planned_retries(String topic) throws Exception {
        ReplyFolderAuthor author = new ReplyFolderAuthor("replies:sql-quiz", REPLIES, "topic");
        Workspace ws = new Workspace(temp.resolve(topic));

        OfflineRun.Result result = OfflineRun.run(pack, author, seedFor(topic), ws, new ShingleSimilarityIndex());

        assertThat(result.accepted()).as("attempts: %s", result.attempts()).isTrue();
        assertThat(result.gate()).isInstanceOf(GateDecision.Pass.class);
        assertThat(result.stageOutputs()).containsKey("review");
        Map<String, String> retried = Map.of("library-loans", "queries", "flight-bookings", "queries", "clinic-appointments", "database",
                "online-store-orders", "describe", "hotel-reservations", "queries", "bike-sharing-trips", "database");
        for (String stage : List.of("describe", "database", "queries")) {
            assertThat(result.attemptsOf(stage)).as("attempts of %s", stage).isEqualTo(stage.equals(retried.get(topic)) ? 2 : 1);
        }
        assertThat(ws.read("item.json").orElseThrow()).contains("\"difficulty\": \"" + pack.parameters(seedFor(topic)).get("difficulty") + "\"");
    }

    @Test
    void the_planned_first_attempt_failures_are_caught_with_findings_a_model_can_act_on() throws Exception {
        assertThat(firstFindings("library-loans", "queries"))
                .anySatisfy(f -> assertThat(f).extracting(Finding::code, Finding::location).containsExactly("EXPECTED_MISMATCH", "expected.csv:2"));
        assertThat(firstFindings("library-loans", "queries").getFirst().message())
                .contains("\"Ada Lovelace\",3").contains("\"Dmitri Volkov\",3");
        assertThat(firstFindings("flight-bookings", "queries")).extracting(Finding::code).containsExactly("NOT_DISCRIMINATING");
        assertThat(firstFindings("clinic-appointments", "database"))
                .singleElement().satisfies(f -> {
                    assertThat(f.code()).isEqualTo("SQL_ERROR");
                    assertThat(f.location()).isEqualTo("seed.sql:6");
                    assertThat(f.message()).contains("O'Brien");
                });
        assertThat(firstFindings("online-store-orders", "describe"))
                .singleElement().satisfies(f -> {
                    assertThat(f.code()).isEqualTo("JSON_SCHEMA");
                    assertThat(f.location()).isEqualTo("item.json#/difficulty");
                    assertThat(f.message()).contains("difficulty");
                });
        assertThat(firstFindings("hotel-reservations", "queries"))
                .singleElement().satisfies(f -> {
                    assertThat(f.code()).isEqualTo("JUDGE_SCORE");
                    assertThat(f.message()).contains("0.35").contains("rooms 103 and 202");
                });
        assertThat(firstFindings("bike-sharing-trips", "database")).extracting(Finding::code, Finding::location)
                .containsExactly(tuple("FORBIDDEN_PATTERN", "seed.sql:1"),
                        tuple("FORBIDDEN_PATTERN", "seed.sql:2"));
    }

    private List<Finding> firstFindings(String topic, String stage) throws Exception {
        OfflineRun.Result r = OfflineRun.run(pack, new ReplyFolderAuthor("replies", REPLIES, "topic"), seedFor(topic),
                new Workspace(temp.resolve(topic + "-" + stage)), new ShingleSimilarityIndex());
        OfflineRun.Attempt first = r.first(stage);
        assertThat(first.passed()).as("first attempt of %s/%s", topic, stage).isFalse();
        return first.findings().stream().filter(Finding::isError).toList();
    }

    @Test
    void the_same_item_a_second_time_is_rejected_as_a_duplicate() throws Exception {
        ShingleSimilarityIndex catalog = new ShingleSimilarityIndex();
        ReplyFolderAuthor author = new ReplyFolderAuthor("replies", REPLIES, "topic");
        Workspace first = new Workspace(temp.resolve("first"));
        OfflineRun.run(pack, author, seedFor("food-delivery"), first, catalog);
        catalog.add("sql-quiz", "sq-0001", pack.uniquenessText(first));

        OfflineRun.Result again = OfflineRun.run(pack, author, seedFor("food-delivery") + 10, new Workspace(temp.resolve("again")), catalog);

        assertThat(again.gate()).isInstanceOfSatisfying(GateDecision.Reject.class, r -> assertThat(r.findings())
                .singleElement().satisfies(f -> assertThat(f.message()).contains("sq-0001")));
    }

    @Test
    void broken_workspaces_get_the_right_findings() throws Exception {
        Map<String, Object> params = pack.parameters(seedFor("gym-class-attendance"));
        Workspace ws = assemble("gym-class-attendance", params, "describe", "database", "queries");
        long seedLines = ws.read("seed.sql").orElseThrow().lines().count();
        ws.write("expected.csv", ws.read("expected.csv").orElseThrow().replace("100", "99"));
        ws.write("wrong.sql", ws.read("reference.sql").orElseThrow());
        ws.write("seed.sql", ws.read("seed.sql").orElseThrow() + "\nATTACH DATABASE 'x.db' AS x;\n");
        ws.delete("schema.sql");

        assertThat(run("database", "plain-sql", ws)).extracting(Finding::code, Finding::location)
                .containsExactly(tuple("FORBIDDEN_PATTERN", "seed.sql:" + (seedLines + 2)));
        assertThat(run("database", "loads", ws)).extracting(Finding::code).containsExactly("MISSING_FILE");

        FileBlocks.parse(finalReply("gym-class-attendance", "database", params)).forEach(ws::write);
        assertThat(run("queries", "results", ws)).extracting(Finding::code, Finding::location).containsExactly(
                tuple("EXPECTED_MISMATCH", "expected.csv:2"),
                tuple("NOT_DISCRIMINATING", "wrong.sql"));

        ws.write("reference.sql", "SELECT title, nosuchcolumn FROM classes;\n");
        assertThat(run("queries", "results", ws)).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("SQL_ERROR");
            assertThat(f.location()).isEqualTo("reference.sql:1");
            assertThat(f.message()).contains("no such column: nosuchcolumn");
        });

        ws.write("reference.sql", "DELETE FROM classes;\n");
        assertThat(run("queries", "read-only", ws)).extracting(Finding::code).containsExactly("FORBIDDEN_PATTERN", "MISSING_PATTERN");

        ws.delete("item.json");
        assertThat(run("describe", "required_files", ws)).extracting(Finding::code).containsExactly("MISSING_FILE");
    }

    @Test
    void a_query_that_never_finishes_is_stopped_and_reported_as_a_timeout() throws Exception {
        Map<String, Object> params = pack.parameters(seedFor("library-loans"));
        Workspace ws = assemble("library-loans", params, "describe", "database", "queries");
        ws.write("wrong.sql", "WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r) SELECT count(*) FROM r;\n");
        // the pack's own script, with a shorter limit than the pack's 30 s so the test stays quick
        var check = new CommandCheck("results", List.of("sh", "{{pack_dir}}/checks/run_queries.sh"),
                Duration.ofSeconds(2), 256L << 20, PACK_DIR, ThisMachine.sandbox());

        CheckResult r = check.run(TestRuns.context("queries", ws));

        assertThat(r).isInstanceOf(CheckResult.Failed.class);
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("COMMAND_TIMEOUT");
            assertThat(f.message()).contains("timed out after 2s");
        });
    }

    private List<Finding> run(String stageName, String checkName, Workspace ws) throws Exception {
        Stage.AuthorStage stage = (Stage.AuthorStage) pack.pipeline().find(stageName).orElseThrow();
        Check check = stage.checks().stream().filter(c -> c.name().equals(checkName)).findFirst().orElseThrow();
        CheckResult r = check.run(TestRuns.context(stageName, ws));
        assertThat(r).as("%s: %s", checkName, r).isInstanceOf(CheckResult.Failed.class);
        return r.findings().stream().filter(Finding::isError).toList();
    }

    @Test
    void the_judge_grades_the_question_schema_and_reference_query_against_the_rubric() throws Exception {
        Workspace ws = assemble("music-streaming", pack.parameters(seedFor("music-streaming")), "describe", "database", "queries");
        JudgeCheck judge = (JudgeCheck) ((Stage.AuthorStage) pack.pipeline().find("queries").orElseThrow()).checks().stream()
                .filter(c -> c.name().equals("answerable")).findFirst().orElseThrow();
        List<String> asked = new ArrayList<>();

        CheckResult r = judge.run(TestRuns.context("queries", ws, Map.of("topic", "music streaming"), (purpose, system, prompt) -> {
            asked.add(purpose);
            asked.add(prompt);
            return "SCORE: 0.6\nFEEDBACK: the tie at third place is not mentioned";
        }));

        assertThat(asked.get(0)).isEqualTo("judge:answerable");
        assertThat(asked.get(1)).contains("benchmark item about music streaming").contains("<file path=\"schema.sql\">")
                .contains("<file path=\"reference.sql\">").doesNotContain("<file path=\"wrong.sql\">");
        assertThat(r).isInstanceOf(CheckResult.Failed.class);
        assertThat(r.findings().getFirst().message()).contains("0.60, below the threshold 0.70: the tie at third place is not mentioned");
    }

    @Test
    void summary_and_uniqueness_text_come_from_the_question_and_the_reference_query() throws Exception {
        Workspace ws = assemble("hotel-reservations", pack.parameters(seedFor("hotel-reservations")), "describe", "queries");

        assertThat(pack.summarize(ws).title()).isEqualTo("June nights booked per room");
        assertThat(pack.summarize(ws).description()).startsWith("How many nights was each room booked");
        assertThat(pack.uniquenessText(ws)).startsWith("How many nights").contains("LEFT JOIN reservations").doesNotContain("\"title\"");
    }

    @Test
    void the_offline_author_is_opened_lazily_and_a_missing_replies_folder_is_named() throws Exception {
        Path copy = temp.resolve("sql-quiz");
        Workspace.copyTree(PACK_DIR, copy);
        Workspace.deleteTree(copy.resolve("offline/replies"), true);

        YamlPack loaded = new YamlPackLoader(ThisMachine.sandbox()).load(copy);

        assertThatThrownBy(loaded::offlineAuthor).isInstanceOf(PackDefinitionException.class)
                .hasMessageContaining("replies folder 'offline/replies' does not exist")
                .hasMessageContaining("pack.yaml:");
    }

    @Test
    void the_definition_hash_changes_when_any_file_of_the_pack_changes() throws Exception {
        Path copy = temp.resolve("sql-quiz");
        Workspace.copyTree(PACK_DIR, copy);
        String before = new YamlPackLoader(ThisMachine.sandbox()).load(copy).definitionHash();

        Files.writeString(copy.resolve("checks/run_queries.sh"), "\n# a comment\n", StandardOpenOption.APPEND);

        assertThat(new YamlPackLoader(ThisMachine.sandbox()).load(copy).definitionHash()).isNotEqualTo(before).hasSize(64);
        assertThat(new YamlPackLoader(ThisMachine.sandbox()).load(PACK_DIR).definitionHash()).isEqualTo(pack.definitionHash());
    }
}
