package dev.scenarist.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.app.wiring.Scenarist;
import dev.scenarist.core.model.Json;
import dev.scenarist.core.model.RunState;
import dev.scenarist.server.ScenaristServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Human in the loop and /metrics over real HTTP: a server bound beyond loopback (token required) over a real SQLite
 * store, running sql-quiz offline with an approval gate after 'describe'.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HumanInTheLoopApiTest {
    static final String TOKEN = "hitl-token-0123456789abcdef";
    @TempDir
    static Path tmp;
    static Path data;
    static Scenarist app;
    static ScenaristServer server;
    static String base;
    static ServedApp served;
    static String campaignId;
    static String runId;

    @BeforeAll
    static void serve() {
        data = tmp.resolve("data");
        served = ServedApp.start(data, TOKEN);
        app = served.app;
        server = served.server;
        base = served.base;
    }

    @AfterAll
    static void stop() {
        if (served != null) served.close();
    }

    static void await(String what, BooleanSupplier ok) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!ok.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
            Thread.sleep(200);
        }
    }

    static String status(String campaign) {
        try {
            return (String) ServedApp.json(served.get("/api/campaigns/" + campaign)).get("status");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String gatedCampaign() throws Exception {
        var created = served.postJson("/api/campaigns", "{\"pack\": \"sql-quiz\", \"count\": 1, \"concurrency\": 1, \"seed\": 11, \"approve_after\": [\"describe\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = (String) ServedApp.json(created).get("id");
        await("the campaign to wait for approval", () -> "awaiting_approval".equals(status(id)));
        return id;
    }

    static String firstRun(String campaign) throws Exception {
        var runs = (List<?>) ServedApp.json(served.get("/api/campaigns/" + campaign + "/runs")).get("runs");
        return (String) ((Map<?, ?>) runs.getFirst()).get("id");
    }

    @Test
    @Order(1)
    void aGateNamingAStageThePackLacksIsAFieldErrorWithTheClosestStage() throws Exception {
        var r = served.postJson("/api/campaigns", "{\"pack\": \"sql-quiz\", \"count\": 1, \"approve_after\": [\"describ\"]}");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        var fields = (List<?>) ((Map<?, ?>) ServedApp.json(r).get("error")).get("fields");
        assertThat(fields).singleElement().satisfies(f -> {
            assertThat(((Map<?, ?>) f).get("field")).isEqualTo("approve_after");
            assertThat((String) ((Map<?, ?>) f).get("problem")).contains("has no stage 'describ'");
            assertThat((String) ((Map<?, ?>) f).get("fix")).contains("did you mean 'describe'?");
        });
        assertThat((List<?>) ServedApp.json(served.get("/api/campaigns")).get("campaigns")).as("nothing stored").isEmpty();
    }

    @Test
    @Order(2)
    void aPersonEditsTheGatedFileReChecksItAndApprovesAndTheRunUsesTheEdit() throws Exception {
        campaignId = gatedCampaign();
        runId = firstRun(campaignId);
        var gate = ServedApp.json(served.get("/api/runs/" + runId + "/gate"));
        assertThat(gate).containsEntry("stage", "describe").containsEntry("pause", "approval_gate");
        assertThat(gate.get("editable")).isEqualTo(List.of("item.json"));
        Map<?, ?> item = (Map<?, ?>) ((List<?>) gate.get("files")).stream().filter(f -> "item.json".equals(((Map<?, ?>) f).get("path")))
                .findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> itemJson = new LinkedHashMap<>(Json.read((String) item.get("content"), Map.class));

        var notEditable = served.putJson("/api/runs/" + runId + "/gate/files/schema.sql", "{\"content\": \"CREATE TABLE t (a INT);\"}");
        assertThat(notEditable.statusCode()).as(notEditable.body()).isEqualTo(400);
        assertThat(notEditable.body()).contains("may not write 'schema.sql'");

        var broken = served.putJson("/api/runs/" + runId + "/gate/files/item.json", "{\"content\": \"{not json\"}");
        assertThat(broken.statusCode()).as(broken.body()).isEqualTo(200);
        var failing = served.postJson("/api/runs/" + runId + "/checks", "");
        assertThat(failing.statusCode()).as(failing.body()).isEqualTo(200);
        assertThat(ServedApp.json(failing)).containsEntry("passed", false);

        itemJson.put("title", "Edited by a person: " + itemJson.get("title"));
        var fixed = served.putJson("/api/runs/" + runId + "/gate/files/item.json", Json.write(Map.of("content", Json.write(itemJson))));
        assertThat(fixed.statusCode()).as(fixed.body()).isEqualTo(200);
        assertThat(ServedApp.json(fixed)).containsEntry("changed", true);
        assertThat(ServedApp.json(served.postJson("/api/runs/" + runId + "/checks", ""))).as("re-checked").containsEntry("passed", true);

        var approved = served.postJson("/api/runs/" + runId + "/approve", "");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(202);
        await("the approved run to be accepted", () -> {
            try {
                return "accepted".equals(ServedApp.json(served.get("/api/runs/" + runId)).get("state"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        var again = served.postJson("/api/runs/" + runId + "/approve", "");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        assertThat(again.body()).containsAnyOf("is accepted, not paused", "was approved already");
        await("the campaign to complete", () -> "completed".equals(status(campaignId)));

        var scenario = (Map<?, ?>) ((List<?>) ServedApp.json(served.get("/api/campaigns/" + campaignId + "/scenarios")).get("scenarios")).getFirst();
        assertThat(Files.readString(data.resolve((String) scenario.get("location")).resolve("item.json"))).contains("Edited by a person: ");
        List<String> steps = Files.readAllLines(data.resolve("runs").resolve(runId).resolve("steps.jsonl"));
        assertThat(steps.stream().map(l -> Json.read(l, Map.class)).filter(m -> "human".equals(m.get("type"))).map(m -> m.get("action")))
                .containsExactly("edit", "recheck", "edit", "recheck", "approve");
    }

    @Test
    @Order(3)
    void theReviewQueueApprovesOnceAndRefusesASecondDecisionWith409() throws Exception {
        var queue = (List<?>) ServedApp.json(served.get("/api/review")).get("items");
        assertThat(queue).hasSize(1);
        String scenarioId = (String) ((Map<?, ?>) queue.getFirst()).get("scenario_id");
        assertThat(m(queue.getFirst())).containsEntry("campaign_id", campaignId).containsEntry("pack", "sql-quiz")
                .containsKeys("title", "accepted_at");
        assertThat(served.get("/review").body()).contains(scenarioId).contains("name=\"_csrf\"");

        var ok = served.postJson("/api/review/" + scenarioId + "/approve", "");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(Path.of((String) ServedApp.json(ok).get("path"))).startsWith(data.toAbsolutePath().resolve("datasets").resolve("sql-quiz")).exists();
        var twice = served.postJson("/api/review/" + scenarioId + "/reject", "{\"reason\": \"changed my mind\"}");
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(twice.body()).contains("was already approved by token:");
        assertThat((List<?>) ServedApp.json(served.get("/api/review")).get("items")).isEmpty();

        var audit = (List<?>) ServedApp.json(served.get("/api/audit?limit=50")).get("entries");
        assertThat(audit).anySatisfy(e -> assertThat(m(e)).containsEntry("action", "review.approve").containsEntry("target", scenarioId)
                .containsEntry("status", 200));
        assertThat(audit).anySatisfy(e -> assertThat(m(e)).containsEntry("action", "review.reject").containsEntry("status", 409));
        assertThat(audit).anySatisfy(e -> assertThat(m(e)).containsEntry("action", "run.approve").containsEntry("target", runId));
        assertThat(audit).anySatisfy(e -> assertThat(m(e)).containsEntry("action", "run.file.override")
                .extracting(m -> (String) m.get("detail")).asString().startsWith("item.json"));
        assertThat(audit).anySatisfy(e -> assertThat(m(e)).containsEntry("action", "run.recheck"));
    }

    @Test
    @Order(4)
    void aBrowserMustRepeatItsCsrfTokenToRejectAPausedRunFromTheGatePage() throws Exception {
        String campaign = gatedCampaign();
        String run = firstRun(campaign);
        var login = served.send(HttpRequest.newBuilder(URI.create(base + "/login?token=" + TOKEN)).GET().build());
        String session = cookie(login, "scenarist_session");
        String csrf = cookie(login, "scenarist_csrf");
        String cookies = "scenarist_session=" + session + "; scenarist_csrf=" + csrf;
        var page = served.send(HttpRequest.newBuilder(URI.create(base + "/runs/" + run + "/gate")).header("Cookie", cookies).GET().build());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("awaiting approval after stage &#39;describe&#39;").contains("<textarea name=\"content\"");

        var forged = served.send(form("/api/runs/" + run + "/reject", cookies, Map.of("reason", "forged")));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(ServedApp.json(served.get("/api/runs/" + run))).containsEntry("state", "paused");

        var rejected = served.send(form("/api/runs/" + run + "/reject", cookies, Map.of("reason", "off topic", "_csrf", csrf)));
        assertThat(rejected.statusCode()).isEqualTo(303);
        assertThat(rejected.headers().firstValue("Location")).contains("/runs/" + run);
        var after = ServedApp.json(served.get("/api/runs/" + run));
        assertThat(after).containsEntry("state", RunState.REJECTED.label()).containsEntry("reject_reason", "person")
                .containsEntry("detail", "rejected by a person: off topic");
        assertThat(status(campaign)).isEqualTo("stopped");
        var audit = (List<?>) ServedApp.json(served.get("/api/audit?limit=50")).get("entries");
        // refused before any handler ran: recorded under its method and path
        assertThat(audit).anySatisfy(e -> assertThat(m(e)).containsEntry("action", "POST /api/runs/" + run + "/reject").containsEntry("status", 403));
        assertThat(audit).anySatisfy(e -> assertThat(m(e)).containsEntry("action", "run.reject").containsEntry("status", 303)
                .containsEntry("detail", "off topic").extracting(m -> (String) m.get("who")).asString().startsWith("session:"));
    }

    @Test
    @Order(5)
    void metricsFollowTheTokenRuleAndMatchTheStore() throws Exception {
        var anonymous = served.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).GET().build());
        assertThat(anonymous.statusCode()).isEqualTo(401);

        var r = served.get("/metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        String text = r.body();
        var store = app.store();
        long accepted = store.campaigns().list().stream().flatMap(c -> store.runs().byCampaign(c.id()).stream())
                .filter(x -> x.state() == RunState.ACCEPTED).count();
        long rejected = store.campaigns().list().stream().flatMap(c -> store.runs().byCampaign(c.id()).stream())
                .filter(x -> x.state() == RunState.REJECTED).count();
        long attempts = store.campaigns().list().stream().mapToLong(c -> store.runs().attemptsOfCampaign(c.id()).size()).sum();
        long checks = store.campaigns().list().stream().flatMap(c -> store.runs().byCampaign(c.id()).stream())
                .mapToLong(x -> store.runs().checks(x.id()).size()).sum();
        assertThat(accepted).isEqualTo(1);
        assertThat(value(text, "scenarist_runs\\{state=\"accepted\"\\}")).isEqualTo(accepted);
        assertThat(value(text, "scenarist_runs\\{state=\"rejected\"\\}")).isEqualTo(rejected);
        assertThat(value(text, "scenarist_campaigns\\{status=\"completed\"\\}")).isEqualTo(1);
        assertThat(value(text, "scenarist_campaigns\\{status=\"stopped\"\\}")).isEqualTo(1);
        assertThat(sum(text, "scenarist_attempts_total\\{[^}]*\\}")).as("every attempt of the campaigns this server ran").isEqualTo(attempts);
        long rechecked = 0; // a person's re-checks run checks too (recorded in the trajectory, not as attempts)
        for (var c : store.campaigns().list()) {
            for (var x : store.runs().byCampaign(c.id())) {
                Path steps = data.resolve("runs").resolve(x.id()).resolve("steps.jsonl");
                if (!Files.exists(steps)) continue;
                for (String l : Files.readAllLines(steps)) {
                    Map<?, ?> m = Json.read(l, Map.class);
                    if ("recheck".equals(m.get("action"))) {
                        rechecked += ((List<?>) m.get("checks")).stream().filter(k -> !"not_run".equals(((Map<?, ?>) k).get("status"))).count();
                    }
                }
            }
        }
        assertThat(rechecked).isPositive();
        assertThat(sum(text, "scenarist_check_duration_seconds_count\\{[^}]*\\}")).as("one latency sample per check run").isEqualTo(checks + rechecked);
        assertThat(text).contains("scenarist_check_duration_seconds_bucket{");
        assertThat(value(text, "scenarist_runs_finished_total\\{state=\"accepted\"\\}")).isEqualTo(1);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> m(Object o) {
        return (Map<String, Object>) o;
    }

    static HttpRequest form(String path, String cookies, Map<String, String> fields) {
        String body = String.join("&", fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).toList());
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).header("Cookie", cookies)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    static String cookie(HttpResponse<?> r, String name) {
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst()
                .map(c -> c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'))).orElseThrow();
    }

    /** The value of one sample line, e.g. {@code scenarist_runs{state="accepted"} 1.0}. */
    static long value(String text, String sample) {
        Matcher m = Pattern.compile("(?m)^" + sample + " ([0-9.eE+-]+)$").matcher(text);
        if (!m.find()) throw new AssertionError("no sample " + sample + " in:\n" + text);
        return Math.round(Double.parseDouble(m.group(1)));
    }

    static long sum(String text, String sample) {
        Matcher m = Pattern.compile("(?m)^" + sample + " ([0-9.eE+-]+)$").matcher(text);
        long total = 0;
        while (m.find()) total += Math.round(Double.parseDouble(m.group(1)));
        return total;
    }
}
