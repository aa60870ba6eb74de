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
import dev.scenarist.core.dataset.Export;
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

    @Test
    void aJudgesCriticIsAskedThroughTheEnginesGatewayRetriedAndAccounted() throws Exception {
        var h = new EngineHarness(data);
        var judged = new AtomicInteger();
        var pack = withChecks(List.of(TestChecks.of("judge", Check.TIER_EXPENSIVE, ctx -> {
            judged.incrementAndGet();
            try {
                return ctx.critic().ask("judge:x", "sys", "prompt").contains("SCORE: 1") ? CheckResult.passed(1.0)
                        : CheckResult.errored("unreadable judge reply");
            } catch (dev.scenarist.core.author.AuthorException e) {
                return CheckResult.errored("could not ask the critic: " + e.getMessage());
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        })));
        List<String> asked = new CopyOnWriteArrayList<>();
        var critic = new Author() {
            @Override
            public String id() {
                return "critic";
            }

            @Override
            public AuthorReply reply(AuthorRequest r) throws dev.scenarist.core.author.TransientAuthorException {
                asked.add(r.stage());
                if (asked.size() == 1) throw new dev.scenarist.core.author.TransientAuthorException("HTTP 503 (key sk-secret)");
                return new AuthorReply("SCORE: 1", Usage.tokens(7, 3), "m", Duration.ofMillis(1));
            }
        };
        var report = facade(redacting(h.services), pack, critic)
                .validate(new Validation.Request(pack, scenario(), new ValidationTarget(Optional.empty(), List.of()), "critic"));

        assertThat(report.checks()).extracting(Validation.CheckOutcome::status).containsExactly(Validation.Status.PASSED);
        assertThat(asked).as("the transient failure retried by the gateway, as a run's critic is").containsExactly("validate:judge:x", "validate:judge:x");
        assertThat(judged).as("the call was retried, not the check").hasValue(1);
        assertThat(h.sleeps).hasSize(1);
        assertThat(h.events).filteredOn(e -> e instanceof dev.scenarist.core.events.ScenaristEvent.InfraRetry)
                .singleElement().asString().contains("[redacted]").doesNotContain("sk-secret");
        assertThat(report.criticUsage().totalTokens()).as("the critic's usage is accounted").isEqualTo(10);
        assertThat(report.verdict().exitCode()).isZero();
    }

    // --- export, promote ---

    /** A campaign of one accepted scenario (draft's a.txt and polish's b.txt). */
    static CampaignRecordAndPack acceptedOne(EngineHarness h) throws InterruptedException {
        var pack = twoStages("v1");
        var author = new TwoStageAuthor();
        var campaigns = facade(h.services, pack, author);
        var c = campaigns.create(spec(CampaignBudget.UNLIMITED), pack);
        assertThat(campaigns.run(c.id(), pack, author, Throttle.NONE).accepted()).isEqualTo(1);
        return new CampaignRecordAndPack(c, pack, campaigns);
    }

    record CampaignRecordAndPack(dev.scenarist.core.store.CampaignRecord campaign, TestPack pack, Campaigns campaigns) {}

    @Test
    void exportWritesAFolderPerScenarioOrOneJsonLinesFileAndRefusesAnUnknownCampaignWithTheClosestId() throws Exception {
        var h = new EngineHarness(data);
        var a = acceptedOne(h);
        String id = a.campaign().id();
        var entry = h.store.catalog().byCampaign(id).getFirst();

        var dirs = a.campaigns().export(new Export.Request(id, Export.Format.DIR, data.resolve("out")));
        assertThat(dirs.count()).isEqualTo(1);
        assertThat(dirs.path()).isEqualTo(data.resolve("out").toAbsolutePath());
        assertThat(dirs.path().resolve(entry.scenarioId()).resolve("manifest.json")).exists();
        assertThat(Files.readString(dirs.path().resolve(entry.scenarioId()).resolve("b.txt"))).contains("good polish");

        var jsonl = a.campaigns().export(new Export.Request(id, Export.Format.JSONL, data.resolve("out-jsonl")));
        assertThat(jsonl.path()).isEqualTo(data.resolve("out-jsonl").resolve(id + ".jsonl").toAbsolutePath());
        var lines = Files.readAllLines(jsonl.path());
        assertThat(lines).hasSize(1);
        Map<?, ?> line = dev.scenarist.core.model.Json.read(lines.getFirst(), Map.class);
        assertThat(line.keySet().stream().map(String::valueOf).toList()).containsExactlyInAnyOrder("manifest", "files");
        assertThat(((Map<?, ?>) line.get("files")).keySet().stream().map(String::valueOf).toList()).containsExactlyInAnyOrder("a.txt", "b.txt");

        String typo = id.substring(0, id.length() - 1) + (id.endsWith("x") ? "y" : "x");
        assertThatThrownBy(() -> a.campaigns().export(new Export.Request(typo, Export.Format.DIR, data.resolve("out2"))))
                .isInstanceOf(CampaignRequestException.class)
                .hasMessage("no campaign " + typo + "; did you mean '" + id + "'? list them with 'scenarist campaigns'");
        assertThat(data.resolve("out2")).as("nothing written for an unknown campaign").doesNotExist();
        Files.writeString(data.resolve("a-file"), "keep");
        assertThatThrownBy(() -> a.campaigns().export(new Export.Request(id, Export.Format.DIR, data.resolve("a-file"))))
                .isInstanceOf(CampaignRequestException.class).hasMessageContaining("is a file; give a folder");
    }

    @Test
    void acceptedListsACampaignsScenariosWhereTheyLieAndFollowsAPromotion() throws Exception {
        var h = new EngineHarness(data);
        var a = acceptedOne(h);
        String id = a.campaign().id();
        var entry = h.store.catalog().byCampaign(id).getFirst();

        var accepted = a.campaigns().accepted(id);
        assertThat(accepted).singleElement().satisfies(s -> {
            assertThat(s.scenarioId()).isEqualTo(entry.scenarioId());
            assertThat(s.pack()).isEqualTo("t");
            assertThat(s.stage()).isEqualTo("staging");
            assertThat(s.folder()).isAbsolute().isEqualTo(data.resolve(entry.location()).toAbsolutePath().normalize());
            assertThat(s.folder().resolve("b.txt")).exists();
        });

        a.campaigns().promote(entry.scenarioId());
        assertThat(a.campaigns().accepted(id)).singleElement().satisfies(s -> {
            assertThat(s.stage()).isEqualTo("dataset");
            assertThat(s.folder()).isEqualTo(data.resolve("datasets/t").resolve(entry.scenarioId()).toAbsolutePath().normalize());
            assertThat(s.folder().resolve("b.txt")).exists();
        });

        String typo = id.substring(0, id.length() - 1) + (id.endsWith("x") ? "y" : "x");
        assertThatThrownBy(() -> a.campaigns().accepted(typo)).isInstanceOf(CampaignRequestException.class)
                .hasMessageContaining("did you mean '" + id + "'?");
    }

    @Test
    void promoteCopiesRecordsThenRemovesSoAFailureBetweenLeavesTheScenarioInBothPlacesNeverInNeither() throws Exception {
        var h = new EngineHarness(data);
        var a = acceptedOne(h);
        var entry = h.store.catalog().byCampaign(a.campaign().id()).getFirst();
        Path staging = data.resolve(entry.location());
        Path dataset = data.resolve("datasets/t").resolve(entry.scenarioId());
        assertThat(staging.resolve("manifest.json")).exists();

        // the catalog cannot be written (disk full, the database gone): the copy is made, the staging copy is kept
        var broken = new EngineServices(new dev.scenarist.core.engine.Storage(new CatalogUpdateFails(h.store), h.services.layout()),
                h.services.events(), h.services.time(), h.services.resilience(), h.services.similarity());
        var pack = a.pack();
        assertThatThrownBy(() -> facade(broken, pack, new TwoStageAuthor()).promote(entry.scenarioId()))
                .hasMessageContaining("disk full");
        var still = h.store.catalog().find(entry.scenarioId()).orElseThrow();
        assertThat(still.stage()).isEqualTo("staging");
        assertThat(data.resolve(still.location()).resolve("manifest.json")).as("the catalog names a copy that exists").exists();
        assertThat(dataset.resolve("manifest.json")).as("both places: never neither").exists();

        // promoting again finishes the job: the catalog names the dataset copy, staging is emptied
        var done = a.campaigns().promote(entry.scenarioId());
        assertThat(done.alreadyInDataset()).isFalse();
        assertThat(done.path()).isEqualTo(dataset.toAbsolutePath());
        var promoted = h.store.catalog().find(entry.scenarioId()).orElseThrow();
        assertThat(promoted.stage()).isEqualTo("dataset");
        assertThat(promoted.location()).isEqualTo("datasets/t/" + entry.scenarioId());
        assertThat(dataset.resolve("manifest.json")).exists();
        assertThat(dataset.resolve("b.txt")).exists();
        assertThat(staging).doesNotExist();

        var again = a.campaigns().promote(entry.scenarioId());
        assertThat(again.alreadyInDataset()).isTrue();
        assertThat(again.path()).isEqualTo(dataset.toAbsolutePath());
        assertThatThrownBy(() -> a.campaigns().promote("t-nope")).isInstanceOf(CampaignRequestException.class)
                .hasMessageContaining("no accepted scenario t-nope");
    }

    @Test
    void promotingAScenarioWhoseFilesAreGoneChangesNothing() throws Exception {
        var h = new EngineHarness(data);
        var a = acceptedOne(h);
        var entry = h.store.catalog().byCampaign(a.campaign().id()).getFirst();
        dev.scenarist.core.workspace.Workspace.deleteTree(data.resolve(entry.location()), true);

        assertThatThrownBy(() -> a.campaigns().promote(entry.scenarioId())).isInstanceOf(CampaignRequestException.class)
                .hasMessageContaining("the files of " + entry.scenarioId() + " are missing");
        assertThat(h.store.catalog().find(entry.scenarioId()).orElseThrow().stage()).isEqualTo("staging");
        assertThat(data.resolve("datasets/t").resolve(entry.scenarioId())).doesNotExist();
    }

    /** The store, but writing a scenario's catalog stage fails. */
    record CatalogUpdateFails(dev.scenarist.core.store.Store store) implements dev.scenarist.core.store.Store {
        @Override
        public dev.scenarist.core.store.CampaignStore campaigns() {
            return store.campaigns();
        }

        @Override
        public dev.scenarist.core.store.RunStore runs() {
            return store.runs();
        }

        @Override
        public dev.scenarist.core.store.AnalyticsStore analytics() {
            return store.analytics();
        }

        @Override
        public dev.scenarist.core.store.LessonStore lessons() {
            return store.lessons();
        }

        @Override
        public dev.scenarist.core.store.ReviewStore reviews() {
            return store.reviews();
        }

        @Override
        public dev.scenarist.core.store.WorkerCoordination coordination() {
            return store.coordination();
        }

        @Override
        public dev.scenarist.core.store.CatalogStore catalog() {
            var c = store.catalog();
            return new dev.scenarist.core.store.CatalogStore() {
                @Override
                public dev.scenarist.core.store.AcceptOutcome accept(dev.scenarist.core.store.AcceptRequest r, dev.scenarist.core.store.AcceptGuard g) {
                    return c.accept(r, g);
                }

                @Override
                public dev.scenarist.core.store.CatalogSlice since(String pack, long after) {
                    return c.since(pack, after);
                }

                @Override
                public Optional<dev.scenarist.core.store.CatalogEntry> find(String scenarioId) {
                    return c.find(scenarioId);
                }

                @Override
                public List<dev.scenarist.core.store.CatalogEntry> byPack(String pack) {
                    return c.byPack(pack);
                }

                @Override
                public List<dev.scenarist.core.store.CatalogEntry> byCampaign(String campaignId) {
                    return c.byCampaign(campaignId);
                }

                @Override
                public void updateStage(String scenarioId, String stage, String location) {
                    throw new IllegalStateException("disk full");
                }
            };
        }

        @Override
        public String describe() {
            return store.describe();
        }

        @Override
        public void close() {
            store.close();
        }
    }

    // --- cancel ---

    /** Two stages, each output unique per run (its seed), so every run that passes is accepted. */
    static TestPack uniquePerRun() {
        return TestPack.named("t").duplicateThreshold(1.0)
                .stage(new Stage.AuthorStage("draft", "Write a.txt.", StagePolicy.editing("a.txt"),
                        List.of(OutputFile.required("a.txt", FileFormat.TEXT, "")), List.of(TestChecks.contains("draft-ok", Check.TIER_PARSE, "a.txt", "ok"))))
                .stage(new Stage.AuthorStage("polish", "Write b.txt.", StagePolicy.editing("b.txt"),
                        List.of(OutputFile.required("b.txt", FileFormat.TEXT, "")), List.of(TestChecks.contains("polish-ok", Check.TIER_PARSE, "b.txt", "good"))))
                .build();
    }

    /** Drafts at once; the first polish too, every later polish waits for {@link #release}: runs stay in flight mid-run. */
    static final class GatedAuthor implements Author {
        final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        final java.util.concurrent.Semaphore waiting = new java.util.concurrent.Semaphore(0);
        final AtomicInteger polishCalls = new AtomicInteger();

        @Override
        public String id() {
            return "scripted";
        }

        @Override
        public AuthorReply reply(AuthorRequest r) throws InterruptedException {
            String unique = r.seed() + " " + Long.toString(r.seed() * 7919, 36);
            if (r.stage().equals("draft")) return new AuthorReply("<file path=\"a.txt\">\nok draft " + unique + "\n</file>", Usage.tokens(10, 5), "m", Duration.ofMillis(1));
            if (polishCalls.incrementAndGet() > 1) {
                waiting.release();
                release.await();
            }
            return new AuthorReply("<file path=\"b.txt\">\ngood polish " + unique + "\n</file>", Usage.tokens(10, 5), "m", Duration.ofMillis(1));
        }
    }

    @Test
    void aCancelFromAnotherFacadeOnTheSameStoreStopsARunningCampaignWhoseRunsInFlightCommitNothingMore() throws Exception {
        var h = new EngineHarness(data);
        var pack = uniquePerRun();
        var author = new GatedAuthor();
        var running = facade(h.services, pack, author);
        var c = running.create(new CampaignSpec("t", 5, "scripted", 0, 2, CampaignBudget.UNLIMITED, StageSettings.NONE, Map.of()), pack);
        var session = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            var generate = session.submit(() -> running.run(c.id(), pack, author, Throttle.NONE));
            // one run accepted, two more in flight, each waiting in its polish call after its draft committed
            assertThat(author.waiting.tryAcquire(2, 30, java.util.concurrent.TimeUnit.SECONDS)).as("two runs in flight").isTrue();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (h.store.catalog().byCampaign(c.id()).isEmpty() && System.nanoTime() < deadline) Thread.sleep(10);
            assertThat(h.store.catalog().byCampaign(c.id())).as("accepted before the cancel").hasSize(1);

            // another process: its own engine (similarity index, clock, bus) on the same store
            var elsewhere = new EngineHarness(data, h.store, dev.scenarist.core.engine.RetryOptions.DEFAULTS);
            var cancel = facade(elsewhere.services, pack, author).cancel(c.id());
            assertThat(cancel.result()).isEqualTo(Campaigns.CancelOutcome.Result.CANCELLED);
            assertThat(cancel.runsCancelled()).as("the two running runs").isEqualTo(2);
            assertThat(cancel.campaign().status()).isEqualTo(dev.scenarist.core.store.CampaignStatus.CANCELLED);
            author.release.countDown();

            CampaignReport report = generate.get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(report.status()).isEqualTo("cancelled");
            assertThat(report.stopReason()).startsWith("cancel requested at ");
            assertThat(report.accepted()).as("what was accepted before stays accepted; nothing after").isEqualTo(1);
            assertThat(report.cancelled()).isEqualTo(2);
            List<RunRecord> runs = h.store.runs().byCampaign(c.id());
            assertThat(runs).as("no run started after the cancel").hasSize(3);
            assertThat(runs).extracting(RunRecord::state).containsExactlyInAnyOrder(RunState.ACCEPTED, RunState.CANCELLED, RunState.CANCELLED);
            assertThat(h.store.catalog().byCampaign(c.id())).hasSize(1);
            for (RunRecord r : runs) {
                if (r.state() != RunState.CANCELLED) continue;
                assertThat(r.detail()).isEqualTo("cancelled with its campaign");
                assertThat(h.store.runs().attempts(r.id())).as("its polish attempt, in flight at the cancel, was not committed")
                        .extracting(dev.scenarist.core.store.AttemptRecord::stage).containsExactly("draft");
            }
            assertThat(author.polishCalls).as("no call after the in-flight ones").hasValue(3);
            assertThat(h.store.campaigns().find(c.id()).orElseThrow().status()).isEqualTo(dev.scenarist.core.store.CampaignStatus.CANCELLED);

            // final: resuming is refused, naming it; cancelling again says it was
            assertThatThrownBy(() -> running.resumeCampaign(new Campaigns.ResumeCampaign(c.id(), Optional.empty(), CapChange.NONE, x -> {})))
                    .isInstanceOf(CampaignRequestException.class)
                    .hasMessageContaining("campaign " + c.id() + " was cancelled").hasMessageContaining("cannot be resumed");
            String cancelledRun = runs.stream().filter(r -> r.state() == RunState.CANCELLED).findFirst().orElseThrow().id();
            assertThatThrownBy(() -> running.resumeRun(new Campaigns.ResumeRun(cancelledRun, Optional.of("polish"), CapChange.NONE)))
                    .isInstanceOf(CampaignRequestException.class).hasMessageContaining("which was cancelled");
            assertThat(running.cancel(c.id()).result()).isEqualTo(Campaigns.CancelOutcome.Result.ALREADY_CANCELLED);
        } finally {
            author.release.countDown();
            session.shutdownNow();
        }
    }

    @Test
    void cancellingCancelsQueuedAndPausedRunsAtOnceLeavesACompletedCampaignAloneAndNamesTheClosestUnknownId() throws Exception {
        var h = new EngineHarness(data);
        var pack = uniquePerRun();
        var author = new GatedAuthor();
        var campaigns = facade(h.services, pack, author);
        // what a session killed before it started its runs leaves: a running campaign with a queued and a paused run
        var c = campaigns.create(new CampaignSpec("t", 3, "scripted", 0, 1, CampaignBudget.UNLIMITED, StageSettings.NONE, Map.of()), pack);
        var now = h.clock.instant();
        var queued = RunRecord.queued("run-q", c.id(), "t", 1, 1, Map.of(), now);
        h.store.runs().create(queued);
        var paused = RunRecord.queued("run-p", c.id(), "t", 2, 2, Map.of(), now);
        h.store.runs().create(paused);
        var started = paused.moveTo(RunState.RUNNING, Optional.empty(), "", now);
        h.store.runs().update(started);
        h.store.runs().update(started.moveTo(RunState.PAUSED, Optional.empty(), "waiting for a person", now));

        var cancel = campaigns.cancel(c.id());

        assertThat(cancel.result()).isEqualTo(Campaigns.CancelOutcome.Result.CANCELLED);
        assertThat(cancel.runsCancelled()).isEqualTo(2);
        assertThat(h.store.runs().byCampaign(c.id())).extracting(RunRecord::state).containsOnly(RunState.CANCELLED);
        assertThat(campaigns.run(c.id(), pack, author, Throttle.NONE).status()).as("a runner starts nothing for it").isEqualTo("cancelled");
        assertThat(h.store.runs().byCampaign(c.id())).hasSize(2);
        assertThat(author.polishCalls).hasValue(0);

        var done = acceptedOne(h);
        assertThat(done.campaigns().cancel(done.campaign().id()).result()).isEqualTo(Campaigns.CancelOutcome.Result.ALREADY_COMPLETED);
        assertThat(h.store.campaigns().find(done.campaign().id()).orElseThrow().status()).isEqualTo(dev.scenarist.core.store.CampaignStatus.COMPLETED);

        assertThatThrownBy(() -> campaigns.cancel(c.id() + "x")).isInstanceOf(CampaignRequestException.class)
                .hasMessageStartingWith("no campaign " + c.id() + "x; did you mean '");
    }
}
