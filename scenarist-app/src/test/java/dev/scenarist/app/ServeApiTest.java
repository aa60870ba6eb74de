package dev.scenarist.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.app.wiring.Scenarist;
import dev.scenarist.server.ScenaristServer;
import dev.scenarist.server.ServerOptions;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scenarist serve} over real HTTP: a server bound to 0.0.0.0 (so the token is required) on a random port, over a
 * real SQLite store in a temporary data folder, running the bundled sql-quiz pack with its offline author.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServeApiTest {
    static final String TOKEN = "test-token-0123456789abcdef";
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

    /** Lines of an SSE stream, read in the background. */
    static List<String> listen(String path) {
        List<String> lines = new CopyOnWriteArrayList<>();
        var r = served.req(path).timeout(Duration.ofMinutes(5)).header("Accept", "text/event-stream").GET().build();
        served.http().sendAsync(r, HttpResponse.BodyHandlers.ofLines()).thenAccept(resp -> resp.body().forEach(lines::add));
        return lines;
    }

    static void await(String what, java.util.function.BooleanSupplier ok) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!ok.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
            Thread.sleep(200);
        }
    }

    @Test
    @Order(1)
    void aCampaignCreatedOverTheApiRunsInTheServerAndItsRunsAndScenariosAreListed() throws Exception {
        List<String> events = listen("/api/events");
        Thread.sleep(300);
        var created = served.postJson("/api/campaigns", "{\"pack\": \"sql-quiz\", \"count\": 2, \"concurrency\": 2, \"seed\": 3}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        campaignId = (String) ServedApp.json(created).get("id");
        await("the campaign to complete", () -> {
            try {
                return "completed".equals(ServedApp.json(served.get("/api/campaigns/" + campaignId)).get("status"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        var scenarios = (List<?>) ServedApp.json(served.get("/api/campaigns/" + campaignId + "/scenarios")).get("scenarios");
        assertThat(scenarios).hasSize(2);
        var runs = (List<?>) ServedApp.json(served.get("/api/campaigns/" + campaignId + "/runs")).get("runs");
        assertThat(runs).hasSizeGreaterThanOrEqualTo(2);
        runId = (String) ((Map<?, ?>) runs.getFirst()).get("id");
        var run = ServedApp.json(served.get("/api/runs/" + runId));
        assertThat((List<?>) run.get("attempt_records")).isNotEmpty();
        assertThat((List<?>) run.get("stages")).isNotEmpty();
        assertThat(run).containsKey("usage");
        String scenarioId = (String) ((Map<?, ?>) scenarios.getFirst()).get("id");
        var files = (List<?>) ServedApp.json(served.get("/api/scenarios/" + scenarioId + "/files")).get("files");
        assertThat(files).isNotEmpty();
        String file = (String) ((Map<?, ?>) files.getFirst()).get("path");
        var download = served.get("/api/scenarios/" + scenarioId + "/files/" + file);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(Files.readString(data.resolve((String) ((Map<?, ?>) scenarios.getFirst()).get("location")).resolve(file)));
        await("run events on the stream", () -> events.stream().anyMatch(l -> l.equals("event: run-finished")));
        assertThat(events).anyMatch(l -> l.startsWith("data:") && l.contains(campaignId) && l.contains("\"source\":\"bus\""));
    }

    @Test
    @Order(2)
    void aBadRequestIsRefusedFieldByFieldWithTheMessagesOfGenerate() throws Exception {
        var r = served.postJson("/api/campaigns", "{\"pack\": \"sql-quiz\", \"count\": 0, \"budget\": {\"max_runz\": 3}}");
        assertThat(r.statusCode()).isEqualTo(400);
        var fields = (List<?>) ((Map<?, ?>) ServedApp.json(r).get("error")).get("fields");
        assertThat(fields).anyMatch(f -> "count".equals(((Map<?, ?>) f).get("field")));
        assertThat(fields).anyMatch(f -> String.valueOf(((Map<?, ?>) f).get("field")).startsWith("budget")
                && String.valueOf(((Map<?, ?>) f).get("fix")).contains("max_runs"));
        var unknownPack = served.postJson("/api/campaigns", "{\"pack\": \"sql-quiz-nope\", \"count\": 1}");
        assertThat(unknownPack.statusCode()).isEqualTo(400);
        assertThat(unknownPack.body()).contains("\"field\":\"pack\"");
        assertThat(served.postJson("/api/campaigns", "[1,2]").statusCode()).isEqualTo(400);
        assertThat(served.postJson("/api/campaigns", "{not json").statusCode()).isEqualTo(400);
    }

    @Test
    @Order(3)
    void aCampaignRunByTheCommandLineInAnotherSessionAppearsInTheApiAndOnTheStream() throws Exception {
        List<String> events = listen("/api/events");
        Thread.sleep(300);
        var cli = CliRun.in(data, "--json", "generate", "--pack", "sql-quiz", "--count", "1", "--seed", "11");
        assertThat(cli.code()).as(cli.err()).isZero();
        String id = (String) cli.json().get("campaign_id");
        var list = served.get("/api/campaigns");
        assertThat(list.body()).contains(id);
        assertThat(ServedApp.json(served.get("/api/campaigns/" + id)).get("status")).isEqualTo("completed");
        // the CLI's engine has an event bus of its own: these come from polling the store
        await("store events of the CLI's campaign", () -> events.stream().anyMatch(l -> l.contains(id) && l.contains("\"source\":\"store\"")));
        var index = served.get("/");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).contains(id).contains("<table");
    }

    @Test
    @Order(4)
    void offLoopbackEveryCallAndPageNeedsTheToken() throws Exception {
        for (String path : List.of("/api/campaigns", "/", "/openapi.json", "/api/audit", "/api/events")) {
            var r = served.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
            assertThat(r.statusCode()).as(path).isEqualTo(401);
        }
        var wrong = served.send(HttpRequest.newBuilder(URI.create(base + "/api/campaigns")).header("Authorization", "Bearer nope-nope-nope-nope").GET().build());
        assertThat(wrong.statusCode()).isEqualTo(401);
        var post = served.send(HttpRequest.newBuilder(URI.create(base + "/api/campaigns")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"pack\":\"sql-quiz\",\"count\":1}")).build());
        assertThat(post.statusCode()).isEqualTo(401);
        assertThat(served.get("/api/campaigns").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(5)
    void artifactPathsCannotLeaveTheirFolderNorTheDataDirectory() throws Exception {
        Path runDir = data.resolve("runs").resolve(runId);
        Files.writeString(tmp.resolve("secret.txt"), "secret");
        Files.createSymbolicLink(runDir.resolve("escape.txt"), tmp.resolve("secret.txt"));
        for (String p : List.of("../../scenarist.db", "..%2f..%2fscenarist.db", "%2e%2e/%2e%2e/scenarist.db", "%2e%2e%2f%2e%2e%2fscenarist.db",
                "/etc/passwd", "%2fetc%2fpasswd", "a/../../../scenarist.db", "escape.txt", "..%5c..%5cscenarist.db", "./steps.jsonl")) {
            var r = served.send(served.req("/api/runs/" + runId + "/files/" + p).GET().build());
            assertThat(r.statusCode()).as(p + ": " + r.body()).isIn(400, 404);
            assertThat(r.body()).doesNotContain("secret").doesNotContain("SQLite format");
        }
        var listed = served.get("/api/runs/" + runId + "/files");
        assertThat(listed.body()).contains("steps.jsonl").doesNotContain("escape.txt");
        assertThat(served.get("/api/runs/" + runId + "/files/steps.jsonl").statusCode()).isEqualTo(200);
        assertThat(served.get("/api/runs/nope/files/steps.jsonl").statusCode()).isEqualTo(404);
    }

    @Test
    @Order(6)
    void aCookieAuthenticatedMutationWithoutTheCsrfTokenIsRefused() throws Exception {
        var login = served.send(HttpRequest.newBuilder(URI.create(base + "/login?token=" + TOKEN)).GET().build());
        assertThat(login.statusCode()).isEqualTo(302);
        List<String> setCookies = login.headers().allValues("Set-Cookie");
        assertThat(setCookies).anyMatch(c -> c.startsWith("scenarist_session=") && c.contains("HttpOnly") && c.contains("SameSite=Strict"));
        String cookies = String.join("; ", setCookies.stream().map(c -> c.substring(0, c.indexOf(';'))).toList());
        String csrf = setCookies.stream().filter(c -> c.startsWith("scenarist_csrf=")).map(c -> c.substring("scenarist_csrf=".length(), c.indexOf(';')))
                .findFirst().orElseThrow();
        var page = served.send(HttpRequest.newBuilder(URI.create(base + "/")).header("Cookie", cookies).GET().build());
        assertThat(page.statusCode()).isEqualTo(200);
        String target = "/api/campaigns/" + campaignId + "/cancel";
        var noCsrf = served.send(HttpRequest.newBuilder(URI.create(base + target)).header("Cookie", cookies).POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(noCsrf.statusCode()).as(noCsrf.body()).isEqualTo(403);
        var form = served.send(HttpRequest.newBuilder(URI.create(base + target)).header("Cookie", cookies)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("_csrf=wrong")).build());
        assertThat(form.statusCode()).isEqualTo(403);
        var crossSite = served.send(served.req(target).header("Origin", "https://evil.example").POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(crossSite.statusCode()).isEqualTo(403);
        var ok = served.send(HttpRequest.newBuilder(URI.create(base + target)).header("Cookie", cookies).header("X-CSRF-Token", csrf)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(ServedApp.json(ok).get("result")).isEqualTo("already_completed");
    }

    @Test
    @Order(7)
    void aBodyOverTheLimitIs413() throws Exception {
        String big = "{\"pack\": \"" + "x".repeat(2 << 20) + "\", \"count\": 1}";
        var r = served.postJson("/api/campaigns", big);
        assertThat(r.statusCode()).isEqualTo(413);
    }

    @Test
    @Order(8)
    void everyMutationIsInTheAuditLogWithWhoWhatWhenAndTarget() throws Exception {
        var entries = (List<?>) ServedApp.json(served.get("/api/audit?limit=1000")).get("entries");
        assertThat(entries).anyMatch(e -> entry(e, "campaign.create", campaignId, 201) && ((Map<?, ?>) e).get("who").toString().startsWith("token:"));
        assertThat(entries).anyMatch(e -> entry(e, "campaign.create", "", 400));
        assertThat(entries).anyMatch(e -> entry(e, "campaign.cancel", campaignId, 200) && ((Map<?, ?>) e).get("who").toString().startsWith("session:"));
        assertThat(entries).anyMatch(e -> ((Map<?, ?>) e).get("status").equals(403));
        assertThat(entries).anyMatch(e -> ((Map<?, ?>) e).get("status").equals(413));
        assertThat(entries).allMatch(e -> ((Map<?, ?>) e).get("at") != null);
        assertThat(Files.readString(data.resolve("audit/audit.jsonl"))).doesNotContain(TOKEN);
    }

    private static boolean entry(Object e, String action, String target, int status) {
        var m = (Map<?, ?>) e;
        return action.equals(m.get("action")) && (target.isEmpty() || target.equals(m.get("target"))) && m.get("status").equals(status);
    }

    @Test
    @Order(9)
    void theOpenApiDescriptionListsEveryRoute() throws Exception {
        var doc = ServedApp.json(served.get("/openapi.json"));
        assertThat(doc.get("openapi")).isEqualTo("3.1.0");
        @SuppressWarnings("unchecked") var paths = (Map<String, Object>) doc.get("paths");
        assertThat(server.routes()).hasSizeGreaterThan(15);
        for (var r : server.routes()) {
            assertThat(paths).as(r.openApiPath()).containsKey(r.openApiPath());
            assertThat(((Map<?, ?>) paths.get(r.openApiPath())).keySet()).as(r.method() + " " + r.path()).anyMatch(k -> k.equals(r.method().name().toLowerCase()));
        }
        assertThat(paths.keySet()).contains("/api/campaigns", "/api/campaigns/{id}/cancel", "/api/runs/{id}/files/{path}", "/api/events",
                "/api/audit", "/login", "/");
    }

    @Test
    @Order(10)
    void onLoopbackWithoutATokenTheApiIsOpenButCrossSiteFormsAreNot() throws Exception {
        try (var local = app.serve(new ServerOptions("127.0.0.1", 0, Optional.empty(), false, ServerOptions.DEFAULT_MAX_BODY))) {
            String b = "http://127.0.0.1:" + local.port();
            assertThat(served.send(HttpRequest.newBuilder(URI.create(b + "/api/campaigns")).GET().build()).statusCode()).isEqualTo(200);
            var form = served.send(HttpRequest.newBuilder(URI.create(b + "/api/campaigns/" + campaignId + "/cancel"))
                    .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("x")).build());
            assertThat(form.statusCode()).isEqualTo(403);
            var json = served.send(HttpRequest.newBuilder(URI.create(b + "/api/campaigns/" + campaignId + "/pause"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build());
            assertThat(json.statusCode()).as(json.body()).isEqualTo(409); // allowed through; not running here
            var entries = (List<?>) ServedApp.json(served.send(HttpRequest.newBuilder(URI.create(b + "/api/audit")).GET().build())).get("entries");
            assertThat(entries).anyMatch(e -> "local".equals(((Map<?, ?>) e).get("who")) && "campaign.pause".equals(((Map<?, ?>) e).get("action")));
        }
    }

    @Test
    @Order(11)
    void serveIsACommandWithItsOptionsAndRefusesABadPort() {
        var help = CliRun.in(data, "serve", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("--host", "--port", "--token-on-loopback");
        var bad = CliRun.in(data, "serve", "--port", "70000");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--port must be between 0 and 65535");
    }
}
