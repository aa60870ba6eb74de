package dev.scenarist.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.app.wiring.Scenarist;
import dev.scenarist.core.testing.AnalyticsFixture;
import dev.scenarist.server.ScenaristServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /api/analytics}, {@code /api/lessons} and their pages over real HTTP, on a SQLite store holding the hand-built
 * {@link AnalyticsFixture} (its quiz campaigns under the real pack sql-quiz): the numbers the API answers are the ones
 * worked out by hand; the pages carry the charts; lesson edits are audited and CSRF-checked.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnalyticsLessonsServeTest {
    static final String TOKEN = "test-token-analytics-0123456789";
    static final String PACK = "sql-quiz";
    @TempDir
    static Path tmp;
    static Scenarist app;
    static ScenaristServer server;
    static String base;
    static ServedApp served;

    @BeforeAll
    static void serve() {
        served = ServedApp.start(tmp.resolve("data"), TOKEN, a -> AnalyticsFixture.writeInto(a.store(), PACK));
        app = served.app;
        server = served.server;
        base = served.base;
    }

    @AfterAll
    static void stop() {
        if (served != null) served.close();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @Test
    @Order(1)
    void theAnalyticsApiAnswersTheNumbersWorkedOutByHand() throws Exception {
        var r = served.get("/api/analytics?pack=" + PACK);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        var report = ServedApp.json(r);

        assertThat(map(report.get("success_rate"))).containsEntry("part", 3).containsEntry("whole", 4).containsEntry("rate", 0.75);
        assertThat(map(report.get("first_attempt_pass_rate"))).containsEntry("part", 5).containsEntry("whole", 7);
        assertThat(report.get("attempts_to_pass")).isEqualTo(List.of(Map.of("attempt", 1, "passes", 5), Map.of("attempt", 2, "passes", 1)));
        var failures = (List<?>) report.get("failures");
        var schema = map(failures.get(0));
        assertThat(schema).containsEntry("check", "schema").containsEntry("code", "SCHEMA_BAD").containsEntry("occurrences", 2)
                .containsEntry("example_run_ids", List.of("b2", "b1")).containsEntry("message_pattern", "column '…' missing at line N");
        var effect = (List<?>) report.get("lesson_effect");
        assertThat(effect).extracting(e -> map(e).get("lessons") + " " + map(map(e).get("first_attempt_pass_rate")).get("rate"))
                .containsExactly("false 0.3333333333333333", "true 1.0");
        assertThat(map(report.get("per_accepted"))).containsEntry("accepted", 3);
    }

    @Test
    @Order(2)
    void aCategoryNarrowsTheReportAndAnUnknownCampaignIsA404NamingTheClosest() throws Exception {
        assertThat((List<?>) ServedApp.json(served.get("/api/analytics?category=alpha")).get("campaigns")).hasSize(2);
        var unknown = served.get("/api/analytics?campaign=c-bse");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("no campaign c-bse").contains("c-base");
    }

    @Test
    @Order(3)
    void twoCampaignsAreComparedWithDeltas() throws Exception {
        var r = served.get("/api/analytics/compare?baseline=c-base&current=c-less");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        var metrics = (List<?>) ServedApp.json(r).get("metrics");
        var success = metrics.stream().map(AnalyticsLessonsServeTest::map).filter(m -> m.get("name").equals("success_rate")).findFirst().orElseThrow();
        assertThat(success).containsEntry("baseline", 0.5).containsEntry("current", 1.0).containsEntry("delta", 0.5);
        assertThat((List<?>) ServedApp.json(r).get("failure_codes")).first().satisfies(c -> assertThat(map(c))
                .containsEntry("code", "SCHEMA_BAD").containsEntry("baseline", 2).containsEntry("current", 0).containsEntry("delta", -2));

        var missing = served.get("/api/analytics/compare?baseline=c-base");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("'current'");
    }

    @Test
    @Order(4)
    void lessonsAreRefreshedFromFindingsEditedAndAudited() throws Exception {
        assertThat((List<?>) ServedApp.json(served.get("/api/lessons/" + PACK)).get("lessons")).isEmpty();

        var refreshed = served.send(served.req("/api/lessons/" + PACK + "/refresh").POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        assertThat(ServedApp.json(refreshed).get("added")).isEqualTo(List.of("schema:SCHEMA_BAD"));

        var edited = served.send(served.req("/api/lessons/" + PACK).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(
                "{\"lessons\": [{\"key\": \"schema:SCHEMA_BAD\", \"enabled\": false, \"text\": \"Declare columns first.\"},"
                        + " {\"text\": \"Keep questions short.\", \"stage\": \"questions\"}]}")).build());
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        var lessons = (List<?>) ServedApp.json(edited).get("lessons");
        assertThat(lessons).extracting(l -> map(l).get("key") + " " + map(l).get("enabled") + " " + map(l).get("text"))
                .containsExactly("schema:SCHEMA_BAD false Declare columns first.", "note:1 true Keep questions short.");

        var badKey = served.send(served.req("/api/lessons/" + PACK).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"lessons\": [{\"key\": \"schema:SCHEMA_BAAD\", \"enabled\": true}]}")).build());
        assertThat(badKey.statusCode()).isEqualTo(400);
        assertThat(badKey.body()).contains("schema:SCHEMA_BAAD").contains("schema:SCHEMA_BAD");
        var badField = served.send(served.req("/api/lessons/" + PACK).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"lessons\": [{\"key\": \"note:1\", \"enabled\": \"yes\"}]}")).build());
        assertThat(badField.statusCode()).isEqualTo(400);
        assertThat(badField.body()).contains("lessons[0].enabled must be true or false");

        var audit = (List<?>) ServedApp.json(served.get("/api/audit")).get("entries");
        assertThat(audit).extracting(e -> map(e).get("action") + " " + map(e).get("target"))
                .contains("lessons.refresh " + PACK, "lessons.edit " + PACK);
    }

    @Test
    @Order(5)
    void theAnalyticsPagesCarryChartsAndTables() throws Exception {
        var page = served.get("/analytics?pack=" + PACK);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<svg").contains("Success rate per pack").contains("First-attempt pass rate per stage")
                .contains("Attempts to pass a stage").contains("Failures over time").contains("id=\"failures\"")
                .contains("href=\"/runs/b2\"").contains("75.0% (3/4)").contains("aria-current=\"page\"");

        var compare = served.get("/analytics/compare?baseline=c-base&current=c-less");
        assertThat(compare.statusCode()).isEqualTo(200);
        assertThat(compare.body()).contains("id=\"compare-metrics\"").contains("+50.0 pts").contains("id=\"compare-codes\"");
        assertThat(served.get("/analytics/compare?baseline=c-base&current=nope").statusCode()).isEqualTo(404);
    }

    @Test
    @Order(6)
    void theLessonsFormSavesWithTheCsrfTokenAndIsRefusedWithoutIt() throws Exception {
        var login = served.send(HttpRequest.newBuilder(URI.create(base + "/login?token=" + TOKEN)).GET().build());
        List<String> setCookies = login.headers().allValues("Set-Cookie");
        String cookies = String.join("; ", setCookies.stream().map(c -> c.substring(0, c.indexOf(';'))).toList());
        String csrf = setCookies.stream().filter(c -> c.startsWith("scenarist_csrf=")).map(c -> c.substring("scenarist_csrf=".length(), c.indexOf(';')))
                .findFirst().orElseThrow();
        var page = served.send(HttpRequest.newBuilder(URI.create(base + "/lessons?pack=" + PACK)).header("Cookie", cookies).GET().build());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("name=\"_csrf\"").contains("Declare columns first.").contains("id=\"lesson-effect\"");

        String form = "present%3Aschema%3ASCHEMA_BAD=1&enabled%3Aschema%3ASCHEMA_BAD=on&text%3Aschema%3ASCHEMA_BAD="
                + URLEncoder.encode("Declare <every> column.", StandardCharsets.UTF_8) + "&present%3Anote%3A1=1&remove%3Anote%3A1=on";
        var refused = served.send(HttpRequest.newBuilder(URI.create(base + "/lessons/" + PACK)).header("Cookie", cookies)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build());
        assertThat(refused.statusCode()).isEqualTo(403);

        var saved = served.send(HttpRequest.newBuilder(URI.create(base + "/lessons/" + PACK)).header("Cookie", cookies)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + csrf)).build());
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        assertThat(saved.headers().firstValue("Location")).contains("/lessons?pack=" + PACK + "&saved=1");
        var lessons = (List<?>) ServedApp.json(served.get("/api/lessons/" + PACK)).get("lessons");
        assertThat(lessons).extracting(l -> map(l).get("key") + " " + map(l).get("enabled") + " " + map(l).get("text"))
                .containsExactly("schema:SCHEMA_BAD true Declare <every> column.");
        var shown = served.send(HttpRequest.newBuilder(URI.create(base + "/lessons?pack=" + PACK)).header("Cookie", cookies).GET().build());
        assertThat(shown.body()).contains("Declare &lt;every&gt; column.").doesNotContain("Declare <every>");
    }

    @Test
    @Order(7)
    void theRoutesAreDescribedInTheOpenApiDocument() throws Exception {
        var paths = map(ServedApp.json(served.get("/openapi.json")).get("paths"));
        assertThat(paths).containsKeys("/api/analytics", "/api/analytics/compare", "/api/lessons/{pack}", "/api/lessons/{pack}/refresh",
                "/analytics", "/lessons");
        assertThat(map(paths.get("/api/lessons/{pack}"))).containsKeys("get", "put");
    }
}
