package dev.scenarist.core.campaign;

import dev.scenarist.core.campaign.internal.CampaignRunner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scenarist.core.author.Author;
import dev.scenarist.core.author.AuthorReply;
import dev.scenarist.core.author.AuthorRequest;
import dev.scenarist.core.author.Throttle;
import dev.scenarist.core.engine.EngineServices;
import dev.scenarist.core.engine.StageSettings;
import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.model.RejectReason;
import dev.scenarist.core.model.RunState;
import dev.scenarist.core.model.Usage;
import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.FileFormat;
import dev.scenarist.core.pack.OutputFile;
import dev.scenarist.core.pack.Pack;
import dev.scenarist.core.pack.Stage;
import dev.scenarist.core.pack.StagePolicy;
import dev.scenarist.core.pack.ValidationTarget;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The front door: resuming a run (from a stage) and validating go through the same engine as generating. */
class CampaignsTest {
    @TempDir
    Path data;

    /** Two stages: draft writes a.txt, polish writes b.txt and must see draft's a.txt still there (reused, not redone). */
    static TestPack twoStages(String definition) {
        return TestPack.named("t").definition(definition)
                .stage(new Stage.AuthorStage("draft", "Write a.txt.", StagePolicy.editing("a.txt"),
                        List.of(OutputFile.required("a.txt", FileFormat.TEXT, "")), List.of(TestChecks.contains("draft-ok", Check.TIER_PARSE, "a.txt", "ok"))))
                .stage(new Stage.AuthorStage("polish", "Write b.txt.", StagePolicy.editing("b.txt"),
                        List.of(OutputFile.required("b.txt", FileFormat.TEXT, "")),
                        List.of(TestChecks.contains("polish-ok", Check.TIER_PARSE, "b.txt", "good"),
                                TestChecks.contains("draft-kept", Check.TIER_PARSE, "a.txt", "ok draft"))))
                .build();
    }

    /** Draft is always fine; polish writes {@code polish} (a reply that fails its check unless it holds "good"). */
    static final class TwoStageAuthor implements Author {
        final List<String> stages = new CopyOnWriteArrayList<>();
        final List<String> bySeed = new CopyOnWriteArrayList<>();
        volatile String polish = "good polish";
        /** Polish's provider refuses every call (a bad key) while set: the run ends failed_infra after draft committed. */
        volatile boolean polishDown;

        @Override
        public String id() {
            return "scripted";
        }

        @Override
        public AuthorReply reply(AuthorRequest r) throws dev.scenarist.core.author.PermanentAuthorException {
            stages.add(r.stage());
            bySeed.add(r.seed() + ":" + r.stage());
            if (polishDown && r.stage().equals("polish")) throw new dev.scenarist.core.author.PermanentAuthorException("HTTP 401: bad key");
            String file = r.stage().equals("draft") ? "<file path=\"a.txt\">\nok draft\n</file>" : "<file path=\"b.txt\">\n" + polish + "\n</file>";
            return new AuthorReply(file, Usage.tokens(10, 5), "m", Duration.ofMillis(1));
        }

        long calls(String stage) {
            return stages.stream().filter(stage::equals).count();
        }

        /** Calls for one run (its seed). */
        long calls(RunRecord run, String stage) {
            return bySeed.stream().filter((run.seed() + ":" + stage)::equals).count();
        }
    }

    static Campaigns facade(EngineServices services, Pack pack, Author author) {
        return new Campaigns(services, name -> pack, Campaigns.MachineCheck.NONE, (spec, p, settings) -> new AuthorProvider.Ready(author, Throttle.NONE));
    }

    static CampaignSpec spec(CampaignBudget budget) {
        return new CampaignSpec("t", 1, "scripted", 0, 1, budget, StageSettings.NONE, Map.of());
    }

    static CampaignBudget maxTokens(long n) {
        return new CampaignBudget(OptionalInt.empty(), OptionalLong.of(n), OptionalDouble.empty(), Optional.empty());
    }

    @Test
    void resumeRunContinuesFromTheLastCommittedAttemptUnderTheCampaignsRemainingBudget() throws Exception {
        var h = new EngineHarness(data);
        var pack = twoStages("v1");
        var author = new TwoStageAuthor();
        author.polishDown = true;
        var campaigns = facade(h.services, pack, author);
        var c = campaigns.create(spec(new CampaignBudget(OptionalInt.of(1), OptionalLong.empty(), OptionalDouble.empty(), Optional.empty())), pack);
        campaigns.run(c.id(), pack, author, Throttle.NONE);
        RunRecord run = h.store.runs().byCampaign(c.id()).getFirst();
        assertThat(run.state()).isEqualTo(RunState.FAILED_INFRA);
        assertThat(run.progress().stageIndex()).as("draft committed").isEqualTo(1);
        author.polishDown = false;

        // a cap of 15 tokens, which draft already spent: the resumed run is refused before its first call, as in the campaign
        var again = campaigns.resumeRun(new Campaigns.ResumeRun(run.id(), Optional.empty(), tokens(15)));
        assertThat(again.run().state()).isEqualTo(RunState.REJECTED);
        assertThat(again.run().rejectReason()).contains(RejectReason.BUDGET);
        assertThat(again.budgetStop()).as("a hint names the cap").isPresent();
        assertThat(author.calls("polish")).as("only the refused call of the first session").isEqualTo(1);

        // the cap raised in the same request: polish runs, draft is not asked again, the run is accepted into the catalog
        var done = campaigns.resumeRun(new Campaigns.ResumeRun(run.id(), Optional.empty(), tokens(100)));
        assertThat(done.accepted()).as(done.run().detail()).isTrue();
        assertThat(done.alreadyAccepted()).isFalse();
        assertThat(author.calls("draft")).as("draft reused from its committed attempt").isEqualTo(1);
        assertThat(author.calls("polish")).isEqualTo(2);
        assertThat(h.store.catalog().byCampaign(c.id())).hasSize(1);
        assertThat(CampaignRunner.specOf(h.store.campaigns().find(c.id()).orElseThrow()).budget().maxTokens()).hasValue(100);
        assertThat(h.store.runs().find(run.id()).orElseThrow().progress().usage().totalTokens()).as("accounted on the run").isEqualTo(30);

        var twice = campaigns.resumeRun(new Campaigns.ResumeRun(run.id(), Optional.empty(), CapChange.NONE));
        assertThat(twice.alreadyAccepted()).isTrue();
        assertThat(author.stages).hasSize(3);
    }

    static CapChange tokens(long n) {
        return new CapChange(OptionalInt.empty(), OptionalLong.of(n), OptionalDouble.empty(), Optional.empty());
    }

    @Test
    void resumeRunFromAStageReRunsThatStageReusingEarlierStages() throws Exception {
        var h = new EngineHarness(data);
        var pack = twoStages("v1");
        var author = new TwoStageAuthor();
        author.polish = "bad polish";
        var campaigns = facade(h.services, pack, author);
        var c = campaigns.create(spec(CampaignBudget.UNLIMITED), pack);
        campaigns.run(c.id(), pack, author, Throttle.NONE);
        RunRecord run = h.store.runs().byCampaign(c.id()).getFirst();
        assertThat(run.state()).as("polish never passed its check").isEqualTo(RunState.REJECTED);
        long polishCalls = author.calls(run, "polish");
        assertThat(polishCalls).isPositive();
        assertThat(author.calls(run, "draft")).isEqualTo(1);

        author.polish = "good polish";
        var done = campaigns.resumeRun(new Campaigns.ResumeRun(run.id(), Optional.of("polish"), CapChange.NONE));

        assertThat(done.accepted()).as(done.run().detail()).isTrue();
        assertThat(author.calls(run, "draft")).as("draft's output reused from disk, not asked again").isEqualTo(1);
        assertThat(author.calls(run, "polish")).isEqualTo(polishCalls + 1);
        assertThat(h.store.catalog().byCampaign(c.id())).hasSize(1);
    }

    @Test
    void resumeRunRefusesAChangedPackAndAnUnknownRunOrStage() throws Exception {
        var h = new EngineHarness(data);
        var pack = twoStages("v1");
        var author = new TwoStageAuthor();
        author.polish = "bad polish";
        var c = facade(h.services, pack, author).create(spec(CampaignBudget.UNLIMITED), pack);
        facade(h.services, pack, author).run(c.id(), pack, author, Throttle.NONE);
        String runId = h.store.runs().byCampaign(c.id()).getFirst().id();

        assertThatThrownBy(() -> facade(h.services, twoStages("v2"), author).resumeRun(new Campaigns.ResumeRun(runId, Optional.empty(), CapChange.NONE)))
                .isInstanceOf(CampaignMismatchException.class).hasMessageContaining("changed since run " + runId);
        assertThatThrownBy(() -> facade(h.services, pack, author).resumeRun(new Campaigns.ResumeRun("run-nope", Optional.empty(), CapChange.NONE)))
                .isInstanceOf(CampaignRequestException.class).hasMessageContaining("no run run-nope");
        assertThatThrownBy(() -> facade(h.services, pack, author).resumeRun(new Campaigns.ResumeRun(runId, Optional.of("nope"), CapChange.NONE)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no stage 'nope'");
    }

    @Test
    void resumeCampaignKeepsTheCampaignsAuthorAndRetriesItsRunAsTheSameRun() throws Exception {
        var h = new EngineHarness(data);
        var pack = twoStages("v1");
        var author = new TwoStageAuthor();
        author.polishDown = true;
        var campaigns = facade(h.services, pack, author);
        var c = campaigns.create(spec(new CampaignBudget(OptionalInt.of(1), OptionalLong.empty(), OptionalDouble.empty(), Optional.empty())), pack);
        campaigns.run(c.id(), pack, author, Throttle.NONE);
        author.polishDown = false;

        assertThatThrownBy(() -> campaigns.resumeCampaign(new Campaigns.ResumeCampaign(c.id(), Optional.of("other"), CapChange.NONE, x -> {})))
                .isInstanceOf(CampaignRequestException.class).hasMessageContaining("started with author 'scripted'");
        var started = new AtomicInteger();
        var report = campaigns.resumeCampaign(new Campaigns.ResumeCampaign(c.id(), Optional.of("scripted"), CapChange.NONE,
                x -> started.incrementAndGet()));
        assertThat(started).hasValue(1);
        assertThat(report.accepted()).isEqualTo(1);
        assertThat(h.store.runs().byCampaign(c.id())).hasSize(1);
        assertThat(author.calls("draft")).isEqualTo(1);
    }

    // --- validate ---

    static TestPack withChecks(List<Check> checks) {
        return TestPack.named("v").stage(new Stage.AuthorStage("draft", "Write a.txt.", StagePolicy.editing("a.txt"),
                List.of(OutputFile.required("a.txt", FileFormat.TEXT, "")), checks)).build();
    }

    Path scenario() throws Exception {
        Path dir = Files.createDirectories(data.resolve("scenario"));
        Files.writeString(dir.resolve("a.txt"), "hello\n");
        return dir;
    }

    static EngineServices redacting(EngineServices s) {
        return s.redacting(text -> text.replace("sk-secret", "[redacted]"));
    }

    @Test
    void anErroredCheckIsNotJudgedAfterTheEnginesRetriesAndItsErrorIsRedacted() throws Exception {
        var h = new EngineHarness(data);
        var tries = new AtomicInteger();
        var pack = withChecks(List.of(
                TestChecks.of("flaky", Check.TIER_PARSE, ctx -> {
                    tries.incrementAndGet();
                    return CheckResult.errored("process died (key sk-secret)");
                }),
                TestChecks.of("needs-tool", Check.TIER_PARSE, ctx -> CheckResult.unavailable("bwrap not found")),
                TestChecks.contains("hello", Check.TIER_PARSE, "a.txt", "hello")));
        var report = facade(redacting(h.services), pack, new TwoStageAuthor())
                .validate(new Validation.Request(pack, scenario(), new ValidationTarget(Optional.empty(), List.of()), "offline"));

        assertThat(report.checks()).extracting(Validation.CheckOutcome::check, Validation.CheckOutcome::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("flaky", Validation.Status.NOT_JUDGED),
                org.assertj.core.groups.Tuple.tuple("hello", Validation.Status.PASSED),
                org.assertj.core.groups.Tuple.tuple("needs-tool", Validation.Status.NOT_JUDGED));
        assertThat(tries).as("a transient error is retried as the engine retries it").hasValue(h.services.retry().maxRetries() + 1);
        assertThat(h.sleeps).as("with the engine's backoff; the permanent one is not retried").hasSize(h.services.retry().maxRetries());
        assertThat(report.checks().getFirst().error()).hasValue("process died (key [redacted])");
        assertThat(report.verdict()).isInstanceOf(ValidationVerdict.NotJudged.class);
        assertThat(report.verdict().exitCode()).isEqualTo(4);
        assertThat(Files.readString(data.resolve("scenario/a.txt"))).isEqualTo("hello\n");
    }

    @Test
    void checksRunCheapestTierFirstAndTheGateModeStopsAtTheFirstFailingTier() throws Exception {
        var h = new EngineHarness(data);
        var expensiveRan = new AtomicBoolean();
        List<String> order = new CopyOnWriteArrayList<>();
        var pack = withChecks(List.of(
                TestChecks.of("expensive", Check.TIER_EXPENSIVE, ctx -> {
                    expensiveRan.set(true);
                    order.add("expensive");
                    return CheckResult.passed();
                }),
                TestChecks.of("parse", Check.TIER_PARSE, ctx -> {
                    order.add("parse");
                    return CheckResult.failed(Finding.error("BAD", "does not parse", "a.txt", "fix it"));
                })));
        var campaigns = facade(h.services, pack, new TwoStageAuthor());
        var target = new ValidationTarget(Optional.empty(), List.of());

        var gate = campaigns.validate(new Validation.Request(pack, scenario(), target, "offline", Validation.Tiers.UNTIL_FIRST_FAILURE));
        assertThat(expensiveRan).as("no point simulating a file that does not parse").isFalse();
        assertThat(gate.checks()).extracting(Validation.CheckOutcome::check, Validation.CheckOutcome::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("parse", Validation.Status.FAILED),
                org.assertj.core.groups.Tuple.tuple("expensive", Validation.Status.NOT_RUN));
        assertThat(gate.verdict()).isEqualTo(new ValidationVerdict.Invalid(1, List.of()));

        var all = campaigns.validate(new Validation.Request(pack, scenario(), target, "offline"));
        assertThat(order).containsExactly("parse", "parse", "expensive");
        assertThat(all.checks()).extracting(Validation.CheckOutcome::status).containsExactly(Validation.Status.FAILED, Validation.Status.PASSED);
        assertThat(all.verdict().label()).isEqualTo("invalid");
    }

    @Test
    void aJudgeWhoseCriticCannotBeBuiltIsNotJudgedAtOnce() throws Exception {
        var h = new EngineHarness(data);
        var pack = withChecks(List.of(TestChecks.of("judge", Check.TIER_EXPENSIVE, ctx -> {
            try {
                ctx.critic().ask("judge:x", "sys", "prompt");
                return CheckResult.passed();
            } catch (dev.scenarist.core.author.AuthorException e) {
                return CheckResult.errored("could not ask the critic: " + e.getMessage());
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        })));
        var campaigns = new Campaigns(h.services, n -> pack, Campaigns.MachineCheck.NONE, (spec, p, s) -> {
            throw new IllegalArgumentException("unknown author '" + spec + "'");
        });
        var report = campaigns.validate(new Validation.Request(pack, scenario(), new ValidationTarget(Optional.empty(), List.of()), "nope"));

        assertThat(report.checks().getFirst().status()).isEqualTo(Validation.Status.NOT_JUDGED);
        assertThat(report.checks().getFirst().error()).hasValueSatisfying(e -> assertThat(e).contains("unknown author 'nope'"));
        assertThat(h.sleeps).as("waiting does not build a critic").isEmpty();
    }
}
