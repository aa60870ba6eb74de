package dev.scenarist.packs.yaml;

import dev.scenarist.sandbox.testing.ThisMachine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.scenarist.core.author.AuthorRequest;
import dev.scenarist.core.author.ModelSettings;
import dev.scenarist.core.catalog.ShingleSimilarityIndex;
import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.model.Severity;
import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.FileFormat;
import dev.scenarist.core.pack.GateContext;
import dev.scenarist.core.pack.GateDecision;
import dev.scenarist.core.pack.OutputFile;
import dev.scenarist.core.pack.Stage;
import dev.scenarist.core.workspace.Workspace;
import dev.scenarist.packs.yaml.internal.checks.JudgeCheck;
import dev.scenarist.packs.yaml.internal.gates.HumanGate;
import dev.scenarist.packs.yaml.internal.gates.UniquenessGate;
import dev.scenarist.sandbox.Sandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loads src/test/resources/packs/everything, a pack that uses every field of the format. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class YamlPackLoaderTest {
    private static final Path DIR = Path.of("src/test/resources/packs/everything");
    private final YamlPack pack = new YamlPackLoader(ThisMachine.sandbox()).load(DIR);

    @TempDir
    Path temp;

    private Stage stage(String name) {
        return pack.pipeline().find(name).orElseThrow();
    }

    @Test
    void the_preflights_quick_read_finds_the_same_requirements_as_the_full_load() {
        var loader = new YamlPackLoader(ThisMachine.sandbox());
        for (Path dir : java.util.List.of(DIR, ExamplePackTest.PACK_DIR)) {
            var full = loader.load(dir).requirements();
            assertThat(full).as(dir.toString()).isNotEmpty();
            assertThat(loader.requirements(dir)).as(dir.toString()).usingRecursiveFieldByFieldElementComparator().isEqualTo(full);
        }
    }

    @Test
    void reads_name_description_and_context() {
        assertThat(pack.name()).isEqualTo("everything");
        assertThat(pack.description()).isEqualTo("Exercises every field of pack.yaml.");
        assertThat(pack.context()).isEqualTo("Shared rules for every prompt.\n");
        assertThat(pack.directory()).isEqualTo(DIR.toAbsolutePath().normalize());
    }

    @Test
    void reads_all_four_stage_kinds_in_order() {
        assertThat(pack.pipeline().names()).containsExactly("draft", "polish", "critique", "approve", "unique");
        assertThat(pack.pipeline().stages()).extracting(Stage::kind).containsExactly("author", "refine", "review", "gate", "gate");
    }

    @Test
    void reads_outputs_with_formats_from_the_field_or_the_extension() {
        Stage.AuthorStage draft = (Stage.AuthorStage) stage("draft");

        assertThat(draft.outputs()).containsExactly(
                new OutputFile("notes.json", FileFormat.JSON, true, "the notes"),
                new OutputFile("data.txt", FileFormat.TEXT, false, ""));
        assertThat(draft.instructions()).contains("{{topic}}").contains("{{rows}}");
    }

    @Test
    void reads_the_policy_into_model_settings_and_attempts() {
        Stage.AuthorStage draft = (Stage.AuthorStage) stage("draft");

        assertThat(draft.policy().editable()).containsExactly("notes.json", "data.txt#rows");
        assertThat(draft.policy().tools()).containsExactly("read");
        assertThat(draft.policy().maxAttempts()).isEqualTo(4);
        assertThat(draft.policy().model()).isEqualTo(new ModelSettings(Optional.of("small-model"), OptionalDouble.of(0.4),
                OptionalInt.of(2000), Duration.ofSeconds(90)));
        assertThat(((Stage.ReviewStage) stage("critique")).policy().model().model()).contains("critic-model");
    }

    @Test
    void a_stage_without_a_policy_gets_the_documented_defaults() {
        Stage.RefineStage polish = (Stage.RefineStage) stage("polish");

        assertThat(polish.policy().editable()).isEmpty();
        assertThat(polish.policy().maxAttempts()).isEqualTo(3);
        assertThat(polish.policy().model()).isEqualTo(ModelSettings.DEFAULTS);
    }

    @Test
    void gives_each_check_its_tier_and_name() {
        Stage.AuthorStage draft = (Stage.AuthorStage) stage("draft");

        assertThat(draft.checks()).extracting(Check::name, Check::tier).containsExactly(
                tuple("required_files", Check.TIER_INSTANT),
                tuple("json_schema", Check.TIER_PARSE),
                tuple("patterns", Check.TIER_PARSE),
                tuple("counts", Check.TIER_PROCESS));
    }

    @Test
    void a_refine_scorer_is_taken_out_of_the_checks_so_the_judge_is_asked_once() {
        Stage.RefineStage polish = (Stage.RefineStage) stage("polish");

        assertThat(polish.rounds()).isEqualTo(2);
        assertThat(polish.scorer()).isInstanceOfSatisfying(JudgeCheck.class, j -> assertThat(j.threshold()).isEqualTo(0.6));
        assertThat(polish.checks()).extracting(Check::name).containsExactly("required_files");
    }

    @Test
    void reads_gates_with_the_pack_threshold_and_the_human_question() {
        assertThat(((Stage.GateStage) stage("approve")).gate()).isEqualTo(new HumanGate("Is this note worth keeping?"));
        assertThat(((Stage.GateStage) stage("unique")).gate()).isEqualTo(new UniquenessGate(0.75));
        assertThat(pack.duplicateThreshold()).isEqualTo(0.75);
    }

    @Test
    void parameters_are_chosen_deterministically_from_the_seed() {
        assertThat(pack.parameters(0)).containsExactly(Map.entry("topic", "alpha"), Map.entry("rows", 3), Map.entry("language", "SQLite"));
        assertThat(pack.parameters(1)).containsEntry("topic", "beta").containsEntry("rows", 3);
        assertThat(pack.parameters(2)).containsEntry("topic", "alpha").containsEntry("rows", 4);
        assertThat(pack.parameters(5)).isEqualTo(pack.parameters(5)).isEqualTo(pack.parameters(11));
        assertThat(pack.parameters(-1)).containsKeys("topic", "rows", "language");
    }

    @Test
    void the_json_schema_and_pattern_checks_work_on_a_workspace() throws Exception {
        Stage.AuthorStage draft = (Stage.AuthorStage) stage("draft");
        Workspace ws = new Workspace(temp);
        ws.write("notes.json", "{\"title\": \"ab\"}");
        ws.write("data.txt", "row one\n\nlorem ipsum\n");

        CheckResult schema = draft.checks().get(1).run(TestRuns.context("draft", ws));
        CheckResult patterns = draft.checks().get(2).run(TestRuns.context("draft", ws));

        assertThat(schema.findings()).extracting(Finding::location).containsExactly("notes.json#/title");
        assertThat(patterns.findings()).extracting(Finding::location).containsExactly("data.txt:3", "data.txt:2");
    }

    @Test
    void a_command_check_reports_finding_lines_and_warnings_from_its_script() throws Exception {
        Check counts = ((Stage.AuthorStage) stage("draft")).checks().get(3);
        Workspace ws = new Workspace(temp);

        ws.write("data.txt", "one\n");
        CheckResult few = counts.run(TestRuns.context("draft", ws));
        ws.write("data.txt", "one\ntwo\nthree\n");
        CheckResult enough = counts.run(TestRuns.context("draft", ws));

        assertThat(few).isInstanceOf(CheckResult.Failed.class);
        assertThat(few.findings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("TOO_FEW_ROWS");
            assertThat(f.location()).isEqualTo("data.txt:1");
        });
        assertThat(enough).isInstanceOf(CheckResult.Passed.class);
        assertThat(enough.findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.location()).isEmpty();
        });
    }

    @Test
    void the_uniqueness_gate_uses_the_pack_text_and_threshold() throws Exception {
        Workspace ws = new Workspace(temp);
        ws.write("notes.json", "{\"title\": \"Why alpha beats beta\"}");
        ws.write("data.txt", "row 1\nrow 2\n");
        ShingleSimilarityIndex catalog = new ShingleSimilarityIndex();
        var gate = ((Stage.GateStage) stage("unique")).gate();
        var run = TestRuns.run("everything", Map.of());

        GateDecision fresh = gate.decide(new GateContext(run, ws, pack.uniquenessText(ws), catalog));
        catalog.add("everything", "ev-1", pack.uniquenessText(ws));
        GateDecision again = gate.decide(new GateContext(run, ws, pack.uniquenessText(ws), catalog));

        assertThat(pack.uniquenessText(ws)).isEqualTo("Why alpha beats beta\nrow 1\nrow 2");
        assertThat(fresh).isInstanceOf(GateDecision.Pass.class);
        assertThat(again).isInstanceOf(GateDecision.Reject.class);
    }

    @Test
    void the_summary_takes_the_title_from_its_pointer_and_has_no_description_when_none_is_configured() {
        Workspace ws = new Workspace(temp);
        ws.write("notes.json", "{\"title\": \"Why alpha beats beta\"}");

        assertThat(pack.summarize(ws).title()).isEqualTo("Why alpha beats beta");
        assertThat(pack.summarize(ws).description()).isEmpty();
        assertThat(pack.summarize(new Workspace(temp.resolve("empty"))).title()).isEqualTo("(untitled)");
    }

    @Test
    void the_offline_author_answers_from_the_replies_folder() throws Exception {
        var reply = pack.offlineAuthor().reply(new AuthorRequest("draft", "s", "p", ModelSettings.DEFAULTS, 1, 0, pack.parameters(0)));

        assertThat(pack.offlineAuthor().id()).isEqualTo("replies:everything");
        assertThat(reply.text()).contains("{\"title\": \"About alpha\"}");
        assertThat(pack.offlineAuthor()).isSameAs(pack.offlineAuthor());
    }

    @Test
    void a_pack_without_uniqueness_settings_compares_all_files_at_the_default_threshold(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("pack.yaml"), """
                name: tiny
                stages:
                  - {name: write, kind: author, instructions: Write a.txt., outputs: [{path: a.txt}]}
                """);
        YamlPack tiny = new YamlPackLoader(Sandbox.unconfined()).load(dir);
        Workspace ws = new Workspace(temp);
        ws.write("a.txt", "alpha");
        ws.write("b.txt", "beta");

        assertThat(tiny.duplicateThreshold()).isEqualTo(0.85);
        assertThat(tiny.uniquenessText(ws)).isEqualTo("alpha\nbeta");
        assertThat(tiny.parameters(3)).isEmpty();
        assertThat(catchThrowableOfType(PackDefinitionException.class, tiny::offlineAuthor).fix())
                .contains("offline_author");
    }
}
