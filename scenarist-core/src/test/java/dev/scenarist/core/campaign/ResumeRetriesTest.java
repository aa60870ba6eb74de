package dev.scenarist.core.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.core.author.Author;
import dev.scenarist.core.author.AuthorReply;
import dev.scenarist.core.author.AuthorRequest;
import dev.scenarist.core.author.PermanentAuthorException;
import dev.scenarist.core.engine.StageSettings;
import dev.scenarist.core.model.RunState;
import dev.scenarist.core.model.Usage;
import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.FileFormat;
import dev.scenarist.core.pack.OutputFile;
import dev.scenarist.core.pack.Stage;
import dev.scenarist.core.pack.StagePolicy;
import dev.scenarist.core.store.RunRecord;
import dev.scenarist.core.testing.EngineHarness;
import dev.scenarist.core.testing.TestChecks;
import dev.scenarist.core.testing.TestPack;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resuming a campaign retries the runs that ended without a verdict (failed_infra, budget) as the same runs. */
class ResumeRetriesTest {
    @TempDir
    Path data;

    final TestPack pack = TestPack.named("t").stage(new Stage.AuthorStage("draft", "Write a.txt.", StagePolicy.editing("a.txt"),
            List.of(OutputFile.required("a.txt", FileFormat.TEXT, "")), List.of(TestChecks.contains("ok", Check.TIER_PARSE, "a.txt", "ok"))))
            .build();

    /** Refuses every call with a bad key until {@code fixed} is set, as a provider does until the key is corrected. */
    static Author badKeyUntil(AtomicBoolean fixed) {
        return new Author() {
            @Override
            public String id() {
                return "keyed";
            }

            @Override
            public AuthorReply reply(AuthorRequest r) throws PermanentAuthorException {
                if (!fixed.get()) throw new PermanentAuthorException("HTTP 401: invalid API key; set OPENAI_API_KEY");
                return new AuthorReply("<file path=\"a.txt\">\nok case " + r.seed() + " " + "x".repeat((int) r.seed() * 13) + "\n</file>",
                        Usage.tokens(10, 5), "m", Duration.ofMillis(1));
            }
        };
    }

    @Test
    void runsThatEndedFailedInfraAreRetriedOnResumeAndAcceptedOnceTheCauseIsFixedWithoutNewRuns() throws Exception {
        var h = new EngineHarness(data);
        var fixed = new AtomicBoolean();
        var spec = new CampaignSpec("t", 2, "keyed", 0, 2, new CampaignBudget(OptionalInt.of(2), OptionalLong.empty(), OptionalDouble.empty(),
                Optional.empty()), StageSettings.NONE, Map.of());
        var c = h.runner.create(spec, pack);

        var first = h.runner.run(c.id(), pack, badKeyUntil(fixed));
        assertThat(first.failedInfra()).isEqualTo(2);
        assertThat(first.lastInfraError()).hasValueSatisfying(e -> assertThat(e).contains("HTTP 401"));
        List<String> runIds = h.store.runs().byCampaign(c.id()).stream().map(RunRecord::id).toList();

        fixed.set(true);
        var resumed = h.runner.resume(c.id(), pack, badKeyUntil(fixed));

        assertThat(resumed.accepted()).isEqualTo(2);
        assertThat(resumed.failedInfra()).isZero();
        assertThat(resumed.status()).isEqualTo("completed");
        assertThat(h.store.runs().byCampaign(c.id())).as("the same two runs, within max_runs 2")
                .extracting(RunRecord::id).containsExactlyInAnyOrderElementsOf(runIds);
        assertThat(h.store.runs().byCampaign(c.id())).allMatch(r -> r.state() == RunState.ACCEPTED);
    }

    @Test
    void runsStoppedByTheBudgetContinueWhenTheCapIsRaised() throws Exception {
        var h = new EngineHarness(data);
        var fixed = new AtomicBoolean(true);
        var spec = new CampaignSpec("t", 2, "keyed", 0, 1, new CampaignBudget(OptionalInt.empty(), OptionalLong.of(15), OptionalDouble.empty(),
                Optional.empty()), StageSettings.NONE, Map.of());
        var c = h.runner.create(spec, pack);

        var first = h.runner.run(c.id(), pack, badKeyUntil(fixed));
        assertThat(first.accepted()).isEqualTo(1);
        assertThat(first.stopReason()).startsWith("budget: max_tokens 15 reached");
        assertThat(h.runner.resume(c.id(), pack, badKeyUntil(fixed)).stopReason())
                .as("resumed without raising the cap: stopped again at once").startsWith("budget: max_tokens 15 reached");

        h.runner.updateBudget(c.id(), CampaignBudget.UNLIMITED);
        var resumed = h.runner.resume(c.id(), pack, badKeyUntil(fixed));

        assertThat(resumed.accepted()).isEqualTo(2);
        assertThat(resumed.runs()).isEqualTo(2);
    }
}
