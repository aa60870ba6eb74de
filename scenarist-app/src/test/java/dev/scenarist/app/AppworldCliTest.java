package dev.scenarist.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scenarist.core.model.RunState;
import dev.scenarist.core.store.CampaignRecord;
import dev.scenarist.core.store.CampaignStatus;
import dev.scenarist.core.store.CatalogEntry;
import dev.scenarist.core.store.RunRecord;
import dev.scenarist.models.testing.FakeProviderServer;
import dev.scenarist.models.testing.FakeProviderServer.Call;
import dev.scenarist.store.sql.SqlStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The appworld commands as a user meets them: play, bench and ledger, in-process, on the pack's example scenarios. */
class AppworldCliTest {
    static final Path VALID = Path.of(System.getProperty("user.dir")).resolve("../packs/appworld/src/test/resources/scenarios/valid").normalize();
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    CliRun cli(String... args) {
        return CliRun.in(tmp.resolve("data"), args);
    }

    static Path example(String name) {
        return VALID.resolve(name + ".json");
    }

    // --- play ---

    @Test
    void theOracleAgentPassesAValidScenario() {
        var r = cli("appworld", "play", example("invitation-reply").toString(), "--agent", "oracle");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("PASS  invitation-reply — Accept a dinner invitation by email")
                .contains("goals (3 of 3 met):")
                .containsPattern("met\\s+dinner_in_calendar\\s+The dinner must be in Sam's calendar")
                .contains("agent  AgentUserInterface__send_message_to_user {\"content\":\"Lisa invites you")
                .contains("user   AgentUserInterface__accept_proposal")
                .contains("agent  CalendarApp__add_calendar_event")
                .contains("agent  EmailClientApp__reply_to_email");
        assertThat(r.out()).as("env triggers are not agent or user calls").doesNotContain("send_email_to_user_only");
    }

    @Test
    void theNoopAgentFailsAndTheMissedGoalsAreNamedWithTheirRationale() {
        var r = cli("appworld", "play", example("invitation-reply").toString(), "--agent", "noop");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).startsWith("FAIL  invitation-reply").contains("goals (0 of 3 met):")
                .containsPattern("missed\\s+dinner_in_calendar\\s+The dinner must be in Sam's calendar")
                .containsPattern("missed\\s+lisa_answered\\s+Lisa must get an answer")
                .contains("action log (0 agent and user tool calls):");
    }

    @Test
    void underJsonThePlayIsOneDocumentWithVerdictGoalsAndLog() {
        var r = cli("appworld", "play", example("cancelled-meeting-reminder").toString(), "--agent", "noop", "--json");

        assertThat(r.code()).isEqualTo(1);
        Map<?, ?> doc = r.json();
        assertThat(doc.get("verdict")).isEqualTo("fail");
        assertThat(doc.get("scenario_id")).isEqualTo("cancelled-meeting-reminder");
        assertThat(doc.get("agent")).isEqualTo("noop");
        assertThat(doc.get("ending")).isEqualTo("quiet");
        List<Object> goals = list(doc.get("goals"));
        assertThat(goals).hasSize(3);
        assertThat(map(goals.get(0))).containsEntry("id", "slides_reminder_gone").containsEntry("met", false)
                .containsEntry("rationale", "The reminder for the cancelled review must be gone.");
        assertThat(map(goals.get(1))).containsEntry("id", "other_reminders_kept").containsEntry("met", true);
        assertThat((List<?>) doc.get("log")).isEmpty();
        assertThat(r.err()).startsWith("FAIL  cancelled-meeting-reminder");
    }

    @Test
    void aPredicateThatCannotBeEvaluatedIsNotJudgedExit1AndNeverAPass() throws Exception {
        ObjectNode doc = (ObjectNode) JSON.readTree(example("invitation-reply").toFile());
        ObjectNode goal = (ObjectNode) doc.path("validation").path("goals").get(0);
        goal.set("predicates", JSON.valueToTree(List.of("apps.NoSuchApp.events.size() > 0")));
        Path file = tmp.resolve("scenario.json");
        Files.writeString(file, JSON.writeValueAsString(doc));

        var r = cli("appworld", "play", file.toString(), "--agent", "oracle");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).startsWith("NOT JUDGED  invitation-reply").contains("not judged, so not a pass: goal dinner_in_calendar")
                .contains("goals (not judged):").doesNotContain("PASS");
        var json = cli("appworld", "play", file.toString(), "--agent", "oracle", "--json");
        assertThat(json.code()).isEqualTo(1);
        assertThat(json.json().get("verdict")).isEqualTo("not_judged");
        assertThat((String) json.json().get("reason")).contains("dinner_in_calendar");
    }

    @Test
    void aModelAgentPlaysThroughToolCallsAndPasses() throws Exception {
        String key = "sk-test-APPWORLDPLAY0123456789";
        try (var server = FakeProviderServer.start()) {
            server.enqueue(
                    // turn 1: Lisa's email arrived; propose, then wait for the answer
                    FakeProviderServer.openAiReply("", new Call("c1", "AgentUserInterface__send_message_to_user",
                                    "{\"content\": \"Lisa invites you to dinner at Luigi's on Saturday 19:00-21:00. Add it and tell her you come?\"}"),
                            new Call("c2", "AgentUserInterface__wait", "{}")),
                    // turn 2: Sam accepted; do what was proposed, then wait
                    FakeProviderServer.openAiReply("", new Call("c3", "CalendarApp__add_calendar_event",
                                    "{\"title\": \"Dinner with Lisa\", \"start_datetime\": \"2024-10-19 19:00:00\", \"end_datetime\": \"2024-10-19 21:00:00\","
                                            + " \"location\": \"Luigi's\", \"attendees\": [\"Lisa Park\"]}"),
                            new Call("c4", "EmailClientApp__reply_to_email", "{\"email_id\": \"email_1\", \"content\": \"Count me in! Sam\"}"),
                            new Call("c5", "AgentUserInterface__wait", "{}")));
            server.otherwise(FakeProviderServer.openAiReply("Nothing more to do."));
            var env = Map.of("OPENAI_BASE_URL", server.uri("/v1").toString(), "OPENAI_API_KEY", key);

            var r = CliRun.in(tmp.resolve("data"), env, "appworld", "play", example("invitation-reply").toString(), "--agent", "openai:gpt-4.1");

            assertThat(r.code()).as(r.out() + r.err()).isZero();
            assertThat(r.out()).startsWith("PASS  invitation-reply").contains("agent openai:gpt-4.1, user scripted")
                    .contains("goals (3 of 3 met):").contains("model usage:");
            assertThat(r.out()).containsSubsequence("agent  AgentUserInterface__send_message_to_user", "user   AgentUserInterface__accept_proposal",
                    "agent  CalendarApp__add_calendar_event", "agent  EmailClientApp__reply_to_email");
            assertThat(server.requests()).hasSizeGreaterThanOrEqualTo(2);
            assertThat(server.requests().getFirst().toolNames()).contains("AgentUserInterface__send_message_to_user", "CalendarApp__add_calendar_event");
            assertThat(server.requests().get(1).json().path("messages").toString()).contains("User accepted the proposal");
            assertThat(r.out() + r.err()).doesNotContain(key);
        }
    }

    @Test
    void aModelAgentWithoutItsKeyIsAConfigurationErrorNamingTheVariable() {
        var r = cli("appworld", "play", example("invitation-reply").toString(), "--agent", "openai:gpt-4.1");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("no API key for --agent openai:gpt-4.1: set $OPENAI_API_KEY");
    }

    @Test
    void aBadScenarioFileIsExit2NamingTheFileTheJsonPathAndTheFix() throws Exception {
        ObjectNode doc = (ObjectNode) JSON.readTree(example("invitation-reply").toFile());
        ObjectNode first = (ObjectNode) doc.path("events").get(0);
        first.set("delay", first.remove("delay_seconds"));
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, JSON.writeValueAsString(doc));

        var r = cli("appworld", "play", bad.toString(), "--agent", "oracle");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(bad.toString()).contains("$.events[0].delay").contains("delay_seconds");
        assertThat(r.out()).isEmpty();

        Files.writeString(bad, "{\"id\": ");
        var notJson = cli("appworld", "play", bad.toString(), "--agent", "oracle");
        assertThat(notJson.code()).isEqualTo(2);
        assertThat(notJson.err()).contains(bad.toString()).contains("$: not valid JSON").contains("fix: write one JSON object");

        var missing = cli("appworld", "play", tmp.resolve("nope.json").toString(), "--agent", "oracle");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("no scenario at " + tmp.resolve("nope.json")).contains("give a scenario.json file");
    }

    @Test
    void anUnknownAgentIsExit2NamingTheChoices() {
        var r = cli("appworld", "play", example("invitation-reply").toString(), "--agent", "robot");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unknown agent 'robot'").contains("'oracle'").contains("'noop'").contains("provider:model");

        var badProvider = cli("appworld", "play", example("invitation-reply").toString(), "--agent", "acme:gpt");
        assertThat(badProvider.code()).isEqualTo(2);
        assertThat(badProvider.err()).contains("unknown model provider 'acme'");
    }

    @Test
    void aWorkspaceOfFourSectionFilesIsPlayedAsOneScenario() throws Exception {
        Path ws = sections(tmp.resolve("ws"), "invitation-reply");

        var r = cli("appworld", "play", ws.toString(), "--agent", "oracle");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("PASS  invitation-reply");

        Files.delete(ws.resolve("validation.json"));
        var partial = cli("appworld", "play", ws.toString(), "--agent", "oracle");
        assertThat(partial.code()).isEqualTo(2);
        assertThat(partial.err()).contains("holds section files but not validation.json");
    }

    @Test
    void thePersonaUserNeedsAModel() {
        var r = cli("appworld", "play", example("invitation-reply").toString(), "--agent", "oracle", "--user", "persona");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--user persona needs a model").contains("--user-model");
    }

    // --- bench ---

    /** Three accepted scenario folders: two of family famA, one of famB. */
    Path benchFolder() throws Exception {
        Path dir = tmp.resolve("bench");
        accepted(dir.resolve("one"), "invitation-reply", "famA");
        accepted(dir.resolve("two"), "cancelled-meeting-reminder", "famA");
        accepted(dir.resolve("three"), "rejected-move-reply", "famB");
        return dir;
    }

    @Test
    void benchWithTheOracleIsAHundredPercentPerFamilyAndWithNoopZero() throws Exception {
        Path dir = benchFolder();

        var oracle = cli("appworld", "bench", "--agent", "oracle", "--dir", dir.toString());
        assertThat(oracle.code()).as(oracle.err()).isZero();
        assertThat(oracle.out()).containsPattern("famA\\s+2\\s+2\\s+0\\s+0\\s+100\\.0%").containsPattern("famB\\s+1\\s+1\\s+0\\s+0\\s+100\\.0%")
                .containsPattern("overall\\s+3\\s+3\\s+0\\s+0\\s+100\\.0%");
        assertThat(oracle.err()).contains("[3/3] PASS");

        var noop = cli("--json", "appworld", "bench", "--agent", "noop", "--dir", dir.toString());
        assertThat(noop.code()).as(noop.err()).isZero();
        Map<?, ?> doc = noop.json();
        assertThat(list(doc.get("families"))).extracting(f -> map(f).get("family")).containsExactly("famA", "famB");
        assertThat(list(doc.get("families"))).allSatisfy(f -> assertThat(map(f).get("success_rate")).isEqualTo(0.0));
        assertThat(map(doc.get("overall"))).containsEntry("scenarios", 3).containsEntry("passed", 0).containsEntry("failed", 3);
        assertThat(list(doc.get("scenarios"))).hasSize(3).allSatisfy(s -> assertThat(map(s).get("verdict")).isEqualTo("fail"));
        assertThat(noop.err()).containsPattern("famA\\s+2\\s+0\\s+2\\s+0\\s+0\\.0%");
    }

    @Test
    void benchRefusesAnEmptyFolderAndAnUnreadableScenarioBeforePlayingAny() throws Exception {
        Files.createDirectories(tmp.resolve("empty"));
        var empty = cli("appworld", "bench", "--agent", "oracle", "--dir", tmp.resolve("empty").toString());
        assertThat(empty.code()).isEqualTo(2);
        assertThat(empty.err()).contains("no scenarios under");

        Path dir = benchFolder();
        Files.writeString(dir.resolve("two/scenario.json"), "{\"id\": \"x\"}");
        var bad = cli("appworld", "bench", "--agent", "oracle", "--dir", dir.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("1 of 3 scenarios cannot be read").contains(dir.resolve("two/scenario.json").toString());
        assertThat(bad.err()).doesNotContain("[1/3]");

        var neither = cli("appworld", "bench", "--agent", "oracle");
        assertThat(neither.code()).isEqualTo(2);
        assertThat(neither.err()).contains("--campaign").contains("--dir");
    }

    // --- the campaign path: accepted scenarios in the catalog, as the pack's pipeline will leave them ---

    /** A campaign of the three scenarios above, accepted in the data folder's store (the appworld pack is not wired yet). */
    String campaignOfThree() throws Exception {
        Path data = tmp.resolve("data");
        Files.createDirectories(data);
        String campaign = "c-appworld";
        Instant t0 = Instant.parse("2025-01-01T00:00:00Z");
        try (var store = SqlStore.sqlite(data.resolve("scenarist.db"))) {
            store.campaigns().create(new CampaignRecord(campaign, "appworld", 3, CampaignStatus.RUNNING, "", "fp", "{\"pack\":\"appworld\",\"count\":3}",
                    t0, t0, 0));
            String[][] all = {{"invitation-reply", "famA"}, {"cancelled-meeting-reminder", "famA"}, {"rejected-move-reply", "famB"}};
            for (int i = 0; i < all.length; i++) {
                String id = all[i][0];
                accepted(data.resolve("staging/appworld").resolve(id), id, all[i][1]);
                RunRecord queued = RunRecord.queued("run-" + i, campaign, "appworld", i + 1, i, Map.of(), t0);
                store.runs().create(queued);
                RunRecord running = queued.moveTo(RunState.RUNNING, Optional.empty(), "", t0);
                store.runs().update(running);
                var entry = new CatalogEntry(id, "appworld", campaign, running.id(), id, "hash-" + i, id, "staging/appworld/" + id, "staging",
                        t0.plusSeconds(i));
                store.catalog().accept(entry, running.moveTo(RunState.ACCEPTED, Optional.empty(), "accepted", t0), 3);
            }
        }
        return campaign;
    }

    @Test
    void benchOverACampaignPlaysItsAcceptedScenarios() throws Exception {
        String campaign = campaignOfThree();

        var r = cli("appworld", "bench", "--agent", "oracle", "--campaign", campaign);

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("famA\\s+2\\s+2\\s+0\\s+0\\s+100\\.0%").containsPattern("overall\\s+3\\s+3\\s+0\\s+0\\s+100\\.0%");

        var unknown = cli("appworld", "bench", "--agent", "oracle", "--campaign", "c-appworlx");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("no campaign c-appworlx; did you mean 'c-appworld'?");
    }

    @Test
    void theLedgerListsTheAcceptedScenariosMetadataAndIsWrittenAtomicallyWithOut() throws Exception {
        String campaign = campaignOfThree();

        var r = cli("appworld", "ledger", "--campaign", campaign);
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode ledger = JSON.readTree(r.out());
        assertThat(ledger.isArray()).isTrue();
        assertThat(ledger).hasSize(3);
        JsonNode first = ledger.get(0);
        List<String> keys = new java.util.ArrayList<>();
        for (Iterator<String> it = first.fieldNames(); it.hasNext(); ) keys.add(it.next());
        assertThat(keys).containsExactly("scenario_id", "class_name", "description", "apps", "timestamp", "title", "family");
        assertThat(first.path("scenario_id").asText()).isEqualTo("invitation-reply");
        assertThat(first.path("class_name").asText()).isEqualTo("Accept a dinner invitation by email");
        assertThat(first.path("family").asText()).isEqualTo("famA");
        assertThat(first.path("apps").toString()).contains("EmailClientApp");

        Path out = tmp.resolve("out/ledger.json");
        var written = cli("--json", "appworld", "ledger", "--campaign", campaign, "--out", out.toString());
        assertThat(written.code()).as(written.err()).isZero();
        assertThat(JSON.readTree(out.toFile())).isEqualTo(ledger);
        assertThat(map(written.json())).containsEntry("count", 3).containsEntry("path", out.toAbsolutePath().toString());
        try (var files = Files.list(out.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temporary file left behind").containsExactly("ledger.json");
        }
    }

    // --- fixtures ---

    /** An accepted scenario folder: scenario.json and metadata.json with its family. */
    static void accepted(Path dir, String example, String family) throws Exception {
        Files.createDirectories(dir);
        JsonNode doc = JSON.readTree(example(example).toFile());
        Files.copy(example(example), dir.resolve("scenario.json"));
        ObjectNode meta = JSON.createObjectNode();
        meta.put("scenario_id", doc.path("id").asText());
        meta.put("class_name", doc.path("title").asText());
        meta.put("title", doc.path("title").asText());
        meta.put("description", doc.path("description").asText());
        meta.set("apps", JSON.valueToTree(List.copyOf(iterable(doc.path("apps").fieldNames()))));
        meta.put("family", family);
        meta.put("timestamp", "2025-01-01T00:00:00Z");
        Files.writeString(dir.resolve("metadata.json"), JSON.writeValueAsString(meta));
    }

    /** A run's workspace: the example split into its four section files. */
    static Path sections(Path dir, String example) throws Exception {
        Files.createDirectories(dir);
        ObjectNode doc = (ObjectNode) JSON.readTree(example(example).toFile());
        ObjectNode description = doc.deepCopy();
        description.remove(List.of("apps", "events", "validation"));
        Files.writeString(dir.resolve("description.json"), JSON.writeValueAsString(description));
        for (String s : List.of("apps", "events", "validation")) {
            ObjectNode one = JSON.createObjectNode();
            one.set(s, doc.get(s));
            Files.writeString(dir.resolve(s + ".json"), JSON.writeValueAsString(one));
        }
        return dir;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    static List<String> iterable(Iterator<String> it) {
        List<String> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
