package dev.scenarist.core.engine;

import dev.scenarist.core.engine.internal.RunExecutor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.core.author.Author;
import dev.scenarist.core.author.AuthorException;
import dev.scenarist.core.author.AuthorReply;
import dev.scenarist.core.author.AuthorRequest;
import dev.scenarist.core.campaign.CampaignBudget;
import dev.scenarist.core.campaign.CampaignSpec;
import dev.scenarist.core.events.ScenaristEvent;
import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.model.RejectReason;
import dev.scenarist.core.model.RunState;
import dev.scenarist.core.model.Usage;
import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.FileFormat;
import dev.scenarist.core.pack.OutputFile;
import dev.scenarist.core.pack.Stage;
import dev.scenarist.core.pack.StagePolicy;
import dev.scenarist.core.store.AttemptVerdict;
import dev.scenarist.core.store.RunRecord;
import dev.scenarist.core.testing.EngineHarness;
import dev.scenarist.core.testing.TestChecks;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Budgets are hard: reaching a cap stops the work, is never an infrastructure failure and is never retried. */
class BudgetStopTest {
    @TempDir
    Path data;

    static final CampaignBudget WALL_4S = new CampaignBudget(OptionalInt.empty(), OptionalLong.empty(), OptionalDouble.empty(),
            Optional.of(Duration.ofSeconds(4)));

    /** Asks the critic, like the YAML judge check: an author error becomes "could not judge". */
    static Check judge(boolean swallowEverything) {
        return TestChecks.of("judge", Check.TIER_EXPENSIVE, ctx -> {
            try {
                String reply = ctx.critic().ask("judge:quality", "You grade.", "Grade a.txt.");
                return reply.contains("SCORE: 1") ? CheckResult.passed(1.0) : CheckResult.errored("unreadable judge reply");
            } catch (AuthorException e) {
                return CheckResult.errored("could not ask the critic: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return CheckResult.errored("interrupted");
            } catch (RuntimeException e) {
                if (!swallowEverything) throw e;
                return CheckResult.errored("judge failed: " + e.getMessage());
            }
        });
    }

    static TestPack pack(Check check) {
        return TestPack.named("t").stage(new Stage.AuthorStage("draft", "Write a.txt.", StagePolicy.editing("a.txt"),
                List.of(OutputFile.required("a.txt", FileFormat.TEXT, "")), List.of(check))).build();
    }

    /** The draft call takes five (manual-clock) seconds, so the judge's call comes after the 4 s wall cap. */
    static Author slowDraft(EngineHarness h, AtomicInteger judgeCalls) {
        return new Author() {
            @Override
            public String id() {
                return "slow";
            }

            @Override
            public AuthorReply reply(AuthorRequest r) {
                if (r.stage().startsWith("draft:")) {
                    judgeCalls.incrementAndGet();
                    return new AuthorReply("SCORE: 1\nFEEDBACK: fine", Usage.tokens(10, 5), "m", Duration.ofMillis(1));
                }
                h.clock.advance(Duration.ofSeconds(5));
                return new AuthorReply("<file path=\"a.txt\">\ncase " + r.seed() + "\n</file>", Usage.tokens(100, 20), "m", Duration.ofMillis(1));
            }
        };
    }

    CampaignSpec spec(CampaignBudget budget) {
        return new CampaignSpec("t", 1, "slow", 0, 1, budget, StageSettings.NONE, Map.of());
    }

    @Test
    void aJudgeCheckThatHitsTheWallCapStopsTheCampaignWithTheBudgetAsReasonWithoutRetryOrInfraFailure() throws Exception {
        var h = new EngineHarness(data);
        var pack = pack(judge(false));
        var judgeCalls = new AtomicInteger();
        var c = h.runner.create(spec(WALL_4S), pack);

        var report = h.runner.run(c.id(), pack, slowDraft(h, judgeCalls));

        assertThat(report.status()).isEqualTo("stopped");
        assertThat(report.stopReason()).startsWith("budget: max_wall 4s reached");
        assertThat(report.failedInfra()).isZero();
        assertThat(report.infraRetries()).isZero();
        assertThat(judgeCalls).as("the refused judge call is never made").hasValue(0);
        assertThat(h.sleeps).as("no backoff: waiting does not give a budget back").isEmpty();
        assertThat(h.events).noneMatch(e -> e instanceof ScenaristEvent.InfraRetry);
        var run = h.store.runs().byCampaign(c.id()).getFirst();
        assertThat(run.state()).isEqualTo(RunState.REJECTED);
        assertThat(run.rejectReason()).contains(RejectReason.BUDGET);
        assertThat(run.detail()).startsWith("budget: max_wall 4s reached");
    }

    @Test
    void aRunWhoseJudgeIsRefusedCommitsTheAttemptAsBudgetStoppedAndKeepsItsUsage() throws Exception {
        var h = new EngineHarness(data);
        var pack = pack(judge(false));
        var judgeCalls = new AtomicInteger();
        var author = slowDraft(h, judgeCalls);
        var c = h.runner.create(spec(WALL_4S), pack);
        var run = RunRecord.queued("run-1", c.id(), "t", 1, 1, Map.of(), h.clock.instant());
        h.store.runs().create(run);
        // driven directly, not by the campaign loop, so nothing but the judge's refusal can stop it
        var exec = new RunExecutor(h.services, pack, author, h.runner.guardOf(c), StageSettings.NONE, h.runner.acceptance(pack.name(), 1, author.id()));

        var after = exec.execute(run.id());

        assertThat(after.state()).isEqualTo(RunState.REJECTED);
        assertThat(after.rejectReason()).contains(RejectReason.BUDGET);
        assertThat(judgeCalls).hasValue(0);
        assertThat(h.sleeps).isEmpty();
        assertThat(h.store.runs().attempts(run.id())).extracting(a -> a.verdict()).containsExactly(AttemptVerdict.BUDGET_STOPPED);
        assertThat(after.progress().usage().totalTokens()).as("the draft call made before the stop stays accounted").isEqualTo(120);
        assertThat(after.progress().stageAttempts()).as("a budget stop spends no content attempt").isZero();
        assertThat(Files.readString(data.resolve("runs").resolve(run.id()).resolve("failure").resolve("reason.json")))
                .contains("\"kind\" : \"budget\"");
    }

    @Test
    void aJudgeThatSwallowsTheBudgetStopAsCouldNotJudgeIsStillABudgetStop() throws Exception {
        var h = new EngineHarness(data);
        var pack = pack(judge(true));
        var c = h.runner.create(spec(WALL_4S), pack);

        var report = h.runner.run(c.id(), pack, slowDraft(h, new AtomicInteger()));

        assertThat(report.stopReason()).startsWith("budget: max_wall 4s reached");
        assertThat(report.failedInfra()).isZero();
        assertThat(h.sleeps).isEmpty();
        assertThat(h.store.runs().byCampaign(c.id()).getFirst().rejectReason()).contains(RejectReason.BUDGET);
    }

    @Test
    void anAuthorCallInFlightWhenTheWallCapPassesIsInterruptedAndTheRunIsStoppedByTheBudget() throws Exception {
        var h = new EngineHarness(data);
        var pack = pack(TestChecks.of("ok", Check.TIER_INSTANT, ctx -> CheckResult.passed()));
        var entered = new CountDownLatch(1);
        var interrupted = new CountDownLatch(1);
        Author hanging = new Author() {
            @Override
            public String id() {
                return "hanging";
            }

            @Override
            public AuthorReply reply(AuthorRequest r) throws InterruptedException {
                h.clock.advance(Duration.ofSeconds(5));
                entered.countDown();
                try {
                    new CountDownLatch(1).await(); // a model that never answers
                } finally {
                    interrupted.countDown();
                }
                throw new AssertionError("unreachable");
            }
        };
        var c = h.runner.create(spec(WALL_4S), pack);

        long t0 = System.nanoTime();
        var report = h.runner.run(c.id(), pack, hanging);
        long millis = (System.nanoTime() - t0) / 1_000_000;

        assertThat(interrupted.getCount()).as("the hanging call was interrupted").isZero();
        assertThat(millis).as("the campaign notices the cap within about a second").isLessThan(10_000);
        assertThat(report.stopReason()).startsWith("budget: max_wall 4s reached");
        assertThat(report.failedInfra()).isZero();
        assertThat(report.unfinished()).isZero();
        var run = h.store.runs().byCampaign(c.id()).getFirst();
        assertThat(run.state()).isEqualTo(RunState.REJECTED);
        assertThat(run.rejectReason()).contains(RejectReason.BUDGET);
    }
}
