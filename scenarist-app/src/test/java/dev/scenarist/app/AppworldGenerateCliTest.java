package dev.scenarist.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scenarist.core.catalog.LexicalIndex;
import dev.scenarist.core.catalog.LexicalScores;
import dev.scenarist.core.model.Json;
import dev.scenarist.models.testing.FakeProviderServer;
import dev.scenarist.models.testing.FakeProviderServer.Scripted;
import dev.scenarist.packs.appworld.play.PlayOptions;
import dev.scenarist.packs.appworld.play.Verdict;
import dev.scenarist.packs.appworld.scenario.Scenario;
import dev.scenarist.packs.appworld.scenario.ScenarioReader;
import dev.scenarist.packs.appworld.scenario.check.Discrimination;
import dev.scenarist.packs.appworld.scenario.check.ScenarioChecks;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The appworld pack as a user runs it: offline generation of 50 phone scenarios that are all valid, discriminative
 * and unique; a model author whose non-discriminative validation is fed back and repaired; a run resumed after its
 * provider failed, and one re-run from a stage.
 */
class AppworldGenerateCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void offline_generation_accepts_fifty_scenarios_that_the_oracle_passes_and_a_do_nothing_agent_fails() throws Exception {
        Path data = tmp.resolve("data");
        var gen = CliRun.in(data, "--json", "generate", "--pack", "appworld", "--count", "50");
        assertThat(gen.code()).as(gen.err()).isZero();
        List<?> scenarios = (List<?>) gen.json().get("scenarios");
        assertThat(scenarios).hasSize(50);

        ScenarioChecks checks = new ScenarioChecks(PlayOptions.DEFAULTS);
        Map<String, List<String>> textsByApps = new HashMap<>();
        Set<String> families = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (Object o : scenarios) {
            Path dir = Path.of((String) ((Map<?, ?>) o).get("path"));
            Scenario s = new ScenarioReader().read(Files.readString(dir.resolve("scenario.json")));
            assertThat(ids.add(s.id())).as("scenario ids are distinct: " + s.id()).isTrue();
            Discrimination d = checks.discriminate(s);
            assertThat(d.oracle()).as(dir + ": the oracle passes").isInstanceOf(Verdict.Passed.class);
            assertThat(d.noop()).as(dir + ": the do-nothing agent fails").isInstanceOf(Verdict.Failed.class);
            assertThat(d.wrong()).as(dir + ": wrong agents fail").isNotEmpty().allMatch(w -> w.verdict() instanceof Verdict.Failed);

            JsonNode meta = JSON.readTree(dir.resolve("metadata.json").toFile());
            assertThat(meta.get("scenario_id").asText()).isEqualTo(((Map<?, ?>) o).get("id"));
            assertThat(meta.get("class_name").asText()).isEqualTo(s.description().title());
            assertThat(meta.get("description").asText()).isEqualTo(s.description().narrative());
            assertThat(meta.get("timestamp").asText()).isNotBlank();
            List<String> apps = new ArrayList<>();
            meta.get("apps").forEach(a -> apps.add(a.asText()));
            assertThat(apps).containsExactlyInAnyOrderElementsOf(s.description().coreApps());
            families.add(meta.get("family").asText());
            textsByApps.computeIfAbsent(String.join(" ", new java.util.TreeSet<>(apps)), k -> new ArrayList<>())
                    .add(s.id() + "\n" + s.description().title() + "\n" + s.description().narrative());
            assertThat(dir.resolve("description.json")).exists();
        }
        assertThat(families).as("every family of the offline author").hasSizeGreaterThanOrEqualTo(12);
        // unique among themselves, as the gate compares them: within a core-app group, every pair below PARE's thresholds
        for (List<String> group : textsByApps.values()) {
            for (int i = 0; i < group.size(); i++) {
                for (int j = i + 1; j < group.size(); j++) {
                    String a = group.get(i).substring(group.get(i).indexOf('\n') + 1);
                    String b = group.get(j).substring(group.get(j).indexOf('\n') + 1);
                    LexicalScores sc = LexicalIndex.scores(a, b);
                    assertThat(sc.sequenceRatio() < 0.8 && sc.shingleJaccard() < 0.8 && sc.tokenCosine() < 0.93)
                            .as(group.get(i) + "\nvs\n" + group.get(j) + "\n" + sc).isTrue();
                }
            }
        }

        // and validate agrees on a whole document
        Path first = Path.of((String) ((Map<?, ?>) scenarios.getFirst()).get("path"));
        var valid = CliRun.in(data, "validate", "--pack", "appworld", first.resolve("scenario.json").toString());
        assertThat(valid.code()).as(valid.out() + valid.err()).isZero();
    }

    @Test
    void a_family_or_option_the_pack_does_not_have_is_refused_before_the_data_folder_is_made() {
        Path data = tmp.resolve("fresh");
        var family = CliRun.in(data, "generate", "--pack", "appworld", "--family", "reply-to-invitatoin", "--count", "1");
        assertThat(family.code()).isEqualTo(2);
        assertThat(family.err()).contains("'reply-to-invitatoin' is not a family").contains("reply-to-invitation");
        var tier = CliRun.in(data, "generate", "--pack", "appworld", "--option", "tier=2", "--count", "1");
        assertThat(tier.code()).isEqualTo(2);
        assertThat(tier.err()).contains("no option 'tier'").contains("--family");
        assertThat(data).as("nothing written").doesNotExist();
        var one = CliRun.in(data, "--json", "generate", "--pack", "appworld", "--family", "ride-diversion", "--count", "2");
        assertThat(one.code()).as(one.err()).isZero();
        for (Object o : (List<?>) one.json().get("scenarios")) {
            assertThat(Path.of((String) ((Map<?, ?>) o).get("path")).resolve("metadata.json")).content().contains("\"family\" : \"ride-diversion\"");
        }
    }

    @Test
    void validate_names_the_file_path_and_fix_of_a_broken_document() throws Exception {
        Path data = tmp.resolve("data");
        ObjectNode doc = example();
        ((ObjectNode) doc.get("events").get(0).get("trigger")).put("tool", "EmailClientApp__send_email_to_everyone");
        Path file = Files.createDirectories(tmp.resolve("mine")).resolve("scenario.json");
        Files.writeString(file, doc.toPrettyString());
        var r = CliRun.in(data, "validate", "--pack", "appworld", file.toString());
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out() + r.err()).contains("UNKNOWN_TOOL").contains("scenario.json $.events[0]");
    }

    /** The four section files of the pack's example, as a model would write them. */
    private static Map<String, String> sections(ObjectNode doc) {
        Map<String, String> out = new HashMap<>();
        ObjectNode description = doc.deepCopy();
        for (String f : List.of("apps", "events", "validation")) description.remove(f);
        out.put("description", description.toPrettyString());
        for (String f : List.of("apps", "events", "validation")) {
            ObjectNode part = JSON.createObjectNode();
            part.set(f, doc.get(f));
            out.put(f, part.toPrettyString());
        }
        return out;
    }

    private static Scripted fileReply(String name, String content) {
        return FakeProviderServer.openAiReply("<file path=\"" + name + ".json\">\n" + content + "\n</file>");
    }

    private static ObjectNode example() throws IOException {
        try (InputStream in = AppworldGenerateCliTest.class.getResourceAsStream("/dev/scenarist/packs/appworld/example-scenario.json")) {
            return (ObjectNode) JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void a_model_s_validation_that_a_do_nothing_agent_passes_is_fed_back_and_repaired() throws Exception {
        Map<String, String> s = sections(example());
        ObjectNode weak = JSON.createObjectNode();
        // only "the standup is still there": true whatever the agent does
        weak.putObject("validation").putArray("goals").addObject().put("id", "standup_kept")
                .put("rationale", "Sam's standup stays.").putArray("predicates").add("'ev1' in apps.CalendarApp.events");
        try (var server = FakeProviderServer.start()) {
            server.enqueue(fileReply("description", s.get("description")), fileReply("apps", s.get("apps")), fileReply("events", s.get("events")),
                    fileReply("validation", weak.toPrettyString()), fileReply("validation", s.get("validation")));
            var env = Map.of("OPENAI_BASE_URL", server.uri("/v1").toString(), "OPENAI_API_KEY", "sk-test-appworld-000000000");
            var gen = CliRun.in(tmp.resolve("data"), env, "--json", "generate", "--pack", "appworld", "--count", "1", "--author", "openai:gpt-4.1");
            assertThat(gen.code()).as(gen.out() + gen.err()).isZero();
            assertThat((List<?>) gen.json().get("scenarios")).hasSize(1);
            var requests = server.requests();
            assertThat(requests).hasSize(5);
            String repair = requests.get(4).body();
            assertThat(repair).as("the second validation attempt is told why the first failed").contains("NOOP_PASSES_VALIDATION").contains("validation.json");
            assertThat(requests.get(0).body()).as("the pack context lists the agent tools").contains("CalendarApp__add_calendar_event");
        }
    }

    @Test
    void a_run_whose_provider_failed_at_validation_resumes_there_and_can_be_rerun_from_the_events_step() throws Exception {
        Map<String, String> s = sections(example());
        Path data = tmp.resolve("data");
        try (var server = FakeProviderServer.start()) {
            server.enqueue(fileReply("description", s.get("description")), fileReply("apps", s.get("apps")), fileReply("events", s.get("events")),
                    Scripted.json(401, "{\"error\": {\"message\": \"bad key\"}}"));
            var env = Map.of("OPENAI_BASE_URL", server.uri("/v1").toString(), "OPENAI_API_KEY", "sk-test-appworld-000000000");
            var gen = CliRun.in(data, env, "--json", "generate", "--pack", "appworld", "--count", "1", "--author", "openai:gpt-4.1", "--max-runs", "1");
            assertThat(gen.code()).as(gen.out() + gen.err()).isEqualTo(1);
            Map<?, ?> run = (Map<?, ?>) ((List<?>) CliRun.in(data, "--json", "runs").json().get("runs")).getFirst();
            String runId = (String) run.get("run_id");
            assertThat(run.get("state")).isEqualTo("failed_infra");

            server.enqueue(fileReply("validation", s.get("validation")));
            int before = server.requests().size();
            var resumed = CliRun.in(data, env, "--json", "resume", runId);
            assertThat(resumed.code()).as(resumed.out() + resumed.err()).isZero();
            assertThat(server.requests().size() - before).as("only the validation step is asked again").isEqualTo(1);
            assertThat(server.requests().getLast().body()).contains("Step 4 of 4");
        }
        try (var runs = Files.list(data.resolve("runs"))) {
            assertThat(runs.findFirst().orElseThrow().resolve("steps.jsonl")).as("PARE's per-run step log").exists();
        }

        // another data folder, the same failure; this time the person re-runs the flow from the events step
        Path other = tmp.resolve("other");
        try (var server = FakeProviderServer.start()) {
            server.enqueue(fileReply("description", s.get("description")), fileReply("apps", s.get("apps")), fileReply("events", s.get("events")),
                    Scripted.json(401, "{\"error\": {\"message\": \"bad key\"}}"));
            var env = Map.of("OPENAI_BASE_URL", server.uri("/v1").toString(), "OPENAI_API_KEY", "sk-test-appworld-000000000");
            assertThat(CliRun.in(other, env, "generate", "--pack", "appworld", "--count", "1", "--author", "openai:gpt-4.1", "--max-runs", "1").code()).isEqualTo(1);
            String runId = (String) ((Map<?, ?>) ((List<?>) CliRun.in(other, "--json", "runs").json().get("runs")).getFirst()).get("run_id");
            server.enqueue(fileReply("events", s.get("events")), fileReply("validation", s.get("validation")));
            int before = server.requests().size();
            var rerun = CliRun.in(other, env, "--json", "resume", runId, "--from-stage", "events");
            assertThat(rerun.code()).as(rerun.out() + rerun.err()).isZero();
            List<String> asked = server.requests().subList(before, server.requests().size()).stream()
                    .map(r -> r.body().contains("Step 3 of 4") ? "events" : r.body().contains("Step 4 of 4") ? "validation" : "other").toList();
            assertThat(asked).as("events and validation again; description and apps reused from disk").containsExactly("events", "validation");
        }
    }
}
