package dev.scenarist.packs.appworld.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.CheckContext;
import dev.scenarist.core.pack.GateContext;
import dev.scenarist.core.pack.RunContext;
import dev.scenarist.core.pack.ScenarioAssembly;
import dev.scenarist.core.pack.Stage;
import dev.scenarist.core.pack.ValidationTarget;
import dev.scenarist.core.workspace.Workspace;
import dev.scenarist.packs.appworld.AppworldPack;
import dev.scenarist.packs.appworld.internal.pack.SectionFiles;
import dev.scenarist.packs.appworld.internal.uniqueness.UniquenessText;
import dev.scenarist.packs.appworld.scenario.Scenario;
import dev.scenarist.packs.appworld.scenario.ScenarioFiles;
import dev.scenarist.packs.appworld.scenario.ScenarioReader;
import dev.scenarist.packs.appworld.scenario.ScenarioWriter;
import dev.scenarist.packs.appworld.scenario.Section;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pack's own parts on the valid and broken example scenarios: section files, step checks, assembly, options. */
class AppworldPackTest {
    @TempDir
    Path tmp;

    private final AppworldPack pack = new AppworldPack(Clock.fixed(Instant.parse("2026-12-07T08:00:00Z"), ZoneOffset.UTC));
    private final RunContext run = new RunContext("run-1", "c-1", "appworld", 7, Map.of("family", "reply-to-invitation"));

    /** The pack's own example (the invitation reply, with its core apps). */
    private static Scenario example() throws Exception {
        return new ScenarioReader().read(Files.readString(Path.of("src/main/resources/dev/scenarist/packs/appworld/example-scenario.json")));
    }

    private Workspace workspaceOf(Scenario s) throws Exception {
        Workspace ws = new Workspace(Files.createDirectories(tmp.resolve("ws")));
        SectionFiles.split(s).forEach((section, text) -> ws.write(SectionFiles.file(section), text));
        return ws;
    }

    private CheckResult run(Stage stage, Workspace ws) throws InterruptedException {
        Check check = stage.checks().getFirst();
        return check.run(new CheckContext(run, stage.name(), ws, Map.of(), GateContext.NO_CRITIC));
    }

    private Stage stage(String name) {
        return pack.pipeline().stages().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void the_pipeline_is_pare_s_four_steps_with_the_uniqueness_gate_after_the_description_and_each_step_edits_only_its_file() {
        assertThat(pack.pipeline().stages()).extracting(Stage::name).containsExactly("description", "uniqueness", "apps", "events", "validation");
        for (Stage s : pack.pipeline().stages()) {
            if (s instanceof Stage.AuthorStage a) assertThat(a.policy().editable()).containsExactly(s.name() + ".json");
        }
    }

    @Test
    void a_valid_example_split_into_section_files_passes_every_step_and_assembles_into_the_same_document() throws Exception {
        Scenario s = example();
        Workspace ws = workspaceOf(s);
        for (String name : List.of("description", "apps", "events", "validation")) {
            CheckResult r = run(stage(name), ws);
            assertThat(r).as(name + ": " + r).isInstanceOf(CheckResult.Passed.class);
        }
        Path target = tmp.resolve("assembled");
        pack.assemble(new ScenarioAssembly("appworld-0001", run, ws, tmp.resolve("artifacts"), target));
        assertThat(Files.readString(target.resolve("scenario.json"))).isEqualTo(new ScenarioWriter().write(s));
        JsonNode meta = new ObjectMapper().readTree(target.resolve("metadata.json").toFile());
        assertThat(meta.get("scenario_id").asText()).isEqualTo("appworld-0001");
        assertThat(meta.get("class_name").asText()).isEqualTo(s.description().title());
        assertThat(meta.get("description").asText()).isEqualTo(s.description().narrative());
        assertThat(meta.get("family").asText()).isEqualTo("reply-to-invitation");
        assertThat(meta.get("timestamp").asText()).isEqualTo("2026-12-07T08:00:00Z");
        assertThat(meta.has("apps")).isTrue();
    }

    @Test
    void a_step_s_findings_name_the_section_file_and_json_path_to_change() throws Exception {
        Scenario broken = ScenarioFiles.read("broken", "UNKNOWN_TOOL__made-up-tool");
        CheckResult r = run(stage("events"), workspaceOf(broken));
        assertThat(r).isInstanceOf(CheckResult.Failed.class);
        Finding f = ((CheckResult.Failed) r).findings().stream().filter(x -> x.code().equals("UNKNOWN_TOOL")).findFirst().orElseThrow();
        assertThat(f.location()).startsWith("events.json $.events[");
        assertThat(f.hint()).isNotBlank();
    }

    @Test
    void discriminative_validation_is_the_validation_step_s_check() throws Exception {
        Scenario weak = ScenarioFiles.read("broken", "NOOP_PASSES_VALIDATION__only-keep-others");
        CheckResult r = run(stage("validation"), workspaceOf(weak));
        assertThat(r).isInstanceOf(CheckResult.Failed.class);
        assertThat(((CheckResult.Failed) r).findings()).anyMatch(f -> f.code().equals("NOOP_PASSES_VALIDATION") && f.location().startsWith("validation.json"));
    }

    @Test
    void a_field_of_another_section_in_a_step_s_file_is_refused_naming_where_it_belongs() throws Exception {
        Workspace ws = workspaceOf(ScenarioFiles.read("valid", "invitation-reply"));
        ws.write("apps.json", "{\"apps\": {}, \"events\": []}");
        CheckResult r = run(stage("apps"), ws);
        assertThat(r).isInstanceOf(CheckResult.Failed.class);
        Finding f = ((CheckResult.Failed) r).findings().getFirst();
        assertThat(f.code()).isEqualTo("FIELD_OUTSIDE_SECTION");
        assertThat(f.hint()).contains("events.json");
    }

    @Test
    void a_step_s_file_that_is_not_json_is_a_finding_with_its_line() throws Exception {
        Workspace ws = workspaceOf(ScenarioFiles.read("valid", "invitation-reply"));
        ws.write("description.json", "{\n  \"id\": \"x\",\n  oops\n}");
        CheckResult r = run(stage("description"), ws);
        Finding f = ((CheckResult.Failed) r).findings().getFirst();
        assertThat(f.code()).isEqualTo("SECTION_NOT_JSON");
        assertThat(f.location()).isEqualTo("description.json:3");
    }

    @Test
    void the_uniqueness_text_is_title_and_narrative_grouped_by_core_apps() throws Exception {
        Scenario s = example();
        Workspace ws = workspaceOf(s);
        String text = pack.uniquenessText(ws);
        assertThat(text).contains(s.description().title()).contains(s.description().narrative());
        assertThat(UniquenessText.GROUP_KEY.groupOf(text)).isEqualTo("CalendarApp EmailClientApp");
        assertThat(pack.uniquenessPolicy().groupKey().groupOf(text)).isEqualTo("CalendarApp EmailClientApp");
        assertThat(pack.summarize(ws).title()).isEqualTo(s.description().title());
        assertThat(pack.uniquenessPolicy().rules().sameGroupOnly()).as("compared only with scenarios of the same core apps").isTrue();
    }

    @Test
    void validate_on_a_document_runs_every_step_and_on_a_folder_every_stage_s_checks() {
        assertThat(pack.validationChecks(ValidationTarget.of(Optional.of("scenario.json")))).containsOnlyKeys("scenario");
        assertThat(pack.validationChecks(ValidationTarget.of(Optional.empty()))).containsKeys("description", "apps", "events", "validation");
        assertThat(pack.validationChecks(ValidationTarget.of(Optional.of("events.json")))).containsKeys("events");
    }

    @Test
    void an_unknown_option_or_family_is_refused_naming_the_fix() {
        assertThatThrownBy(() -> pack.parameters(1, Map.of("tier", "2"))).hasMessageContaining("--family");
        assertThatThrownBy(() -> pack.parameters(1, Map.of("family", "nope"))).hasMessageContaining("nope").hasMessageContaining("use one of");
    }
}
