package dev.scenarist.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scenarist.core.author.ModelSettings;
import dev.scenarist.core.model.Json;
import dev.scenarist.core.model.Usage;
import dev.scenarist.core.engine.CircuitOptions;
import dev.scenarist.core.engine.RetryOptions;
import dev.scenarist.core.model.RunState;
import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.FileFormat;
import dev.scenarist.core.pack.OutputFile;
import dev.scenarist.core.pack.Stage;
import dev.scenarist.core.pack.StagePolicy;
import dev.scenarist.core.store.AttemptRecord;
import dev.scenarist.core.store.AttemptVerdict;
import dev.scenarist.core.store.AuthorCallRecord;
import dev.scenarist.core.testing.EngineHarness;
import dev.scenarist.core.testing.TestChecks;
import dev.scenarist.core.testing.TestPack;
import dev.scenarist.models.ModelRef;
import dev.scenarist.models.Redactor;
import dev.scenarist.models.Secret;
import dev.scenarist.models.testing.FakeProviderServer;
import dev.scenarist.models.testing.FakeProviderServer.Scripted;
import dev.scenarist.models.ModelAuthors;
import dev.scenarist.models.ProviderSettings;
import dev.scenarist.models.PriceTable;
import dev.scenarist.models.ProviderThrottle;
import dev.scenarist.store.sql.SqlStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A campaign on a real HTTP model backend (the OpenAI-compatible author against a local fake server) that meets
 * every fault a provider throws: nothing crashes, infrastructure failures are retried under their own budget,
 * bad replies are fed back as content failures, and the accounting adds up.
 */
class ModelFaultsCampaignTest {
    static final String KEY = "sk-test-SECRETSECRETSECRET1234";

    @TempDir
    Path data;

    static String reply(String content) {
        ObjectNode body = (ObjectNode) Json.read(FakeProviderServer.resource("openai/reply.json"), com.fasterxml.jackson.databind.JsonNode.class);
        ((ObjectNode) body.get("choices").get(0).get("message")).put("content", content);
        return Json.write(body);
    }

    @Test
    void aCampaignSurvivesEveryProviderFaultAndAccountsForWhatItSpent() throws Exception {
        var pack = TestPack.named("t").stage(new Stage.AuthorStage("draft", "Write a.txt; it must say ok.", StagePolicy.editing("a.txt"),
                List.of(OutputFile.required("a.txt", FileFormat.TEXT, "")), List.of(TestChecks.contains("says-ok", Check.TIER_PARSE, "a.txt", "ok"))))
                .build();
        String good = reply("Here it is.\n<file path=\"a.txt\">\nok, a fine scenario\n</file>");
        try (var server = FakeProviderServer.start(); var store = SqlStore.sqlite(data.resolve("scenarist.db"))) {
            server.enqueue(
                    Scripted.fromResource(429, "openai/error-429.json").withHeader("Retry-After", "2"),
                    Scripted.fromResource(500, "openai/error-500.json"),
                    Scripted.json(529, "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}"),
                    Scripted.stallingBody(good, Duration.ofSeconds(3)),
                    Scripted.connectionReset(),
                    Scripted.truncated(good),
                    Scripted.ok("{\"id\": \"chatcmpl-1\", \"choices\": [ {\"message\": "),
                    Scripted.ok(reply("")),
                    Scripted.ok(reply("I would write a scenario where everything is ok.")),
                    Scripted.ok(good));
            var redactor = new Redactor();
            var settings = ProviderSettings.defaults(dev.scenarist.models.Provider.OPENAI)
                    .withBaseUrl(server.uri("/v1")).withApiKey(new Secret(KEY, "$OPENAI_API_KEY")).withReadTimeout(Duration.ofMillis(700));
            redactor.register(settings.apiKey().orElseThrow());
            var throttle = ProviderThrottle.perMinute(OptionalLong.of(600), OptionalLong.empty());
            var author = ModelAuthors.http(ModelRef.parse("openai:gpt-4.1"), settings, PriceTable.defaults(), throttle, redactor, Clock.systemUTC());
            var h = new EngineHarness(data, store, new RetryOptions(10, Duration.ofMillis(200), 2.0, Duration.ofSeconds(10), 0.2),
                    new CircuitOptions(5, Duration.ofSeconds(30), Duration.ofMinutes(5)));
            var spec = new dev.scenarist.core.campaign.CampaignSpec("t", 1, "openai:gpt-4.1", 0, 1, dev.scenarist.core.campaign.CampaignBudget.UNLIMITED,
                    new dev.scenarist.core.engine.StageSettings(ModelSettings.DEFAULTS, Map.of()), Map.of());
            var campaign = h.runner.create(spec, pack);

            var report = h.runner.run(campaign.id(), pack, author, throttle);

            assertThat(report.accepted()).isEqualTo(1);
            var run = store.runs().byCampaign(campaign.id()).getFirst();
            assertThat(run.state()).isEqualTo(RunState.ACCEPTED);

            List<AuthorCallRecord> calls = store.runs().authorCalls(run.id());
            assertThat(calls).extracting(c -> c.outcome().label())
                    .containsExactly("transient", "transient", "transient", "transient", "transient", "transient", "transient", "ok", "ok", "ok");
            assertThat(report.infraRetries()).isEqualTo(7);

            List<AttemptRecord> attempts = store.runs().attempts(run.id());
            assertThat(attempts).extracting(AttemptRecord::stageAttempt).containsExactly(1, 2, 3);
            assertThat(attempts).extracting(AttemptRecord::verdict).containsExactly(AttemptVerdict.FAILED, AttemptVerdict.FAILED, AttemptVerdict.PASSED);
            assertThat(attempts.get(0).findings()).extracting(f -> f.code()).containsExactly("NO_ARTIFACT");
            assertThat(attempts.get(1).findings()).extracting(f -> f.code()).containsExactly("NO_ARTIFACT");
            assertThat(server.requests().get(9).body()).as("the third attempt's prompt carries the feedback").contains("NO_ARTIFACT");

            assertThat(h.sleeps).as("the server's Retry-After was honoured").anySatisfy(d -> assertThat(d).isGreaterThanOrEqualTo(Duration.ofSeconds(2)));
            assertThat(h.events).anySatisfy(e -> assertThat(e).isInstanceOf(dev.scenarist.core.events.ScenaristEvent.CircuitChanged.class));

            Usage one = calls.get(9).usage();
            assertThat(one.inputTokens() + one.cacheReadTokens()).isEqualTo(2406);
            assertThat(one.cacheReadTokens()).isEqualTo(2048);
            assertThat(one.outputTokens()).isEqualTo(38);
            assertThat(one.costUsd()).isEqualTo(PriceTable.defaults().cost("gpt-4.1", one.withCost(0)).costUsd());
            Usage total = calls.stream().map(AuthorCallRecord::usage).reduce(Usage.ZERO, Usage::plus);
            assertThat(report.usage().totalTokens()).isEqualTo(total.totalTokens()).isEqualTo(3 * one.totalTokens());
            assertThat(report.usage().costUsd()).isCloseTo(3 * one.costUsd(), org.assertj.core.data.Offset.offset(1e-12));

            assertThat(server.requests()).allSatisfy(r -> assertThat(r.header("Authorization")).contains("Bearer " + KEY));
        }
        try (Stream<Path> files = Files.walk(data)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1))
                        .as("the API key never reaches %s", f).doesNotContain(KEY);
            }
        }
    }
}
