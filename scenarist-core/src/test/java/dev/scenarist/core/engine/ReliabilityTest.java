package dev.scenarist.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.core.author.Author;
import dev.scenarist.core.author.AuthorException;
import dev.scenarist.core.author.AuthorReply;
import dev.scenarist.core.author.AuthorRequest;
import dev.scenarist.core.author.TransientAuthorException;
import dev.scenarist.core.campaign.CampaignBudget;
import dev.scenarist.core.campaign.CampaignSpec;
import dev.scenarist.core.events.ScenaristEvent;
import dev.scenarist.core.model.Usage;
import dev.scenarist.core.pack.FileFormat;
import dev.scenarist.core.pack.OutputFile;
import dev.scenarist.core.pack.Stage;
import dev.scenarist.core.pack.StagePolicy;
import dev.scenarist.core.testing.EngineHarness;
import dev.scenarist.core.testing.TestPack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's side of model reliability: circuit pauses, throttling waits, budgets enforced before a call. */
class ReliabilityTest {
    @TempDir
    Path data;

    final TestPack pack = TestPack.named("t").stage(new Stage.AuthorStage("draft", "Write a.txt.", StagePolicy.editing("a.txt"),
            List.of(OutputFile.required("a.txt", FileFormat.TEXT, "")), List.of())).build();

    /** Fails transiently {@code failures} times, then replies; priced at $0.01 per call, estimate $0.02. */
    static Author flaky(int failures, AtomicInteger calls) {
        return new Author() {
            @Override
            public String id() {
                return "flaky";
            }

            @Override
            public AuthorReply reply(AuthorRequest r) throws AuthorException {
                if (calls.incrementAndGet() <= failures) throw new TransientAuthorException("HTTP 503 service unavailable");
                return new AuthorReply("<file path=\"a.txt\">\nok " + r.seed() + "\n</file>", new Usage(100, 20, 0, 0, 0.01), "m", Duration.ofMillis(5));
            }

            @Override
            public Optional<Usage> estimate(AuthorRequest r) {
                return Optional.of(new Usage(100, 100, 0, 0, 0.02));
            }
        };
    }

    @Test
    void repeatedInfrastructureFailuresPauseTheCampaignAndItResumesWhenTheProviderIsBack() throws Exception {
        var h = new EngineHarness(data, new dev.scenarist.core.store.memory.InMemoryStore(),
                new RetryOptions(10, Duration.ofMillis(100), 2.0, Duration.ofSeconds(1), 0),
                new CircuitOptions(3, Duration.ofSeconds(30), Duration.ofMinutes(2)));
        var runner = h.runner;
        var calls = new AtomicInteger();
        var c = runner.create(EngineHarness.spec(pack, 1), pack);

        var report = runner.run(c.id(), pack, flaky(4, calls));

        assertThat(report.accepted()).isEqualTo(1);
        assertThat(report.infraRetries()).isEqualTo(4);
        assertThat(h.events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(ScenaristEvent.CircuitChanged.class,
                cc -> assertThat(cc.reason()).contains("HTTP 503")));
        var run = h.store.runs().byCampaign(c.id()).getFirst();
        String steps = Files.readString(data.resolve("runs").resolve(run.id()).resolve("steps.jsonl"));
        assertThat(steps).contains("\"reason\":\"backoff\"").contains("\"reason\":\"circuit open\"");
        assertThat(h.sleeps).as("backoff first, then the rest of the 30 s pause").anySatisfy(d -> assertThat(d).isGreaterThan(Duration.ofSeconds(29)));
    }

    @Test
    void aThrottleWaitIsRecordedInTheTrajectory() throws Exception {
        var h = new EngineHarness(data);
        var c = h.runner.create(EngineHarness.spec(pack, 1), pack);

        h.runner.run(c.id(), pack, flaky(0, new AtomicInteger()), (req, est) -> Duration.ofMillis(1500));

        var run = h.store.runs().byCampaign(c.id()).getFirst();
        assertThat(Files.readString(data.resolve("runs").resolve(run.id()).resolve("steps.jsonl")))
                .contains("{\"millis\":1500,\"reason\":\"rate limit\"}");
    }

    @Test
    void aCostBudgetRefusesTheCallThatWouldCrossItBeforeItIsMade() throws Exception {
        var h = new EngineHarness(data);
        var calls = new AtomicInteger();
        // each call costs $0.01 but may cost up to $0.02; with $0.035, the fourth call could cross the cap
        var spec = new CampaignSpec("t", 10, "flaky", 0, 1, new CampaignBudget(OptionalInt.empty(), OptionalLong.empty(),
                OptionalDouble.of(0.035), Optional.empty()), StageSettings.NONE, Map.of());
        var c = h.runner.create(spec, pack);

        var report = h.runner.run(c.id(), pack, flaky(0, calls));

        assertThat(calls).hasValue(2);
        assertThat(report.usage().costUsd()).isLessThanOrEqualTo(0.035);
        assertThat(report.status()).isEqualTo("stopped");
        assertThat(report.stopReason()).startsWith("budget: max_cost");
    }
}
