package dev.scenarist.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.models.testing.FakeProviderServer;
import dev.scenarist.models.testing.FakeProviderServer.Scripted;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's side of hard budgets: a wall cap stops a stalled model within seconds, and resume obeys the campaign's caps. */
class BudgetCliTest {
    @TempDir
    Path data;

    static Map<String, String> env(FakeProviderServer server) {
        return Map.of("OPENAI_BASE_URL", server.uri("/v1").toString(), "OPENAI_API_KEY", "sk-test-budget-0000000000");
    }

    @Test
    void aTwoSecondWallCapStopsACampaignWhoseModelNeverAnswersWithinSecondsAndResumeRunObeysIt() {
        try (var server = FakeProviderServer.start()) {
            // a model that takes a minute per reply: without a hard cap the campaign would wait for it
            server.otherwise(Scripted.ok(FakeProviderServer.resource("openai/reply.json")).after(Duration.ofSeconds(60)));

            long t0 = System.nanoTime();
            var gen = CliRun.in(data, env(server), "--json", "generate", "--pack", "sql-quiz", "--count", "1",
                    "--author", "openai:gpt-4.1", "--max-wall", "2s");
            double seconds = (System.nanoTime() - t0) / 1e9;

            assertThat(seconds).as("ended after %.1f s", seconds).isLessThan(10);
            assertThat(gen.code()).as(gen.err()).isEqualTo(1);
            var doc = gen.json();
            assertThat((String) doc.get("stop_reason")).startsWith("budget: max_wall 2s reached");
            assertThat(doc.get("failed_infra")).isEqualTo(0);
            assertThat(doc.get("infra_retries")).isEqualTo(0);
            assertThat((String) doc.get("hint")).contains("--max-wall DURATION");
            assertThat(gen.err()).contains("raise the cap with 'scenarist resume --campaign " + doc.get("campaign_id") + " --max-wall DURATION'");

            String runId = (String) ((Map<?, ?>) ((List<?>) CliRun.in(data, "--json", "runs", "--campaign", (String) doc.get("campaign_id"))
                    .json().get("runs")).getFirst()).get("run_id");
            int requests = server.requests().size();
            long r0 = System.nanoTime();
            var resumed = CliRun.in(data, env(server), "resume", runId);

            assertThat((System.nanoTime() - r0) / 1e9).as("the spent wall budget refuses at once").isLessThan(10);
            assertThat(resumed.code()).isEqualTo(1);
            assertThat(resumed.out()).contains("budget: max_wall 2s reached").contains("scenarist resume " + runId + " --max-wall DURATION");
            assertThat(server.requests()).as("no model call past the cap").hasSize(requests);
        }
    }

    @Test
    void runsThatEndedFailedInfraAreRetriedByResumeCampaignAndAHintSaysWhatToFix() {
        try (var server = FakeProviderServer.start()) {
            server.otherwise(Scripted.fromResource(401, "openai/error-401.json"));

            var gen = CliRun.in(data, env(server), "--json", "generate", "--pack", "sql-quiz", "--count", "1", "--max-runs", "1",
                    "--author", "openai:gpt-4.1");
            assertThat(gen.code()).isEqualTo(1);
            String campaign = (String) gen.json().get("campaign_id");
            assertThat(gen.json().get("failed_infra")).isEqualTo(1);
            assertThat(gen.err()).contains("all 1 run(s) ended failed_infra: fix the cause (")
                    .contains("401").contains("and run 'scenarist resume --campaign " + campaign + "'");
            int requests = server.requests().size();

            var resumed = CliRun.in(data, env(server), "--json", "resume", "--campaign", campaign);

            assertThat(server.requests().size()).as("the failed run was retried without --max-runs").isGreaterThan(requests);
            assertThat(resumed.json().get("runs")).as("retried as the same run, not a new one").isEqualTo(1);
            assertThat(resumed.code()).isEqualTo(1);
            assertThat(resumed.err()).contains("ended failed_infra: fix the cause");
        }
    }
}
