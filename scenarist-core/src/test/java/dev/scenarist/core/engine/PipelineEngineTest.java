package dev.scenarist.core.engine;

import dev.scenarist.core.engine.internal.RunExecutor;
import dev.scenarist.core.engine.internal.RunRewinder;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.core.author.PermanentAuthorException;
import dev.scenarist.core.author.TransientAuthorException;
import dev.scenarist.core.campaign.CampaignBudget;
import dev.scenarist.core.campaign.CampaignReport;
import dev.scenarist.core.campaign.CampaignSpec;
import dev.scenarist.core.catalog.UniquenessGate;
import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.model.Json;
import dev.scenarist.core.model.RejectReason;
import dev.scenarist.core.model.RunState;
import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.FileFormat;
import dev.scenarist.core.pack.GateDecision;
import dev.scenarist.core.pack.OutputFile;
import dev.scenarist.core.pack.Stage;
import dev.scenarist.core.pack.StagePolicy;
import dev.scenarist.core.store.AttemptRecord;
import dev.scenarist.core.store.AttemptVerdict;
import dev.scenarist.core.store.RunRecord;
import dev.scenarist.core.testing.EngineHarness;
import dev.scenarist.core.testing.ScriptedAuthor;
import dev.scenarist.core.testing.TestChecks;
import dev.scenarist.core.testing.TestPack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineEngineTest {
    @TempDir
    Path data;

    static Stage.AuthorStage draft(Check... checks) {
        return new Stage.AuthorStage("draft", "Write a.txt about case {{n}}.", StagePolicy.editing("a.txt"),
                List.of(OutputFile.required("a.txt", FileFormat.TEXT, "the scenario")), List.of(checks));
    }

    static String file(String path, String body) {
        return "Here you go.\n<file path=\"" + path + "\">\n" + body + "\n</file>\nThanks.";
    }

    /** Distinct content per run so the uniqueness gate lets them through. */
    static String uniqueA(dev.scenarist.core.author.AuthorRequest r) {
        return file("a.txt", "ok case " + r.seed() + " " + "alpha beta gamma delta".split(" ")[(int) (r.seed() % 4)] + " zeta" + r.seed() * 7919);
    }

    @Test
    void aPassingPipelineAcceptsTheScenarioWithManifestSnapshotsAndTrajectory() throws Exception {
        var pack = TestPack.named("t").stage(draft(TestChecks.contains("has-ok", Check.TIER_PARSE, "a.txt", "ok")))
                .stage(new Stage.ReviewStage("review", "Review it.", StagePolicy.readOnly()))
                .stage(new Stage.GateStage("unique", new UniquenessGate(0.85))).build();
        var author = new ScriptedAuthor().always("draft", PipelineEngineTest::uniqueA).on("review", "Looks fine; tighten the wording.");
        var h = new EngineHarness(data);

        CampaignReport report = h.generate(EngineHarness.spec(pack, 1), pack, author);

        assertThat(report.accepted()).isEqualTo(1);
        assertThat(report.status()).isEqualTo("completed");
        var scenario = report.scenarios().getFirst();
        Path dir = data.resolve(scenario.path());
        assertThat(dir.resolve("a.txt")).content().startsWith("ok case 1");
        Map<?, ?> manifest = Json.read(Files.readString(dir.resolve("manifest.json")), Map.class);
        assertThat(manifest.get("pack")).isEqualTo("t");
        assertThat(manifest.get("seed")).isEqualTo(1);
        assertThat(((Map<?, ?>) manifest.get("lineage")).get("author")).isEqualTo("scripted");
        assertThat((String) manifest.get("content_hash")).hasSize(64);
        RunRecord run = h.store.runs().byCampaign(report.campaignId()).getFirst();
        Path runDir = data.resolve("runs").resolve(run.id());
        assertThat(runDir.resolve("snapshots/01-draft/a.txt")).exists();
        assertThat(runDir.resolve("snapshots/02-review")).isDirectory();
        assertThat(Files.readAllLines(runDir.resolve("steps.jsonl"))).hasSize(3);
        assertThat(run.progress().trajectoryBytes()).isEqualTo(Files.size(runDir.resolve("steps.jsonl")));
    }

    @Test
    void aFailedCheckFeedsItsFindingsIntoTheNextAttemptsPrompt() throws Exception {
        var pack = TestPack.named("t").stage(draft(TestChecks.contains("has-ok", Check.TIER_PARSE, "a.txt", "ok"))).build();
        var author = new ScriptedAuthor().on("draft", file("a.txt", "nope"), file("a.txt", "ok now"));
        var h = new EngineHarness(data);

        var report = h.generate(EngineHarness.spec(pack, 1), pack, author);

        assertThat(report.accepted()).isEqualTo(1);
        var prompts = author.requests("draft");
        assertThat(prompts).hasSize(2);
        assertThat(prompts.get(0).prompt()).doesNotContain("Feedback");
        assertThat(prompts.get(1).prompt()).contains("attempt 1 of 3 failed")
                .contains("MISSING_TEXT at a.txt: a.txt must contain 'ok'").contains("<file path=\"a.txt\">\nnope");
        var stats = report.stages().getFirst();
        assertThat(stats.attempts()).isEqualTo(2);
        assertThat(stats.firstAttemptPassRate()).isZero();
    }

    @Test
    void proseInsteadOfTheArtifactFailsAtOnceWithCorrectiveFeedbackAndRunsNoCheck() throws Exception {
        AtomicInteger checkRuns = new AtomicInteger();
        var pack = TestPack.named("t").stage(draft(TestChecks.of("count", 0, c -> {
            checkRuns.incrementAndGet();
            return CheckResult.passed();
        }))).build();
        var author = new ScriptedAuthor().on("draft", "I think the scenario should be about a cat.", file("a.txt", "ok cat"));
        var h = new EngineHarness(data);

        h.generate(EngineHarness.spec(pack, 1), pack, author);

        assertThat(checkRuns).hasValue(1);
        assertThat(author.requests("draft").get(1).prompt()).contains("NO_ARTIFACT");
    }

    @Test
    void anEditOutsideThePolicyIsRevertedAndReportedAsAFinding() throws Exception {
        var pack = TestPack.named("t").stage(draft()).build();
        var author = new ScriptedAuthor().on("draft", file("a.txt", "ok") + file("../../etc/passwd", "x") + file("b.txt", "sneaky"),
                file("a.txt", "ok"));
        var h = new EngineHarness(data);

        var report = h.generate(EngineHarness.spec(pack, 1), pack, author);

        assertThat(report.accepted()).isEqualTo(1);
        Path dir = data.resolve(report.scenarios().getFirst().path());
        assertThat(dir.resolve("b.txt")).doesNotExist();
        var run = h.store.runs().byCampaign(report.campaignId()).getFirst();
        var first = h.store.runs().attempts(run.id()).getFirst();
        assertThat(first.findings()).extracting(f -> f.code()).containsAnyOf("BAD_PATH", "EDIT_OUTSIDE_POLICY");
    }

    @Test
    void checksRunCheapestTierFirstAndStopAfterTheFirstFailingTier() throws Exception {
        AtomicInteger expensive = new AtomicInteger();
        var pack = TestPack.named("t").stage(draft(
                TestChecks.contains("parse", Check.TIER_PARSE, "a.txt", "ok"),
                TestChecks.of("simulate", Check.TIER_EXPENSIVE, c -> {
                    expensive.incrementAndGet();
                    return CheckResult.passed();
                }))).build();
        var author = new ScriptedAuthor().on("draft", file("a.txt", "bad"), file("a.txt", "ok"));
        var h = new EngineHarness(data);

        h.generate(EngineHarness.spec(pack, 1), pack, author);

        assertThat(expensive).as("the expensive tier runs only for the attempt whose parse tier passed").hasValue(1);
    }

    @Test
    void exhaustingTheAttemptsRejectsTheRunAndKeepsTheFailureContext() throws Exception {
        var stage = new Stage.AuthorStage("draft", "Write.", StagePolicy.editing("a.txt").withMaxAttempts(2),
                List.of(OutputFile.required("a.txt", FileFormat.TEXT, "")), List.of(TestChecks.contains("ok", Check.TIER_PROCESS, "a.txt", "ok")));
        var pack = TestPack.named("t").stage(stage).build();
        var author = new ScriptedAuthor().on("draft", file("a.txt", "never"));
        var h = new EngineHarness(data);
        var spec = new CampaignSpec("t", 1, "scripted", 0, 1, new CampaignBudget(OptionalInt.of(2), OptionalLong.empty(),
                java.util.OptionalDouble.empty(), Optional.empty()), StageSettings.NONE, Map.of());

        var report = h.generate(spec, pack, author);

        assertThat(report.accepted()).isZero();
        assertThat(report.status()).isEqualTo("stopped");
        assertThat(report.stopReason()).contains("budget: max_runs 2 reached (2");
        assertThat(report.rejectedByReason()).containsEntry("checks_exhausted", 2);
        RunRecord run = h.store.runs().byCampaign(report.campaignId()).getFirst();
        assertThat(run.state()).isEqualTo(RunState.REJECTED);
        assertThat(run.detail()).contains("failed its checks 2 times");
        Path failure = data.resolve("runs").resolve(run.id()).resolve("failure");
        assertThat(failure.resolve("workspace/a.txt")).content().contains("never");
        assertThat(failure.resolve("reason.json")).content().contains("\"kind\" : \"runtime_error\"");
    }

    @Test
    void infrastructureFailuresAreRetriedWithBackoffAndSpendNoContentAttempt() throws Exception {
        var pack = TestPack.named("t").stage(draft()).build();
        ScriptedAuthor.Step rateLimited = r -> {
            throw new TransientAuthorException("HTTP 429 rate limited", Optional.of(Duration.ofSeconds(7)), null);
        };
        var flaky = new ScriptedAuthor().onCall("draft", rateLimited).onCall("draft", rateLimited).onCall("draft", rateLimited)
                .on("draft", file("a.txt", "ok"));
        var h = new EngineHarness(data);

        var report = h.generate(EngineHarness.spec(pack, 1), pack, flaky);

        assertThat(report.accepted()).isEqualTo(1);
        assertThat(report.infraRetries()).isEqualTo(3);
        assertThat(h.sleeps).hasSize(3).allSatisfy(d -> assertThat(d).isGreaterThanOrEqualTo(Duration.ofSeconds(7)));
        var attempts = h.store.runs().attemptsOfCampaign(report.campaignId());
        assertThat(attempts).singleElement().satisfies(a -> {
            assertThat(a.stageAttempt()).isEqualTo(1);
            assertThat(a.verdict()).isEqualTo(AttemptVerdict.PASSED);
        });
        var run = h.store.runs().byCampaign(report.campaignId()).getFirst();
        assertThat(h.store.runs().authorCalls(run.id())).extracting(c -> c.outcome().label()).containsExactly("transient", "transient", "transient", "ok");
    }

    @Test
    void aPermanentAuthorFailureEndsTheRunAsFailedInfraNotAsABadScenario() throws Exception {
        var pack = TestPack.named("t").stage(draft()).build();
        var author = new ScriptedAuthor().onCall("draft", r -> {
            throw new PermanentAuthorException("HTTP 401: invalid API key");
        });
        var h = new EngineHarness(data);
        var spec = new CampaignSpec("t", 1, "scripted", 0, 1, new CampaignBudget(OptionalInt.of(1), OptionalLong.empty(),
                java.util.OptionalDouble.empty(), Optional.empty()), StageSettings.NONE, Map.of());

        var report = h.generate(spec, pack, author);

        assertThat(report.failedInfra()).isEqualTo(1);
        assertThat(report.rejected()).isZero();
        RunRecord run = h.store.runs().byCampaign(report.campaignId()).getFirst();
        assertThat(run.state()).isEqualTo(RunState.FAILED_INFRA);
        assertThat(run.detail()).contains("invalid API key");
        assertThat(run.progress().stageAttempts()).isZero();
        assertThat(h.sleeps).isEmpty();
    }

    @Test
    void aCheckThatErrorsIsRetriedAsInfrastructure() throws Exception {
        AtomicInteger n = new AtomicInteger();
        var pack = TestPack.named("t").stage(draft(TestChecks.of("flaky-tool", Check.TIER_PROCESS,
                c -> n.incrementAndGet() < 3 ? CheckResult.errored("sqlite3 crashed with signal 9") : CheckResult.passed()))).build();
        var author = new ScriptedAuthor().on("draft", file("a.txt", "ok"));
        var h = new EngineHarness(data);

        var report = h.generate(EngineHarness.spec(pack, 1), pack, author);

        assertThat(report.accepted()).isEqualTo(1);
        assertThat(h.sleeps).hasSize(2);
        assertThat(author.requests()).hasSize(1);
    }

    @Test
    void aCheckThatCannotRunOnThisMachineIsNeverRetriedAndStopsTheCampaign() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        // what a pack returns when the sandbox throws SandboxUnavailableException (bwrap missing)
        var pack = TestPack.named("t").stage(draft(TestChecks.of("sandboxed", Check.TIER_PROCESS, c -> {
            calls.incrementAndGet();
            return CheckResult.unavailable("'bwrap' was not found; apt-get install bubblewrap");
        }))).build();
        var author = new ScriptedAuthor().always("draft", PipelineEngineTest::uniqueA);
        var h = new EngineHarness(data);

        var report = h.generate(EngineHarness.spec(pack, 3), pack, author);

        assertThat(h.sleeps).isEmpty();
        assertThat(h.events).noneMatch(e -> e instanceof dev.scenarist.core.events.ScenaristEvent.InfraRetry);
        assertThat(calls).hasValue(1);
        List<RunRecord> runs = h.store.runs().byCampaign(report.campaignId());
        assertThat(runs).singleElement().satisfies(r -> {
            assertThat(r.state()).isEqualTo(RunState.FAILED_INFRA);
            assertThat(r.detail()).contains("missing component in stage 'draft'", "apt-get install bubblewrap");
        });
        assertThat(report.status()).isEqualTo("stopped");
        assertThat(report.stopReason()).contains("apt-get install bubblewrap", "scenarist resume --campaign " + report.campaignId());
    }

    @Test
    void aRefineStageKeepsTheBestScoringVersion() throws Exception {
        Check scorer = TestChecks.of("quality", Check.TIER_EXPENSIVE, c -> {
            String a = c.workspace().read("a.txt").orElse("");
            return CheckResult.passed(a.length() / 100.0);
        });
        var refine = new Stage.RefineStage("polish", "Make it richer.", StagePolicy.editing("a.txt"),
                List.of(OutputFile.required("a.txt", FileFormat.TEXT, "")), List.of(), scorer, 3);
        var pack = TestPack.named("t").stage(draft()).stage(refine).build();
        var author = new ScriptedAuthor().on("draft", file("a.txt", "ok short"))
                .on("polish", file("a.txt", "ok much longer and better text here"), file("a.txt", "ok worse"), "prose only");
        var h = new EngineHarness(data);

        var report = h.generate(EngineHarness.spec(pack, 1), pack, author);

        assertThat(report.accepted()).isEqualTo(1);
        assertThat(data.resolve(report.scenarios().getFirst().path()).resolve("a.txt")).content().contains("much longer");
        assertThat(author.requests("polish").get(1).prompt()).contains("The best version so far scored 0.360");
        RunRecord run = h.store.runs().byCampaign(report.campaignId()).getFirst();
        assertThat(run.progress().stageOutputs().get("polish")).contains("best score 0.360");
    }

    @Test
    void aCampaignsAttemptsAndRefineRoundsReplaceThePacksOwn() throws Exception {
        Check scorer = TestChecks.of("quality", Check.TIER_EXPENSIVE, c -> CheckResult.passed(c.workspace().read("a.txt").orElse("").length() / 100.0));
        var draft = new Stage.AuthorStage("draft", "Write.", StagePolicy.editing("a.txt").withMaxAttempts(1),
                List.of(OutputFile.required("a.txt", FileFormat.TEXT, "")), List.of(TestChecks.contains("ok", Check.TIER_PROCESS, "a.txt", "ok")));
        var refine = new Stage.RefineStage("polish", "Make it richer.", StagePolicy.editing("a.txt"),
                List.of(OutputFile.required("a.txt", FileFormat.TEXT, "")), List.of(), scorer, 3);
        var pack = TestPack.named("t").stage(draft).stage(refine).build();
        // the pack allows one draft attempt; the campaign allows three, so the third reply is accepted
        var author = new ScriptedAuthor().on("draft", file("a.txt", "no"), file("a.txt", "still no"), file("a.txt", "ok now"))
                .on("polish", file("a.txt", "ok longer text"), file("a.txt", "ok never asked"));
        var h = new EngineHarness(data);
        var settings = new StageSettings(dev.scenarist.core.author.ModelSettings.DEFAULTS, Map.of(), Map.of("draft", 3), Map.of("polish", 1));
        var spec = new CampaignSpec("t", 1, "scripted", 0, 1, new CampaignBudget(OptionalInt.empty(), OptionalLong.empty(), java.util.OptionalDouble.empty(), Optional.empty()), settings, Map.of());

        var report = h.generate(spec, pack, author);

        assertThat(report.accepted()).isEqualTo(1);
        assertThat(author.requests("draft")).hasSize(3);
        assertThat(author.requests("draft").get(2).prompt()).contains("attempt 2 of 3");
        assertThat(author.requests("polish")).hasSize(1);
        assertThat(author.requests("polish").getFirst().prompt()).contains("Round 1 of 1");
    }

    @Test
    void aStoredSpecWithoutStageCountsKeepsItsFingerprint() {
        var pack = TestPack.named("t").stage(draft()).build();
        var before = new CampaignSpec("t", 1, "scripted", 0, 1, new CampaignBudget(OptionalInt.empty(), OptionalLong.empty(), java.util.OptionalDouble.empty(), Optional.empty()), StageSettings.NONE, Map.of());
        String json = dev.scenarist.core.model.Json.write(before);
        assertThat(json).doesNotContain("attempts").doesNotContain("refineRounds");
        assertThat(dev.scenarist.core.model.Json.read(json, CampaignSpec.class).fingerprint(pack)).isEqualTo(before.fingerprint(pack));
    }

    @Test
    void reviewFeedbackReachesLaterStagesPrompts() throws Exception {
        var second = new Stage.AuthorStage("more", "Add b.txt.", StagePolicy.editing("b.txt"),
                List.of(OutputFile.required("b.txt", FileFormat.TEXT, "")), List.of());
        var pack = TestPack.named("t").stage(draft()).stage(new Stage.ReviewStage("critic", "Review.", StagePolicy.readOnly()))
                .stage(second).build();
        var author = new ScriptedAuthor().on("draft", file("a.txt", "ok")).on("critic", "Name the cat.").on("more", file("b.txt", "b"));
        var h = new EngineHarness(data);

        h.generate(EngineHarness.spec(pack, 1), pack, author);

        assertThat(author.requests("more").getFirst().prompt()).contains("### critic\n\nName the cat.");
        assertThat(author.requests("critic").getFirst().system()).contains("Do not rewrite the files");
    }

    @Test
    void theUniquenessGateRejectsANearDuplicateAndTheCampaignTopsUp() throws Exception {
        var pack = TestPack.named("t").stage(draft()).stage(new Stage.GateStage("unique", new UniquenessGate(0.8))).build();
        AtomicInteger n = new AtomicInteger();
        var author = new ScriptedAuthor().always("draft", r -> n.incrementAndGet() == 2
                ? file("a.txt", "ok the very same scenario text")
                : n.get() == 1 ? file("a.txt", "ok the very same scenario text") : uniqueA(r));
        var h = new EngineHarness(data);

        var report = h.generate(EngineHarness.spec(pack, 2), pack, author);

        assertThat(report.accepted()).isEqualTo(2);
        assertThat(report.rejectedByReason()).containsEntry("duplicate", 1);
        assertThat(report.runs()).isEqualTo(3);
    }

    @Test
    void aHumanGatePausesTheRunAndResumingItApproves() throws Exception {
        var human = new dev.scenarist.core.pack.Gate() {
            @Override
            public String name() {
                return "human";
            }

            @Override
            public GateDecision decide(dev.scenarist.core.pack.GateContext context) {
                return new GateDecision.AwaitHuman("is this fair?");
            }
        };
        var pack = TestPack.named("t").stage(draft()).stage(new Stage.GateStage("approve", human)).build();
        var author = new ScriptedAuthor().on("draft", file("a.txt", "ok"));
        var h = new EngineHarness(data);
        var spec = new CampaignSpec("t", 1, "scripted", 0, 1, new CampaignBudget(OptionalInt.of(1), OptionalLong.empty(),
                java.util.OptionalDouble.empty(), Optional.empty()), StageSettings.NONE, Map.of());

        var report = h.generate(spec, pack, author);
        RunRecord run = h.store.runs().byCampaign(report.campaignId()).getFirst();
        assertThat(run.state()).isEqualTo(RunState.PAUSED);
        assertThat(run.detail()).contains("is this fair?");

        var exec = new RunExecutor(h.services, pack, author, dev.scenarist.core.campaign.internal.BudgetGuard.unlimited(java.time.Clock.systemUTC()),
                StageSettings.NONE, h.runner.acceptance(pack.name(), 1, author.id()));
        RunRecord after = exec.execute(run.id());
        assertThat(after.state()).isEqualTo(RunState.ACCEPTED);
    }

    @Test
    void aTokenBudgetStopsTheCampaignGracefully() throws Exception {
        var pack = TestPack.named("t").stage(draft(TestChecks.contains("never", 0, "a.txt", "impossible"))).build();
        var author = new ScriptedAuthor(dev.scenarist.core.model.Usage.tokens(600, 400)).always("draft", r -> file("a.txt", "x"));
        var h = new EngineHarness(data);
        var spec = new CampaignSpec("t", 3, "scripted", 0, 1, new CampaignBudget(OptionalInt.empty(), OptionalLong.of(1500),
                java.util.OptionalDouble.empty(), Optional.empty()), StageSettings.NONE, Map.of());

        var report = h.generate(spec, pack, author);

        assertThat(report.status()).isEqualTo("stopped");
        assertThat(report.stopReason()).contains("budget: max_tokens");
        assertThat(author.requests()).as("the third call would start past the cap, so it is never made").hasSize(2);
        assertThat(report.usage().totalTokens()).isEqualTo(2000);
        assertThat(report.rejectedByReason()).containsEntry("budget", 1);
    }

    @Test
    void concurrentRunsAcceptExactlyTheRequestedCount() throws Exception {
        var pack = TestPack.named("t").stage(draft()).stage(new Stage.GateStage("unique", new UniquenessGate(0.95))).build();
        var author = new ScriptedAuthor().always("draft", PipelineEngineTest::uniqueA);
        var h = new EngineHarness(data);
        var spec = new CampaignSpec("t", 12, "scripted", 100, 8, CampaignBudget.UNLIMITED, StageSettings.NONE, Map.of());

        var report = h.generate(spec, pack, author);

        assertThat(report.accepted()).isEqualTo(12);
        assertThat(h.store.catalog().byCampaign(report.campaignId())).hasSize(12);
        assertThat(Files.list(data.resolve("scenarios/t")).filter(p -> !p.getFileName().toString().startsWith("."))).hasSize(12);
    }

    @Test
    void resumingARunContinuesFromItsLastCommittedAttempt() throws Exception {
        var pack = TestPack.named("t").stage(draft(TestChecks.contains("ok", 0, "a.txt", "ok")))
                .stage(new Stage.AuthorStage("more", "b", StagePolicy.editing("b.txt"), List.of(OutputFile.required("b.txt", FileFormat.TEXT, "")), List.of()))
                .build();
        var h = new EngineHarness(data);
        var author = new ScriptedAuthor().on("draft", file("a.txt", "bad"), file("a.txt", "ok")).onCall("more", r -> {
            throw new PermanentAuthorException("server down");
        });
        var report = h.generate(EngineHarness.spec(pack, 1), pack, author);
        RunRecord run = h.store.runs().byCampaign(report.campaignId()).getFirst();
        assertThat(run.state()).isEqualTo(RunState.FAILED_INFRA);
        // simulate a crash that left an uncommitted trajectory line and a stray snapshot behind
        Path runDir = data.resolve("runs").resolve(run.id());
        Files.writeString(runDir.resolve("steps.jsonl"), "{\"torn\":", java.nio.file.StandardOpenOption.APPEND);
        Files.createDirectories(runDir.resolve("snapshots/02-more"));

        var fixed = new ScriptedAuthor().on("more", file("b.txt", "b"));
        var exec = new RunExecutor(h.services, pack, fixed, dev.scenarist.core.campaign.internal.BudgetGuard.unlimited(java.time.Clock.systemUTC()),
                StageSettings.NONE, h.runner.acceptance(pack.name(), 1, fixed.id()));
        RunRecord after = exec.execute(run.id());

        assertThat(after.state()).isEqualTo(RunState.ACCEPTED);
        assertThat(fixed.requests()).extracting(r -> r.stage()).containsExactly("more");
        List<AttemptRecord> attempts = h.store.runs().attempts(run.id());
        assertThat(attempts).extracting(AttemptRecord::seq).containsExactly(1, 2, 3, 4);
        assertThat(Files.readAllLines(runDir.resolve("steps.jsonl"))).hasSize(4).noneMatch(l -> l.contains("torn"));
        assertThat(fixed.requests().getFirst().prompt()).contains("<file path=\"a.txt\">\nok");
    }

    @Test
    void aRejectedRunRewoundToAStageReusesEarlierOutputs() throws Exception {
        var pack = TestPack.named("t").stage(draft())
                .stage(new Stage.AuthorStage("more", "b", StagePolicy.editing("b.txt").withMaxAttempts(1),
                        List.of(OutputFile.required("b.txt", FileFormat.TEXT, "")), List.of(TestChecks.contains("b", 0, "b.txt", "good"))))
                .build();
        var h = new EngineHarness(data);
        var author = new ScriptedAuthor().on("draft", file("a.txt", "ok")).on("more", file("b.txt", "bad"), file("b.txt", "good"));
        var spec = new CampaignSpec("t", 1, "scripted", 0, 1, new CampaignBudget(OptionalInt.of(1), OptionalLong.empty(),
                java.util.OptionalDouble.empty(), Optional.empty()), StageSettings.NONE, Map.of());
        var report = h.generate(spec, pack, author);
        RunRecord run = h.store.runs().byCampaign(report.campaignId()).getFirst();
        assertThat(run.rejectReason()).contains(RejectReason.CHECKS_EXHAUSTED);

        RunRecord rewound = new RunRewinder(h.services).rewind(run.id(), pack, "more");
        assertThat(rewound.state()).isEqualTo(RunState.QUEUED);
        var exec = new RunExecutor(h.services, pack, author, dev.scenarist.core.campaign.internal.BudgetGuard.unlimited(java.time.Clock.systemUTC()),
                StageSettings.NONE, h.runner.acceptance(pack.name(), 1, author.id()));
        RunRecord after = exec.execute(run.id());

        assertThat(after.state()).isEqualTo(RunState.ACCEPTED);
        assertThat(author.requests("draft")).hasSize(1);
    }
}
