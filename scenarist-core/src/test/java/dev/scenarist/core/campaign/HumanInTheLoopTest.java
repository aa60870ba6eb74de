package dev.scenarist.core.campaign;

import static dev.scenarist.core.campaign.CampaignsTest.facade;
import static dev.scenarist.core.campaign.CampaignsTest.twoStages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scenarist.core.author.Throttle;
import dev.scenarist.core.engine.StageSettings;
import dev.scenarist.core.model.Json;
import dev.scenarist.core.model.RejectReason;
import dev.scenarist.core.model.RunState;
import dev.scenarist.core.review.PausedRun;
import dev.scenarist.core.review.ReviewRefusedException;
import dev.scenarist.core.store.CampaignStatus;
import dev.scenarist.core.store.ReviewDecision;
import dev.scenarist.core.store.RunRecord;
import dev.scenarist.core.testing.EngineHarness;
import dev.scenarist.core.testing.TestPack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Approval gates pause runs for a person, who edits, re-checks, approves or rejects; accepted scenarios wait for review. */
class HumanInTheLoopTest {
    @TempDir
    Path data;

    private static CampaignSpec gated(int count, String... gates) {
        return new CampaignSpec("t", count, "scripted", 0, 1, CampaignBudget.UNLIMITED, StageSettings.NONE, Map.of())
                .withApprovalGates(List.of(gates));
    }

    /** A campaign whose runs all wait after 'draft'. */
    private record Gated(EngineHarness h, TestPack pack, CampaignsTest.TwoStageAuthor author, Campaigns campaigns, String campaignId) {
        RunRecord run(int i) {
            return h.store.runs().byCampaign(campaignId).get(i);
        }

        CampaignStatus status() {
            return h.store.campaigns().find(campaignId).orElseThrow().status();
        }
    }

    private Gated gatedCampaign(int count) throws InterruptedException {
        var h = new EngineHarness(data);
        var pack = twoStages("v1");
        var author = new CampaignsTest.TwoStageAuthor();
        var campaigns = facade(h.services, pack, author);
        var c = campaigns.create(gated(count, "draft"), pack);
        campaigns.run(c.id(), pack, author, Throttle.NONE);
        return new Gated(h, pack, author, campaigns, c.id());
    }

    @Test
    void aRunPausesAfterTheNamedStageAndTheCampaignWaitsForApprovalInsteadOfStartingMoreRuns() throws Exception {
        var g = gatedCampaign(2);

        List<RunRecord> runs = g.h().store.runs().byCampaign(g.campaignId());
        assertThat(runs).as("two runs cover the count; none is started in place of a paused one").hasSize(2);
        assertThat(runs).extracting(RunRecord::state).containsOnly(RunState.PAUSED);
        assertThat(runs.getFirst().detail()).isEqualTo("awaiting approval after stage 'draft'");
        assertThat(runs.getFirst().progress().stageIndex()).as("draft passed and committed").isEqualTo(1);
        assertThat(g.author().calls("polish")).as("nothing after the gate ran").isZero();
        var c = g.h().store.campaigns().find(g.campaignId()).orElseThrow();
        assertThat(c.status()).isEqualTo(CampaignStatus.AWAITING_APPROVAL);
        assertThat(c.stopReason()).startsWith("awaiting approval: 2 run(s) paused for a person (0 of 2 accepted)");
        assertThat(g.h().store.catalog().byCampaign(g.campaignId())).as("a paused run is not accepted").isEmpty();

        List<String> steps = Files.readAllLines(g.h().services.layout().run(runs.getFirst().id()).steps());
        Map<?, ?> last = Json.read(steps.getLast(), Map.class);
        assertThat(last.get("verdict")).isEqualTo("passed");
        assertThat(last.get("run_state")).isEqualTo("paused");
        assertThat(last.get("awaiting_approval")).isEqualTo("draft");
    }

    @Test
    void approvingContinuesFromTheNextStageAndCompletesTheCampaignOnceItsCountIsIn() throws Exception {
        var g = gatedCampaign(1);
        String runId = g.run(0).id();

        var out = g.campaigns().approveRun(runId, "cli:alice");

        assertThat(out.accepted()).as(out.run().detail()).isTrue();
        assertThat(g.author().calls("draft")).as("draft is not asked again").isEqualTo(1);
        assertThat(g.author().calls("polish")).isEqualTo(1);
        assertThat(g.status()).isEqualTo(CampaignStatus.COMPLETED);
        assertThat(humanSteps(runId)).extracting(m -> m.get("action") + " by " + m.get("who")).containsExactly("approve by cli:alice");
        assertThatThrownBy(() -> g.campaigns().approveRun(runId, "cli:alice")).isInstanceOf(ReviewRefusedException.class)
                .hasMessageContaining("is accepted, not paused");
    }

    @Test
    void aPersonsEditIsReCheckedWithoutAModelAndUsedByTheNextStage() throws Exception {
        var g = gatedCampaign(1);
        String runId = g.run(0).id();
        int calls = g.author().stages.size();

        PausedRun paused = g.campaigns().pausedRun(runId);
        assertThat(paused.stage()).isEqualTo("draft");
        assertThat(paused.pause()).isEqualTo(PausedRun.Pause.APPROVAL_GATE);
        assertThat(paused.editable()).containsExactly("a.txt");
        assertThat(paused.files()).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo("a.txt");
            assertThat(f.editable()).isTrue();
            assertThat(f.content()).contains("ok draft\n");
        });

        // b.txt is polish's: draft's reviewer may not write it
        assertThatThrownBy(() -> g.campaigns().overrideFile(runId, "b.txt", "x", "cli:alice"))
                .isInstanceOf(ReviewRefusedException.class).hasMessageContaining("stage 'draft' may not write 'b.txt'")
                .extracting(e -> ((ReviewRefusedException) e).kind()).isEqualTo(ReviewRefusedException.Kind.INVALID);
        assertThatThrownBy(() -> g.campaigns().overrideFile(runId, "../a.txt", "x", "cli:alice"))
                .isInstanceOf(ReviewRefusedException.class).hasMessageContaining("leaves the scenario folder");

        var broken = g.campaigns().overrideFile(runId, "a.txt", "a person wiped it\n", "cli:alice");
        assertThat(broken.changed()).isTrue();
        assertThat(broken.linesAdded()).isEqualTo(1);
        assertThat(broken.linesRemoved()).isEqualTo(1);
        var failing = g.campaigns().recheckRun(runId, "cli:alice");
        assertThat(failing.passed()).isFalse();
        assertThat(failing.findings()).extracting(f -> f.code()).containsExactly("MISSING_TEXT");

        g.campaigns().overrideFile(runId, "a.txt", "ok draft, edited by a person\n", "cli:alice");
        var passing = g.campaigns().recheckRun(runId, "cli:alice");
        assertThat(passing.passed()).isTrue();
        assertThat(passing.checks()).extracting(c -> c.check()).containsExactly("draft-ok");
        assertThat(g.author().stages).as("re-checks call no model").hasSize(calls);

        var out = g.campaigns().approveRun(runId, "cli:alice");

        assertThat(out.accepted()).as(out.run().detail()).isTrue();
        var entry = g.h().store.catalog().byCampaign(g.campaignId()).getFirst();
        assertThat(Files.readString(data.resolve(entry.location()).resolve("a.txt"))).isEqualTo("ok draft, edited by a person\n");
        assertThat(humanSteps(runId)).extracting(m -> m.get("action")).containsExactly("edit", "recheck", "edit", "recheck", "approve");
        assertThat(humanSteps(runId).getFirst()).containsEntry("file", "a.txt").containsEntry("lines_added", 1).containsEntry("who", "cli:alice");
    }

    @Test
    void rejectingEndsTheRunWithThePersonsReasonAndSettlesTheWaitingCampaign() throws Exception {
        var g = gatedCampaign(1);
        String runId = g.run(0).id();

        assertThatThrownBy(() -> g.campaigns().rejectRun(runId, "cli:bob", " ")).isInstanceOf(ReviewRefusedException.class)
                .hasMessageContaining("reason");
        RunRecord rejected = g.campaigns().rejectRun(runId, "cli:bob", "the draft is off topic");

        assertThat(rejected.state()).isEqualTo(RunState.REJECTED);
        assertThat(rejected.rejectReason()).contains(RejectReason.PERSON);
        assertThat(rejected.detail()).isEqualTo("rejected by a person: the draft is off topic");
        assertThat(g.author().calls("polish")).isZero();
        var c = g.h().store.campaigns().find(g.campaignId()).orElseThrow();
        assertThat(c.status()).isEqualTo(CampaignStatus.STOPPED);
        assertThat(c.stopReason()).contains("short after review: 0 of 1 accepted").contains("scenarist resume --campaign " + c.id());
        assertThat(humanSteps(runId)).extracting(m -> m.get("action") + ": " + m.get("reason")).containsExactly("reject: the draft is off topic");
        assertThatThrownBy(() -> g.campaigns().rejectRun(runId, "cli:bob", "again")).isInstanceOf(ReviewRefusedException.class)
                .extracting(e -> ((ReviewRefusedException) e).kind()).isEqualTo(ReviewRefusedException.Kind.CONFLICT);
    }

    @Test
    void aGateNamingAStageThePackLacksIsRefusedBeforeAnythingIsStored() {
        var h = new EngineHarness(data);
        var pack = twoStages("v1");
        var campaigns = facade(h.services, pack, new CampaignsTest.TwoStageAuthor());

        assertThatThrownBy(() -> campaigns.create(gated(1, "drat"), pack)).isInstanceOf(CampaignRequestException.class)
                .hasMessageContaining("pack 't' has no stage 'drat'").hasMessageContaining("did you mean 'draft'?")
                .hasMessageContaining("draft, polish");
        assertThat(h.store.campaigns().list()).isEmpty();
    }

    @Test
    void theReviewQueueHoldsEachAcceptedScenarioOnceUntilAPersonDecides() throws Exception {
        var h = new EngineHarness(data);
        var pack = twoStages("v1");
        var author = new CampaignsTest.TwoStageAuthor();
        var campaigns = facade(h.services, pack, author);
        var c = campaigns.create(new CampaignSpec("t", 1, "scripted", 0, 1, CampaignBudget.UNLIMITED, StageSettings.NONE, Map.of()), pack);
        campaigns.run(c.id(), pack, author, Throttle.NONE);
        var c2 = campaigns.create(new CampaignSpec("t", 1, "scripted", 0, 1, CampaignBudget.UNLIMITED, StageSettings.NONE, Map.of()), pack);
        author.polish = "good polish, the second";
        campaigns.run(c2.id(), pack, author, Throttle.NONE);

        var queue = campaigns.reviewQueue(100);
        assertThat(queue).extracting(i -> i.campaignId()).containsExactly(c.id(), c2.id());
        String first = queue.get(0).scenarioId();
        String second = queue.get(1).scenarioId();

        var approved = campaigns.approveScenario(first, "token:abc");
        assertThat(approved.promotion().path()).exists().startsWith(data.toAbsolutePath().resolve("datasets").resolve("t"));
        assertThat(approved.decision().verdict()).isEqualTo(ReviewDecision.Verdict.APPROVED);
        assertThatThrownBy(() -> campaigns.approveScenario(first, "token:abc")).isInstanceOf(ReviewRefusedException.class)
                .hasMessageContaining("was already approved by token:abc");
        assertThatThrownBy(() -> campaigns.rejectScenario(first, "token:abc", "changed my mind"))
                .extracting(e -> ((ReviewRefusedException) e).kind()).isEqualTo(ReviewRefusedException.Kind.CONFLICT);

        var rejected = campaigns.rejectScenario(second, "token:abc", "too easy");
        assertThat(rejected.reason()).isEqualTo("too easy");
        assertThat(campaigns.reviewQueue(100)).isEmpty();
        assertThat(h.store.reviews().find(second)).contains(rejected);
        assertThatThrownBy(() -> campaigns.approveScenario("scn-nope", "token:abc"))
                .extracting(e -> ((ReviewRefusedException) e).kind()).isEqualTo(ReviewRefusedException.Kind.NOT_FOUND);
        String run = h.store.catalog().find(second).orElseThrow().runId();
        assertThat(humanSteps(run)).extracting(m -> m.get("action") + ": " + m.get("reason")).containsExactly("review.reject: too easy");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> humanSteps(String runId) throws java.io.IOException {
        return Files.readAllLines(data.resolve("runs").resolve(runId).resolve("steps.jsonl")).stream()
                .map(l -> (Map<String, Object>) Json.read(l, Map.class)).filter(m -> "human".equals(m.get("type"))).toList();
    }
}
