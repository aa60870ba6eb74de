package dev.scenarist.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.models.testing.FakeProviderServer;
import dev.scenarist.models.testing.FakeProviderServer.Scripted;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scenarist cancel}: durable, seen by a generate running elsewhere, final, and plain about what it did. */
class CancelCliTest {
    @TempDir
    Path data;

    CliRun cli(String... args) {
        return CliRun.in(data, args);
    }

    @Test
    void aCancelStopsAGenerateRunningElsewhereWhichSaysSoAndExitsOne() throws Exception {
        try (var server = FakeProviderServer.start()) {
            // a slow model: every reply takes two seconds, so the run is in flight when the cancel comes
            server.otherwise(Scripted.ok(FakeProviderServer.resource("openai/reply.json")).after(Duration.ofSeconds(2)));
            var env = Map.of("OPENAI_BASE_URL", server.uri("/v1").toString(), "OPENAI_API_KEY", "sk-test-cancel-0000000000");
            var generate = CompletableFuture.supplyAsync(() -> CliRun.in(data, env, "--json", "generate", "--pack", "sql-quiz",
                    "--count", "3", "--concurrency", "1", "--author", "openai:gpt-4.1"));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (server.requests().isEmpty() && System.nanoTime() < deadline && !generate.isDone()) Thread.sleep(20);
            assertThat(server.requests()).as("the generate is calling its model").isNotEmpty();
            List<?> campaigns = (List<?>) cli("--json", "campaigns").json().get("campaigns");
            String id = (String) ((Map<?, ?>) campaigns.getFirst()).get("campaign_id");

            var cancel = cli("--json", "cancel", id);

            assertThat(cancel.code()).as(cancel.err()).isZero();
            assertThat(cancel.err()).contains("cancelled campaign " + id + " (1 unfinished run(s) cancelled)");
            assertThat(cancel.json().get("result")).isEqualTo("cancelled");
            assertThat(cancel.json().get("status")).isEqualTo("cancelled");
            assertThat(cancel.json().get("runs_cancelled")).isEqualTo(1);

            CliRun gen = generate.get(60, TimeUnit.SECONDS);
            assertThat(gen.code()).as("a campaign short of its count, as when a budget stops it").isEqualTo(1);
            assertThat(gen.err()).contains("Campaign " + id + " (sql-quiz): cancelled: cancel requested at ")
                    .contains("campaign " + id + " was cancelled (cancel requested at ")
                    .contains("start a new one with 'scenarist generate'").doesNotContain("internal error");
            assertThat(gen.json().get("status")).isEqualTo("cancelled");
            assertThat(gen.json().get("accepted")).isEqualTo(0);
            assertThat(gen.json().get("runs")).as("no run started after the cancel").isEqualTo(1);
            assertThat(gen.json().get("cancelled")).isEqualTo(1);
            assertThat((String) gen.json().get("hint")).contains("was cancelled");

            var runs = (List<?>) cli("--json", "runs", "--campaign", id).json().get("runs");
            assertThat(runs).singleElement().satisfies(r -> assertThat(((Map<?, ?>) r).get("state")).isEqualTo("cancelled"));
        }
    }

    @Test
    void cancelSaysWhatItDidRefusesAnUnknownCampaignWithTheClosestIdAndACancelledCampaignIsNotResumed() {
        var done = cli("--json", "generate", "--pack", "sql-quiz", "--count", "1");
        assertThat(done.code()).as(done.err()).isZero();
        String completed = (String) done.json().get("campaign_id");
        var stopped = cli("--json", "generate", "--pack", "sql-quiz", "--count", "3", "--max-runs", "1", "--seed", "5");
        String id = (String) stopped.json().get("campaign_id");
        assertThat(stopped.json().get("status")).isEqualTo("stopped");

        var r = cli("cancel", id);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("cancelled campaign " + id + " (0 unfinished run(s) cancelled)");

        var list = cli("campaigns");
        assertThat(list.out()).containsPattern(id + " +sql-quiz +cancelled").contains("cancel requested at ");
        assertThat(((Map<?, ?>) ((List<?>) cli("--json", "campaigns").json().get("campaigns")).stream()
                .filter(c -> id.equals(((Map<?, ?>) c).get("campaign_id"))).findFirst().orElseThrow()).get("status")).isEqualTo("cancelled");

        var again = cli("--json", "cancel", id);
        assertThat(again.code()).isZero();
        assertThat(again.err()).contains("campaign " + id + " was already cancelled (cancel requested at ").contains("nothing to do");
        assertThat(again.json().get("result")).isEqualTo("already_cancelled");

        var finished = cli("cancel", completed);
        assertThat(finished.code()).isZero();
        assertThat(finished.out()).contains("campaign " + completed + " has already completed (it got its 1 scenario(s)); nothing to cancel");
        assertThat(cli("campaigns").out()).containsPattern(completed + " +sql-quiz +completed");

        var resume = cli("resume", "--campaign", id);
        assertThat(resume.code()).isEqualTo(2);
        assertThat(resume.err()).contains("campaign " + id + " was cancelled (cancel requested at ").contains("cannot be resumed")
                .doesNotContain("internal error");

        var unknown = cli("cancel", "cmp-nope");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("scenarist: no campaign cmp-nope; list them with 'scenarist campaigns'");
        String typo = id.substring(0, id.length() - 1) + (id.endsWith("x") ? "y" : "x");
        var close = cli("--json", "cancel", typo);
        assertThat(close.code()).isEqualTo(2);
        assertThat(close.err()).contains("no campaign " + typo + "; did you mean '" + id + "'? list them with 'scenarist campaigns'");
        assertThat(((Map<?, ?>) close.json().get("error")).get("code")).isEqualTo("config");
    }
}
