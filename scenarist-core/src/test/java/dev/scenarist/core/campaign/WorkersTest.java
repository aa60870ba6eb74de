package dev.scenarist.core.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.core.author.Author;
import dev.scenarist.core.author.AuthorReply;
import dev.scenarist.core.author.AuthorRequest;
import dev.scenarist.core.engine.StageSettings;
import dev.scenarist.core.model.RunState;
import dev.scenarist.core.model.Usage;
import dev.scenarist.core.store.CampaignRecord;
import dev.scenarist.core.store.CampaignStatus;
import dev.scenarist.core.store.RunRecord;
import dev.scenarist.core.testing.EngineHarness;
import dev.scenarist.core.testing.TestPack;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Campaigns executed by workers ({@link Campaigns#enqueue}, {@link Campaigns#work}): the store's run lease decides who
 * executes a run, and the campaign's planner — not any one process's loop — tops it up after rejections and ends it.
 */
class WorkersTest {
    private static final Duration LEASE = Duration.ofSeconds(3);

    @TempDir
    Path data;

    private final TestPack pack = CampaignsTest.twoStages("v1");
    private final List<String> queued = new CopyOnWriteArrayList<>();
    private final RunQueue queue = queued::addAll;

    /** Writes content of its own for each run (its seed), so runs are not each other's duplicates; polish fails while {@code failing}. */
    private static final class PerSeedAuthor implements Author {
        final List<String> calls = new CopyOnWriteArrayList<>();
        volatile boolean failing;

        @Override
        public String id() {
            return "scripted";
        }

        @Override
        public AuthorReply reply(AuthorRequest r) {
            calls.add(r.seed() + ":" + r.stage());
            String words = String.join(" ", List.of(UUID.nameUUIDFromBytes(("a" + r.seed()).getBytes()).toString(),
                    UUID.nameUUIDFromBytes(("b" + r.seed()).getBytes()).toString()));
            String file = r.stage().equals("draft") ? "<file path=\"a.txt\">\nok draft " + words + "\n</file>"
                    : "<file path=\"b.txt\">\n" + (failing ? "bad" : "good ") + words + "\n</file>";
            return new AuthorReply(file, Usage.tokens(10, 5), "m", Duration.ofMillis(1));
        }
    }

    private static CampaignSpec spec(int count, OptionalInt maxRuns) {
        return new CampaignSpec("t", count, "scripted", 0, 1, new CampaignBudget(maxRuns, OptionalLong.empty(), OptionalDouble.empty(), Optional.empty()),
                StageSettings.NONE, Map.of());
    }

    private WorkOutcome work(Campaigns campaigns, String runId, String worker) throws InterruptedException {
        return campaigns.work(new WorkRequest(runId, worker, LEASE, queue));
    }

    @Test
    void enqueueStoresTheCampaignWithItsFirstRunsQueuedAndHandsThemToTheQueueWithoutExecutingAny() {
        var h = new EngineHarness(data);
        var author = new PerSeedAuthor();
        var campaigns = CampaignsTest.facade(h.services, pack, author);

        CampaignRecord c = campaigns.enqueue(spec(3, OptionalInt.empty()), pack, queue);

        List<RunRecord> runs = h.store.runs().byCampaign(c.id());
        assertThat(runs).extracting(RunRecord::state).containsOnly(RunState.QUEUED).hasSize(3);
        assertThat(queued).containsExactlyElementsOf(runs.stream().map(RunRecord::id).toList());
        assertThat(c.status()).isEqualTo(CampaignStatus.RUNNING);
        assertThat(author.calls).isEmpty();
    }

    @Test
    void workersExecuteTheQueuedRunsAndTheLastAcceptanceCompletesTheCampaign() throws Exception {
        var h = new EngineHarness(data);
        var campaigns = CampaignsTest.facade(h.services, pack, new PerSeedAuthor());
        CampaignRecord c = campaigns.enqueue(spec(2, OptionalInt.empty()), pack, queue);

        var first = work(campaigns, queued.get(0), "host:1");
        assertThat(h.store.campaigns().find(c.id()).orElseThrow().status()).isEqualTo(CampaignStatus.RUNNING);
        var second = work(campaigns, queued.get(1), "host:2");

        assertThat(first).isInstanceOfSatisfying(WorkOutcome.Executed.class, e -> assertThat(e.run().state()).isEqualTo(RunState.ACCEPTED));
        assertThat(second).isInstanceOfSatisfying(WorkOutcome.Executed.class, e -> assertThat(e.run().state()).isEqualTo(RunState.ACCEPTED));
        assertThat(h.store.campaigns().find(c.id()).orElseThrow().status()).isEqualTo(CampaignStatus.COMPLETED);
        assertThat(h.store.catalog().byCampaign(c.id())).hasSize(2);
        var lease = h.store.coordination().lease(queued.get(1)).orElseThrow();
        assertThat(lease.owner()).as("the lease names who executed the run").isEqualTo("host:2");
        assertThat(lease.heldAt(h.clock.instant().plusMillis(1))).as("given up once the run settled").isFalse();
    }

    @Test
    void aRunWhoseLeaseAnotherLiveWorkerHoldsIsNotExecutedHere() throws Exception {
        var h = new EngineHarness(data);
        var author = new PerSeedAuthor();
        var campaigns = CampaignsTest.facade(h.services, pack, author);
        campaigns.enqueue(spec(1, OptionalInt.empty()), pack, queue);
        String run = queued.getFirst();
        h.store.coordination().claim(run, "host:other", h.clock.instant(), h.clock.instant().plus(LEASE));

        var outcome = work(campaigns, run, "host:me");

        assertThat(outcome).isInstanceOfSatisfying(WorkOutcome.HeldElsewhere.class, held -> assertThat(held.lease().owner()).isEqualTo("host:other"));
        assertThat(author.calls).isEmpty();
        assertThat(h.store.runs().find(run).orElseThrow().state()).isEqualTo(RunState.QUEUED);
    }

    @Test
    void aRunWhoseWorkerDiedIsTakenOverOnceItsLeaseRanOutAndContinuedFromItsLastCommittedAttempt() throws Exception {
        var h = new EngineHarness(data);
        var author = new PerSeedAuthor();
        var campaigns = CampaignsTest.facade(h.services, pack, author);
        CampaignRecord c = campaigns.enqueue(spec(1, OptionalInt.empty()), pack, queue);
        String run = queued.getFirst();
        // the dead worker's run: its first stage committed, then nothing more — its lease left to run out
        author.failing = true;
        campaigns.resumeRun(new Campaigns.ResumeRun(run, Optional.empty(), CapChange.NONE)); // draft passes, polish fails: rejected
        RunRecord rejected = h.store.runs().find(run).orElseThrow();
        h.store.runs().update(rejected.moveTo(RunState.QUEUED, Optional.empty(), "as if its worker died after draft", h.clock.instant()));
        h.store.coordination().claim(run, "host:dead", h.clock.instant(), h.clock.instant().plus(LEASE));
        int attemptsBefore = h.store.runs().attempts(run).size();
        author.failing = false;
        author.calls.clear();
        h.clock.advance(LEASE.plusSeconds(1));

        var outcome = work(campaigns, run, "host:alive");

        assertThat(outcome).isInstanceOfSatisfying(WorkOutcome.Executed.class, e -> assertThat(e.run().state()).isEqualTo(RunState.ACCEPTED));
        assertThat(author.calls).as("draft was not written again").noneMatch(call -> call.endsWith(":draft"));
        assertThat(h.store.runs().attempts(run)).hasSizeGreaterThan(attemptsBefore);
        assertThat(h.store.coordination().lease(run).orElseThrow().owner()).isEqualTo("host:alive");
        assertThat(h.store.campaigns().find(c.id()).orElseThrow().status()).isEqualTo(CampaignStatus.COMPLETED);
    }

    @Test
    void aRejectedRunIsReplacedByANewQueuedRunSoTheCampaignStillReachesItsCount() throws Exception {
        var h = new EngineHarness(data);
        var author = new PerSeedAuthor();
        var campaigns = CampaignsTest.facade(h.services, pack, author);
        CampaignRecord c = campaigns.enqueue(spec(1, OptionalInt.empty()), pack, queue);
        author.failing = true;

        var rejected = work(campaigns, queued.getFirst(), "host:1");

        assertThat(rejected).isInstanceOfSatisfying(WorkOutcome.Executed.class, e -> {
            assertThat(e.run().state()).isEqualTo(RunState.REJECTED);
            assertThat(e.added()).hasSize(1);
        });
        assertThat(queued).hasSize(2);
        author.failing = false;
        var accepted = work(campaigns, queued.get(1), "host:2");
        assertThat(accepted).isInstanceOfSatisfying(WorkOutcome.Executed.class, e -> assertThat(e.run().state()).isEqualTo(RunState.ACCEPTED));
        assertThat(h.store.campaigns().find(c.id()).orElseThrow().status()).isEqualTo(CampaignStatus.COMPLETED);
        assertThat(h.store.runs().byCampaign(c.id())).extracting(RunRecord::ordinal).containsExactly(1, 2);
    }

    @Test
    void aCampaignThatUsedItsMaxRunsStopsNamingTheCapInsteadOfAddingRuns() throws Exception {
        var h = new EngineHarness(data);
        var author = new PerSeedAuthor();
        var campaigns = CampaignsTest.facade(h.services, pack, author);
        CampaignRecord c = campaigns.enqueue(spec(1, OptionalInt.of(1)), pack, queue);
        author.failing = true;

        var outcome = work(campaigns, queued.getFirst(), "host:1");

        assertThat(outcome).isInstanceOfSatisfying(WorkOutcome.Executed.class, e -> assertThat(e.added()).isEmpty());
        CampaignRecord after = h.store.campaigns().find(c.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(CampaignStatus.STOPPED);
        assertThat(after.stopReason()).contains("max_runs 1 reached");
    }

    @Test
    void aRunOfACampaignThatAlreadyHasItsCountIsCancelledInsteadOfExecuted() throws Exception {
        var h = new EngineHarness(data);
        var author = new PerSeedAuthor();
        var campaigns = CampaignsTest.facade(h.services, pack, author);
        CampaignRecord c = campaigns.enqueue(spec(1, OptionalInt.empty()), pack, queue);
        // a run left over from a top-up, say
        var spare = RunRecord.queued("run-spare", c.id(), "t", 2, 2, Map.of("n", 2L), h.clock.instant());
        h.store.runs().create(spare);
        work(campaigns, queued.getFirst(), "host:1");
        author.calls.clear();

        var outcome = work(campaigns, "run-spare", "host:2");

        assertThat(outcome).isInstanceOf(WorkOutcome.Skipped.class);
        assertThat(author.calls).isEmpty();
        assertThat(h.store.runs().find("run-spare").orElseThrow().state()).isEqualTo(RunState.CANCELLED);
    }

    @Test
    void theQueuedRunsOfRunningCampaignsAreOfferedAgainSoAJobLostWithADeadWorkerIsReplaced() throws Exception {
        var h = new EngineHarness(data);
        var campaigns = CampaignsTest.facade(h.services, pack, new PerSeedAuthor());
        CampaignRecord running = campaigns.enqueue(spec(2, OptionalInt.empty()), pack, queue);
        work(campaigns, queued.getFirst(), "host:1");
        CampaignRecord cancelled = campaigns.enqueue(spec(1, OptionalInt.empty()), pack, queue);
        campaigns.cancel(cancelled.id());

        assertThat(campaigns.queuedRuns()).containsExactly(queued.get(1));
        assertThat(h.store.runs().find(queued.get(1)).orElseThrow().campaignId()).isEqualTo(running.id());
    }
}
