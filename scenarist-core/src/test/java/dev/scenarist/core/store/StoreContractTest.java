package dev.scenarist.core.store;

import dev.scenarist.core.model.CheckStatus;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scenarist.core.catalog.internal.CatalogMirror;
import dev.scenarist.core.catalog.ShingleSimilarityIndex;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.model.RejectReason;
import dev.scenarist.core.model.RunState;
import dev.scenarist.core.model.Severity;
import dev.scenarist.core.model.Usage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rules every {@link Store} keeps. Each implementation runs these by extending this class and returning a fresh,
 * empty store from {@link #newStore()}; the store is closed after each test.
 *
 * <p>Test data comes from the builders at the bottom. Two things the data respects on purpose: instants are whole
 * milliseconds (the least precision a store must keep), and run parameters hold only values JSON gives back as the
 * same Java type (int-sized numbers as {@code int}, larger ones as {@code long}, fractions as {@code double}).
 */
public abstract class StoreContractTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123Z");
    private static final int THREADS = 8;

    /** The store under test; subclasses may use it in their own tests. */
    protected Store store;

    /** A new, empty store; each test gets its own. */
    protected abstract Store newStore();

    @BeforeEach
    void openStore() {
        store = newStore();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    // ---------------------------------------------------------------- campaigns

    @Test
    void aCreatedCampaignIsFoundWithEveryField() {
        CampaignRecord campaign = new CampaignRecord("c1", "boxes", 25, CampaignStatus.STOPPED, "cost cap reached",
                "sha256:f00d", "{\"pack\":\"boxes\",\"count\":25,\"author\":{\"model\":\"m\"}}", T0, at(5), 123_456);
        store.campaigns().create(campaign);

        assertThat(store.campaigns().find("c1")).contains(campaign);
    }

    @Test
    void anUnknownCampaignIsNotFound() {
        assertThat(store.campaigns().find("nope")).isEmpty();
    }

    @Test
    void creatingACampaignTwiceIsRefusedAndKeepsTheFirst() {
        CampaignRecord first = campaign("c1", T0);
        store.campaigns().create(first);

        assertThatThrownBy(() -> store.campaigns().create(campaign("c1", at(9))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("c1");
        assertThat(store.campaigns().find("c1")).contains(first);
    }

    @Test
    void campaignsAreListedNewestFirst() {
        store.campaigns().create(campaign("old", T0));
        store.campaigns().create(campaign("newest", at(20)));
        store.campaigns().create(campaign("middle", at(10)));

        assertThat(store.campaigns().list()).extracting(CampaignRecord::id).containsExactly("newest", "middle", "old");
    }

    @Test
    void campaignsCreatedAtTheSameInstantAreListedByDescendingIdAsJavaComparesIt() {
        // Java orders lowercase after uppercase; a database collation that ignores case would not
        for (String id : List.of("B-2", "a-1", "A-3")) store.campaigns().create(campaign(id, T0));

        assertThat(store.campaigns().list()).extracting(CampaignRecord::id).containsExactly("a-1", "B-2", "A-3");
    }

    @Test
    void anUpdatedCampaignKeepsItsNewStatusReasonAndActiveTime() {
        CampaignRecord running = campaign("c1", T0);
        store.campaigns().create(running);
        CampaignRecord stopped = running.withStatus(CampaignStatus.STOPPED, "token cap reached", at(60), 59_000);

        store.campaigns().update(stopped);

        assertThat(store.campaigns().find("c1")).contains(stopped);
    }

    @Test
    void aCancelledCampaignStaysCancelledWhateverALaterUpdateSaysButKeepsItsOtherFields() {
        CampaignRecord running = campaign("c1", T0);
        store.campaigns().create(running);
        CampaignRecord cancelled = running.withStatus(CampaignStatus.CANCELLED, "cancel requested at " + at(10), at(10), 9_000);
        store.campaigns().update(cancelled);
        assertThat(store.campaigns().find("c1")).contains(cancelled);

        // a runner elsewhere that had not seen the cancel records its end and its active time
        store.campaigns().update(running.withStatus(CampaignStatus.COMPLETED, "", at(20), 19_000));

        CampaignRecord now = store.campaigns().find("c1").orElseThrow();
        assertThat(now.status()).isEqualTo(CampaignStatus.CANCELLED);
        assertThat(now.stopReason()).isEqualTo("cancel requested at " + at(10));
        assertThat(now.activeMillis()).isEqualTo(19_000);
        assertThat(now.updatedAt()).isEqualTo(at(20));
        assertThat(store.campaigns().list()).extracting(CampaignRecord::status).containsExactly(CampaignStatus.CANCELLED);
    }

    @Test
    void updatingAnUnknownCampaignIsRefused() {
        assertThatThrownBy(() -> store.campaigns().update(campaign("ghost", T0)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ghost");
        assertThat(store.campaigns().list()).isEmpty();
    }

    // ---------------------------------------------------------------- runs

    @Test
    void aCreatedRunIsFoundWithEveryFieldIncludingNestedParameters() {
        RunRecord run = queued("r1", "c1", 1);
        store.runs().create(run);

        RunRecord found = store.runs().find("r1").orElseThrow();

        assertThat(found).isEqualTo(run);
        assertThat(found.parameters()).isEqualTo(parameters());
    }

    @Test
    void aRunsProgressRoundTripsExactly() {
        RunRecord running = running("r1", "c1", 1);
        RunRecord progressed = running.withProgress(progress(5), at(30));

        store.runs().update(progressed);

        assertThat(store.runs().find("r1")).contains(progressed);
    }

    @Test
    void aRejectedRunKeepsItsRejectReasonAndDetail() {
        RunRecord rejected = running("r1", "c1", 1).moveTo(RunState.REJECTED,
                Optional.of(RejectReason.CHECKS_EXHAUSTED), "stage geometry spent its 3 attempts", at(40));

        store.runs().update(rejected);

        RunRecord found = store.runs().find("r1").orElseThrow();
        assertThat(found).isEqualTo(rejected);
        assertThat(found.rejectReason()).contains(RejectReason.CHECKS_EXHAUSTED);
    }

    @Test
    void anUnknownRunIsNotFound() {
        assertThat(store.runs().find("nope")).isEmpty();
    }

    @Test
    void creatingARunTwiceIsRefusedAndKeepsTheFirst() {
        RunRecord first = queued("r1", "c1", 1);
        store.runs().create(first);

        assertThatThrownBy(() -> store.runs().create(queued("r1", "c1", 2)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("r1");
        assertThat(store.runs().find("r1")).contains(first);
    }

    @Test
    void runsOfACampaignComeInOrdinalOrderWithoutOtherCampaignsRuns() {
        for (int ordinal : List.of(3, 1, 2)) store.runs().create(queued("c1-r" + ordinal, "c1", ordinal));
        store.runs().create(queued("c2-r1", "c2", 1));

        assertThat(store.runs().byCampaign("c1")).extracting(RunRecord::id)
                .containsExactly("c1-r1", "c1-r2", "c1-r3");
        assertThat(store.runs().byCampaign("none")).isEmpty();
    }

    @Test
    void recentRunsAreNewestFirstAcrossCampaignsUpToTheLimit() {
        store.runs().create(queued("a", "c1", 1, at(1)));
        store.runs().create(queued("d", "c2", 1, at(4)));
        store.runs().create(queued("b", "c1", 2, at(2)));
        store.runs().create(queued("c", "c2", 2, at(3)));

        assertThat(store.runs().recent(3)).extracting(RunRecord::id).containsExactly("d", "c", "b");
        assertThat(store.runs().recent(10)).extracting(RunRecord::id).containsExactly("d", "c", "b", "a");
        assertThat(store.runs().recent(0)).isEmpty();
    }

    @Test
    void anUpdateWithTheNextVersionIsStored() {
        RunRecord queued = queued("r1", "c1", 1);
        store.runs().create(queued);
        RunRecord running = queued.moveTo(RunState.RUNNING, Optional.empty(), "worker 1", at(1));

        store.runs().update(running);

        assertThat(store.runs().find("r1")).contains(running);
        assertThat(running.version()).isEqualTo(1);
    }

    @Test
    void aStaleUpdateIsRefusedAndLeavesTheRunUnchanged() {
        RunRecord queued = queued("r1", "c1", 1);
        store.runs().create(queued);
        RunRecord winner = queued.moveTo(RunState.RUNNING, Optional.empty(), "worker 1", at(1));
        RunRecord loser = queued.moveTo(RunState.CANCELLED, Optional.empty(), "worker 2", at(2));
        store.runs().update(winner);

        assertThatThrownBy(() -> store.runs().update(loser))
                .isInstanceOf(StaleRunException.class).hasMessageContaining("r1");
        assertThat(store.runs().find("r1")).contains(winner);
    }

    @Test
    void anUpdateThatSkipsAVersionIsRefused() {
        RunRecord queued = queued("r1", "c1", 1);
        store.runs().create(queued);
        RunRecord skipping = queued.moveTo(RunState.RUNNING, Optional.empty(), "", at(1)).withProgress(progress(1), at(2));

        assertThatThrownBy(() -> store.runs().update(skipping)).isInstanceOf(StaleRunException.class);
        assertThat(store.runs().find("r1")).contains(queued);
    }

    @Test
    void updatingAnUnknownRunIsRefusedAsStale() {
        RunRecord ghost = queued("ghost", "c1", 1).moveTo(RunState.RUNNING, Optional.empty(), "", at(1));

        assertThatThrownBy(() -> store.runs().update(ghost)).isInstanceOf(StaleRunException.class);
        assertThat(store.runs().find("ghost")).isEmpty();
    }

    @Test
    void ofManyWritersHoldingTheSameVersionExactlyOneAdvancesTheRun() throws Exception {
        RunRecord running = running("r1", "c1", 1);
        List<Callable<RunRecord>> writers = IntStream.range(0, THREADS)
                .mapToObj(i -> (Callable<RunRecord>) () -> {
                    RunRecord mine = running.withProgress(progress(i + 1), at(100 + i));
                    store.runs().update(mine);
                    return mine;
                }).toList();

        List<Future<RunRecord>> results = runTogether(writers);

        List<RunRecord> stored = new ArrayList<>();
        int stale = 0;
        for (Future<RunRecord> result : results) {
            try {
                stored.add(result.get());
            } catch (ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(StaleRunException.class);
                stale++;
            }
        }
        assertThat(stored).hasSize(1);
        assertThat(stale).isEqualTo(THREADS - 1);
        assertThat(store.runs().find("r1")).contains(stored.getFirst());
    }

    // ---------------------------------------------------------------- attempts

    @Test
    void aCommittedAttemptStoresTheAttemptItsCallsItsChecksAndTheRun() {
        RunRecord running = running("r1", "c1", 1);
        AttemptCommit commit = commit(running, 1);

        store.runs().commitAttempt(commit);

        assertThat(store.runs().find("r1")).contains(commit.run());
        assertThat(store.runs().attempts("r1")).containsExactly(commit.attempt());
        assertThat(store.runs().authorCalls("r1")).containsExactlyElementsOf(commit.calls());
        assertThat(store.runs().checks("r1")).containsExactlyElementsOf(commit.checks());
    }

    @Test
    void attemptsCallsAndChecksRoundTripEveryField() {
        RunRecord running = running("r1", "c1", 1);
        AttemptRecord attempt = new AttemptRecord("r1", 1, "geometry", 1, AttemptVerdict.FAILED,
                List.of(fullFinding(), new Finding("SLOW", Severity.INFO, "took 3 s", "", "")),
                new Usage(1_234, 567, 89, 10, 0.1 + 0.2), "claude-test", "sha256:0123abcd", at(1), at(2));
        AuthorCallRecord retried = new AuthorCallRecord("r1", 1, 0, "stage", "anthropic", "claude-test",
                new Usage(1_000, 0, 0, 0, 1.0E-7), 30_000, CallOutcome.TRANSIENT, "HTTP 529 overloaded", at(1));
        AuthorCallRecord judged = new AuthorCallRecord("r1", 1, 1, "judge:plausible", "openai", "gpt-test",
                new Usage(234, 567, 89, 10, 0.012_345_678_9), 812, CallOutcome.OK, "", at(2));
        CheckRecord errored = new CheckRecord("r1", 1, "simulate", 3, CheckStatus.ERRORED,
                List.of(Finding.error("SIM_CRASH", "simulator exited 134")), OptionalDouble.empty(), 9_999);
        CheckRecord failed = new CheckRecord("r1", 1, "schema", 1, CheckStatus.FAILED, List.of(fullFinding()), OptionalDouble.of(0.333_333_333_333), 7);
        AttemptCommit commit = new AttemptCommit(attempt, List.of(retried, judged), List.of(errored, failed),
                running.withProgress(progress(1), at(3)));

        store.runs().commitAttempt(commit);

        assertThat(store.runs().attempts("r1")).containsExactly(attempt);
        assertThat(store.runs().authorCalls("r1")).containsExactly(retried, judged);
        assertThat(store.runs().checks("r1")).containsExactly(errored, failed);
    }

    @Test
    void anInfraAttemptWithoutModelOrTimesRoundTrips() {
        RunRecord running = running("r1", "c1", 1);
        AttemptRecord infra = new AttemptRecord("r1", 1, "geometry", 0, AttemptVerdict.INFRA_ERROR, List.of(),
                Usage.ZERO, null, null, null, null);
        AuthorCallRecord failedCall = new AuthorCallRecord("r1", 1, 0, "stage", "ollama", null, Usage.ZERO, 5,
                CallOutcome.PERMANENT, "connection refused", null);
        AttemptCommit commit = new AttemptCommit(infra, List.of(failedCall), List.of(),
                running.withProgress(progress(1), at(3)));

        store.runs().commitAttempt(commit);

        assertThat(store.runs().attempts("r1")).containsExactly(infra);
        assertThat(store.runs().authorCalls("r1")).containsExactly(failedCall);
        assertThat(store.runs().checks("r1")).isEmpty();
    }

    @Test
    void aStaleCommitWritesNoAttemptNoCallsAndNoChecks() {
        RunRecord running = running("r1", "c1", 1);
        AttemptCommit first = commit(running, 1);
        store.runs().commitAttempt(first);
        AttemptCommit stale = commit(running, 2); // built on the version the first commit replaced

        assertThatThrownBy(() -> store.runs().commitAttempt(stale)).isInstanceOf(StaleRunException.class);

        assertThat(store.runs().find("r1")).contains(first.run());
        assertThat(store.runs().attempts("r1")).containsExactly(first.attempt());
        assertThat(store.runs().authorCalls("r1")).containsExactlyElementsOf(first.calls());
        assertThat(store.runs().checks("r1")).containsExactlyElementsOf(first.checks());
    }

    @Test
    void aCommitForAnUnknownRunIsRefusedAndWritesNothing() {
        RunRecord ghost = queued("ghost", "c1", 1).moveTo(RunState.RUNNING, Optional.empty(), "", at(1));

        assertThatThrownBy(() -> store.runs().commitAttempt(commit(ghost, 1))).isInstanceOf(StaleRunException.class);
        assertThat(store.runs().attempts("ghost")).isEmpty();
        assertThat(store.runs().authorCalls("ghost")).isEmpty();
        assertThat(store.runs().checks("ghost")).isEmpty();
    }

    @Test
    void successiveCommitsListAttemptsBySeqAndCallsAndChecksInCommitOrder() {
        RunRecord run = running("r1", "c1", 1);
        List<AttemptCommit> commits = new ArrayList<>();
        for (int seq = 1; seq <= 3; seq++) {
            AttemptCommit commit = commit(run, seq);
            store.runs().commitAttempt(commit);
            commits.add(commit);
            run = commit.run();
        }

        assertThat(store.runs().attempts("r1")).extracting(AttemptRecord::seq).containsExactly(1, 2, 3);
        assertThat(store.runs().authorCalls("r1"))
                .containsExactlyElementsOf(commits.stream().flatMap(c -> c.calls().stream()).toList());
        assertThat(store.runs().checks("r1"))
                .containsExactlyElementsOf(commits.stream().flatMap(c -> c.checks().stream()).toList());
        assertThat(store.runs().find("r1")).contains(run);
    }

    @Test
    void anAttemptWithoutCallsOrChecksCanBeCommitted() {
        RunRecord running = running("r1", "c1", 1);
        AttemptCommit bare = new AttemptCommit(attempt("r1", 1, AttemptVerdict.PASSED), List.of(), List.of(),
                running.withProgress(progress(1), at(3)));

        store.runs().commitAttempt(bare);

        assertThat(store.runs().attempts("r1")).containsExactly(bare.attempt());
        assertThat(store.runs().authorCalls("r1")).isEmpty();
        assertThat(store.runs().checks("r1")).isEmpty();
    }

    @Test
    void eachRunListsOnlyItsOwnAttemptsCallsAndChecks() {
        AttemptCommit ofOne = commit(running("r1", "c1", 1), 1);
        AttemptCommit ofTwo = commit(running("r2", "c1", 2), 1);
        store.runs().commitAttempt(ofOne);
        store.runs().commitAttempt(ofTwo);

        assertThat(store.runs().attempts("r2")).containsExactly(ofTwo.attempt());
        assertThat(store.runs().authorCalls("r2")).containsExactlyElementsOf(ofTwo.calls());
        assertThat(store.runs().checks("r2")).containsExactlyElementsOf(ofTwo.checks());
        assertThat(store.runs().attempts("none")).isEmpty();
    }

    @Test
    void attemptsOfACampaignHoldEveryRunsAttemptsInCommitOrderAndNoOthers() {
        RunRecord one = running("r1", "c1", 1);
        RunRecord two = running("r2", "c1", 2);
        RunRecord elsewhere = running("r3", "c2", 1);
        AttemptCommit oneFirst = commit(one, 1);
        AttemptCommit twoFirst = commit(two, 1);
        AttemptCommit oneSecond = commit(oneFirst.run(), 2);
        for (AttemptCommit c : List.of(oneFirst, twoFirst, commit(elsewhere, 1), oneSecond)) store.runs().commitAttempt(c);

        assertThat(store.runs().attemptsOfCampaign("c1"))
                .containsExactly(oneFirst.attempt(), twoFirst.attempt(), oneSecond.attempt());
        assertThat(store.runs().attemptsOfCampaign("none")).isEmpty();
    }

    // ---------------------------------------------------------------- catalog

    @Test
    void anAcceptedRunIsCataloguedAndStored() {
        store.campaigns().create(campaign("c1", T0));
        RunRecord running = running("r1", "c1", 1);
        CatalogEntry entry = entry("s1", running, "hash-1");
        RunRecord accepted = accepted(running);

        AcceptOutcome outcome = store.catalog().accept(entry, accepted, 3);

        assertThat(outcome).isEqualTo(new AcceptOutcome.Accepted(entry));
        assertThat(store.catalog().find("s1")).contains(entry);
        assertThat(store.runs().find("r1")).contains(accepted);
    }

    @Test
    void theSameContentIsRefusedAsADuplicateInTheSamePack() {
        RunRecord first = running("r1", "c1", 1);
        store.catalog().accept(entry("s1", first, "same-hash"), accepted(first), 3);
        RunRecord second = running("r2", "c1", 2);

        AcceptOutcome outcome = store.catalog().accept(entry("s2", second, "same-hash"), accepted(second), 3);

        assertThat(outcome).isEqualTo(new AcceptOutcome.DuplicateContent("s1"));
        assertThat(store.catalog().find("s2")).isEmpty();
        assertThat(store.runs().find("r2")).contains(second);
    }

    @Test
    void theSameContentIsAllowedInAnotherPack() {
        RunRecord boxes = running("r1", "c1", 1);
        store.catalog().accept(entry("s1", boxes, "same-hash"), accepted(boxes), 3);
        RunRecord spheres = running(queued("r2", "c2", "spheres", 1, T0));
        CatalogEntry other = entry("s2", spheres, "same-hash");

        AcceptOutcome outcome = store.catalog().accept(other, accepted(spheres), 3);

        assertThat(outcome).isEqualTo(new AcceptOutcome.Accepted(other));
        assertThat(store.catalog().byPack("spheres")).containsExactly(other);
    }

    @Test
    void aFullCampaignRefusesFurtherAcceptsAndChangesNothing() {
        RunRecord first = running("r1", "c1", 1);
        store.catalog().accept(entry("s1", first, "hash-1"), accepted(first), 1);
        RunRecord second = running("r2", "c1", 2);

        AcceptOutcome outcome = store.catalog().accept(entry("s2", second, "hash-2"), accepted(second), 1);

        assertThat(outcome).isEqualTo(new AcceptOutcome.CampaignFull(1));
        assertThat(store.catalog().find("s2")).isEmpty();
        assertThat(store.runs().find("r2")).contains(second);
    }

    @Test
    void aCampaignWithATargetOfZeroIsFullFromTheStart() {
        RunRecord running = running("r1", "c1", 1);

        assertThat(store.catalog().accept(entry("s1", running, "hash-1"), accepted(running), 0))
                .isEqualTo(new AcceptOutcome.CampaignFull(0));
    }

    @Test
    void duplicateContentIsReportedBeforeAFullCampaign() {
        RunRecord first = running("r1", "c1", 1);
        store.catalog().accept(entry("s1", first, "same-hash"), accepted(first), 1);
        RunRecord second = running("r2", "c1", 2);

        assertThat(store.catalog().accept(entry("s2", second, "same-hash"), accepted(second), 1))
                .isEqualTo(new AcceptOutcome.DuplicateContent("s1"));
    }

    @Test
    void aStaleAcceptIsRefusedAndCataloguesNothing() {
        RunRecord running = running("r1", "c1", 1);
        RunRecord movedOn = running.withProgress(progress(2), at(50));
        store.runs().update(movedOn);

        assertThatThrownBy(() -> store.catalog().accept(entry("s1", running, "hash-1"), accepted(running), 3))
                .isInstanceOf(StaleRunException.class);
        assertThat(store.catalog().find("s1")).isEmpty();
        assertThat(store.catalog().byCampaign("c1")).isEmpty();
        assertThat(store.runs().find("r1")).contains(movedOn);
    }

    @Test
    void concurrentAcceptsNeverExceedTheCampaignTarget() throws Exception {
        int target = 3;
        List<RunRecord> runs = IntStream.rangeClosed(1, THREADS).mapToObj(i -> running("r" + i, "c1", i)).toList();
        List<Callable<AcceptOutcome>> accepts = runs.stream().map(r -> (Callable<AcceptOutcome>) () ->
                store.catalog().accept(entry("s-" + r.id(), r, "hash-" + r.id()), accepted(r), target)).toList();

        List<AcceptOutcome> outcomes = results(runTogether(accepts));

        assertThat(outcomes).filteredOn(AcceptOutcome.Accepted.class::isInstance).hasSize(target);
        assertThat(outcomes).filteredOn(o -> o.equals(new AcceptOutcome.CampaignFull(target))).hasSize(THREADS - target);
        assertThat(store.catalog().byCampaign("c1")).hasSize(target);
        assertThat(store.runs().byCampaign("c1")).filteredOn(r -> r.state() == RunState.ACCEPTED).hasSize(target);
    }

    @Test
    void concurrentAcceptsOfTheSameContentCatalogueItOnce() throws Exception {
        // one run per campaign, so only the duplicate rule can refuse them
        List<RunRecord> runs = IntStream.rangeClosed(1, THREADS).mapToObj(i -> running("r" + i, "c" + i, 1)).toList();
        List<Callable<AcceptOutcome>> accepts = runs.stream().map(r -> (Callable<AcceptOutcome>) () ->
                store.catalog().accept(entry("s-" + r.id(), r, "same-hash"), accepted(r), 10)).toList();

        List<AcceptOutcome> outcomes = results(runTogether(accepts));

        assertThat(outcomes).filteredOn(AcceptOutcome.Accepted.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(AcceptOutcome.DuplicateContent.class::isInstance).hasSize(THREADS - 1);
        assertThat(store.catalog().byPack("boxes")).hasSize(1);
    }

    @Test
    void theGuardIsShownOnlyThePacksEntriesAcceptedAfterWhatItHasSeen() {
        CatalogEntry first = acceptNew("r1", "c1", "boxes", 1);
        long afterFirst = store.catalog().since("boxes", 0).upTo();
        acceptNew("r2", "c2", "spheres", 1);
        CatalogEntry third = acceptNew("r3", "c1", "boxes", 2);
        RunRecord running = running("r4", "c1", 3);
        List<CatalogSlice> shown = new ArrayList<>();

        AcceptOutcome outcome = store.catalog().accept(new AcceptRequest(entry("s4", running, "hash-4"), accepted(running), 10, afterFirst),
                newer -> {
                    shown.add(newer);
                    return Optional.empty();
                });

        assertThat(outcome).isInstanceOf(AcceptOutcome.Accepted.class);
        assertThat(shown).singleElement().satisfies(slice -> {
            assertThat(slice.entries()).containsExactly(third);
            assertThat(slice.after()).isEqualTo(afterFirst);
            assertThat(slice.upTo()).isGreaterThan(afterFirst);
        });
        assertThat(store.catalog().since("boxes", 0).entries()).extracting(CatalogEntry::scenarioId)
                .containsExactly(first.scenarioId(), third.scenarioId(), "s4");
        long end = store.catalog().since("boxes", 0).upTo();
        assertThat(store.catalog().since("boxes", end)).isEqualTo(new CatalogSlice("boxes", end, end, List.of()));
    }

    @Test
    void aNearDuplicateNamedByTheGuardIsRefusedAndChangesNothing() {
        acceptNew("r1", "c1", "boxes", 1);
        RunRecord running = running("r2", "c1", 2);
        var near = new AcceptOutcome.NearDuplicate("s-r1", 0.93);

        AcceptOutcome outcome = store.catalog().accept(new AcceptRequest(entry("s2", running, "hash-2"), accepted(running), 10, 0),
                newer -> Optional.of(near));

        assertThat(outcome).isEqualTo(near);
        assertThat(store.catalog().find("s2")).isEmpty();
        assertThat(store.runs().find("r2")).contains(running);
    }

    @Test
    void aFailureJustBeforeTheCommitRollsTheWholeAcceptBack() {
        RunRecord running = running("r1", "c1", 1);
        AcceptGuard failing = new AcceptGuard() {
            @Override
            public Optional<AcceptOutcome.NearDuplicate> judge(CatalogSlice newer) {
                return Optional.empty();
            }

            @Override
            public void beforeCommit() {
                throw new IllegalStateException("disk full while moving the scenario folder");
            }
        };

        assertThatThrownBy(() -> store.catalog().accept(new AcceptRequest(entry("s1", running, "hash-1"), accepted(running), 10, 0), failing))
                .hasMessageContaining("disk full");

        assertThat(store.catalog().find("s1")).isEmpty();
        assertThat(store.runs().find("r1")).contains(running);
    }

    @Test
    void concurrentAcceptsJudgedByIndependentIndexesCatalogueOneOfNearDuplicates() throws Exception {
        // each thread has an index of its own, as separate processes would: only the store's lock keeps them apart
        List<RunRecord> runs = IntStream.rangeClosed(1, THREADS).mapToObj(i -> running("r" + i, "c" + i, 1)).toList();
        List<Callable<AcceptOutcome>> accepts = runs.stream().map(r -> (Callable<AcceptOutcome>) () ->
                acceptJudged(store, new CatalogMirror(new ShingleSimilarityIndex()), entry("s-" + r.id(), r, "hash-" + r.id()), accepted(r), 10))
                .toList();

        List<AcceptOutcome> outcomes = results(runTogether(accepts));

        assertThat(outcomes).filteredOn(AcceptOutcome.Accepted.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(AcceptOutcome.NearDuplicate.class::isInstance).hasSize(THREADS - 1);
        assertThat(store.catalog().byPack("boxes")).hasSize(1);
    }

    /** Accepts with the guard {@code Acceptance} uses: absorb what is new into the mirror, then look for a near-duplicate. */
    protected static AcceptOutcome acceptJudged(Store into, CatalogMirror mirror, CatalogEntry entry, RunRecord acceptedRun, int target) {
        var request = new AcceptRequest(entry, acceptedRun, target, mirror.seenUpTo(entry.pack()));
        AcceptOutcome outcome = into.catalog().accept(request, newer -> {
            mirror.absorb(newer);
            return mirror.nearDuplicate(entry.pack(), entry.uniquenessText(), entry.scenarioId(), 0.8)
                    .map(m -> new AcceptOutcome.NearDuplicate(m.scenarioId(), m.similarity()));
        });
        if (outcome instanceof AcceptOutcome.Accepted) mirror.added(entry.pack(), entry.scenarioId(), entry.uniquenessText());
        return outcome;
    }

    @Test
    void anUnknownScenarioIsNotFound() {
        assertThat(store.catalog().find("nope")).isEmpty();
    }

    @Test
    void byPackAndByCampaignListOnlyTheirEntriesInAcceptanceOrder() {
        CatalogEntry second = acceptNew("r2", "c1", "boxes", 2);
        CatalogEntry first = acceptNew("r1", "c1", "boxes", 1);
        CatalogEntry otherCampaign = acceptNew("r3", "c2", "boxes", 1);
        CatalogEntry otherPack = acceptNew("r4", "c3", "spheres", 1);

        assertThat(store.catalog().byPack("boxes")).containsExactly(second, first, otherCampaign);
        assertThat(store.catalog().byPack("spheres")).containsExactly(otherPack);
        assertThat(store.catalog().byCampaign("c1")).containsExactly(second, first);
        assertThat(store.catalog().byCampaign("c2")).containsExactly(otherCampaign);
        assertThat(store.catalog().byPack("none")).isEmpty();
        assertThat(store.catalog().byCampaign("none")).isEmpty();
    }

    @Test
    void updateStageMovesAnEntryAndKeepsEverythingElseAndItsPlace() {
        CatalogEntry first = acceptNew("r1", "c1", "boxes", 1);
        CatalogEntry second = acceptNew("r2", "c1", "boxes", 2);

        store.catalog().updateStage(first.scenarioId(), "dataset", "dataset/boxes/" + first.scenarioId());

        CatalogEntry promoted = new CatalogEntry(first.scenarioId(), first.pack(), first.campaignId(), first.runId(),
                first.title(), first.contentHash(), first.uniquenessText(), "dataset/boxes/" + first.scenarioId(),
                "dataset", first.acceptedAt());
        assertThat(store.catalog().find(first.scenarioId())).contains(promoted);
        assertThat(store.catalog().byPack("boxes")).containsExactly(promoted, second);
    }

    @Test
    void updatingTheStageOfAnUnknownScenarioIsRefused() {
        assertThatThrownBy(() -> store.catalog().updateStage("ghost", "dataset", "dataset/ghost"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ghost");
    }

    @Test
    void theStoreDescribesItself() {
        assertThat(store.describe()).isNotBlank();
    }

    // ---------------------------------------------------------------- review decisions

    @Test
    void theReviewQueueHoldsUndecidedStagedScenariosOnceInAcceptanceOrder() {
        CatalogEntry first = acceptNew("r1", "c1", "boxes", 1);
        CatalogEntry second = acceptNew("r2", "c1", "boxes", 2);
        CatalogEntry promoted = acceptNew("r3", "c2", "spheres", 1);
        store.catalog().updateStage(promoted.scenarioId(), "dataset", "datasets/spheres/" + promoted.scenarioId());

        assertThat(store.reviews().awaiting(10)).containsExactly(first, second);
        assertThat(store.reviews().awaiting(1)).containsExactly(first);
        assertThat(store.reviews().awaiting(0)).isEmpty();
        assertThatThrownBy(() -> store.reviews().awaiting(-1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
    }

    @Test
    void aReviewDecisionIsKeptWithEveryFieldAndTakesItsScenarioOutOfTheQueue() {
        CatalogEntry first = acceptNew("r1", "c1", "boxes", 1);
        CatalogEntry second = acceptNew("r2", "c1", "boxes", 2);
        ReviewDecision rejected = new ReviewDecision(first.scenarioId(), ReviewDecision.Verdict.REJECTED, "too easy: one crate", "token:abc", at(120));

        assertThat(store.reviews().decide(rejected)).isEmpty();

        assertThat(store.reviews().find(first.scenarioId())).contains(rejected);
        assertThat(store.reviews().find(second.scenarioId())).isEmpty();
        assertThat(store.reviews().awaiting(10)).containsExactly(second);
    }

    @Test
    void aSecondDecisionOnTheSameScenarioIsRefusedAndTheFirstIsKept() {
        CatalogEntry entry = acceptNew("r1", "c1", "boxes", 1);
        ReviewDecision approved = new ReviewDecision(entry.scenarioId(), ReviewDecision.Verdict.APPROVED, "", "session:x", at(120));
        ReviewDecision rejected = new ReviewDecision(entry.scenarioId(), ReviewDecision.Verdict.REJECTED, "no", "token:y", at(121));
        store.reviews().decide(approved);

        assertThat(store.reviews().decide(rejected)).contains(approved);
        assertThat(store.reviews().find(entry.scenarioId())).contains(approved);
    }

    @Test
    void concurrentDecisionsOnOneScenarioRecordExactlyOne() throws Exception {
        CatalogEntry entry = acceptNew("r1", "c1", "boxes", 1);
        List<Callable<Optional<ReviewDecision>>> decisions = IntStream.rangeClosed(1, THREADS).mapToObj(i -> (Callable<Optional<ReviewDecision>>) () ->
                store.reviews().decide(new ReviewDecision(entry.scenarioId(), ReviewDecision.Verdict.APPROVED, "", "who-" + i, at(i)))).toList();

        List<Optional<ReviewDecision>> outcomes = results(runTogether(decisions));

        assertThat(outcomes).filteredOn(Optional::isEmpty).hasSize(1);
        ReviewDecision kept = store.reviews().find(entry.scenarioId()).orElseThrow();
        assertThat(outcomes).filteredOn(Optional::isPresent).extracting(Optional::get).containsOnly(kept);
    }

    // ---------------------------------------------------------------- builders

    protected static Instant at(int secondsAfterStart) {
        return T0.plusSeconds(secondsAfterStart);
    }

    protected static CampaignRecord campaign(String id, Instant createdAt) {
        return new CampaignRecord(id, "boxes", 3, CampaignStatus.RUNNING, "", "fingerprint-" + id,
                "{\"pack\":\"boxes\",\"count\":3}", createdAt, createdAt, 0);
    }

    /** Nested values of every JSON kind, each of a type JSON gives back unchanged. */
    protected static Map<String, Object> parameters() {
        return Map.of("size", 3, "ratio", 0.25, "name", "crate ünïcødé", "big", 10_000_000_000L, "heavy", true,
                "tags", List.of("wood", "stacked"),
                "limits", Map.of("min", -1, "max", 2.5, "nested", Map.of("levels", List.of(1, 2, 3))));
    }

    protected static RunRecord queued(String id, String campaignId, int ordinal) {
        return queued(id, campaignId, ordinal, T0);
    }

    protected static RunRecord queued(String id, String campaignId, int ordinal, Instant createdAt) {
        return queued(id, campaignId, "boxes", ordinal, createdAt);
    }

    protected static RunRecord queued(String id, String campaignId, String pack, int ordinal, Instant createdAt) {
        return RunRecord.queued(id, campaignId, pack, ordinal, 1_000L + ordinal, parameters(), createdAt);
    }

    /** Creates the run queued and moves it to running (version 1) in the store; returns what is stored. */
    protected RunRecord running(String id, String campaignId, int ordinal) {
        return running(queued(id, campaignId, ordinal));
    }

    protected RunRecord running(RunRecord queued) {
        store.runs().create(queued);
        RunRecord running = queued.moveTo(RunState.RUNNING, Optional.empty(), "", at(1));
        store.runs().update(running);
        return running;
    }

    protected static RunRecord accepted(RunRecord running) {
        return running.moveTo(RunState.ACCEPTED, Optional.empty(), "accepted", at(90));
    }

    protected static Finding fullFinding() {
        return new Finding("JSON_SCHEMA", Severity.ERROR, "body 'crate' has no mass", "scene.json#/bodies/0",
                "give every body a mass in kg");
    }

    protected static RunProgress progress(int attemptSeq) {
        TreeMap<String, String> files = new TreeMap<>(Map.of("scene.xml", "<mujoco model=\"crate\"/>\n",
                "notes/why.md", "line one\nline two: ünïcødé"));
        return new RunProgress(2, 1, attemptSeq, List.of(fullFinding(), Finding.warning("LOOSE", "gap", "", "")),
                files, Map.of("review", "plausible", "gate", "unique enough"), 4_096L * attemptSeq,
                new Usage(1_200, 800, 100, 50, 0.1 + 0.2), OptionalDouble.of(0.75));
    }

    protected static AttemptRecord attempt(String runId, int seq, AttemptVerdict verdict) {
        return new AttemptRecord(runId, seq, "geometry", seq, verdict, List.of(fullFinding()),
                new Usage(1_000 + seq, 300, 20, 10, 0.001 * seq), "model-test", "prompt-" + seq, at(10 * seq),
                at(10 * seq + 5));
    }

    /** One failed attempt {@code seq} of {@code current}: two author calls, two checks, the run's next version. */
    protected static AttemptCommit commit(RunRecord current, int seq) {
        String runId = current.id();
        List<AuthorCallRecord> calls = List.of(
                new AuthorCallRecord(runId, seq, 0, "stage", "openai", "model-test", Usage.tokens(900, 0), 30_000,
                        CallOutcome.TRANSIENT, "HTTP 429 rate limited", at(10 * seq)),
                new AuthorCallRecord(runId, seq, 1, "stage", "openai", "model-test", new Usage(1_000, 300, 20, 10, 0.01),
                        1_500 + seq, CallOutcome.OK, "", at(10 * seq + 1)));
        List<CheckRecord> checks = List.of(
                new CheckRecord(runId, seq, "parse", 0, CheckStatus.PASSED, List.of(), OptionalDouble.of(1.0), 3),
                new CheckRecord(runId, seq, "schema", 1, CheckStatus.FAILED, List.of(fullFinding()), OptionalDouble.of(0.5), 12));
        return new AttemptCommit(attempt(runId, seq, AttemptVerdict.FAILED), calls, checks,
                current.withProgress(progress(seq), at(10 * seq + 6)));
    }

    protected static CatalogEntry entry(String scenarioId, RunRecord run, String contentHash) {
        return entry(scenarioId, run, contentHash, "three crates stacked on a ramp");
    }

    protected static CatalogEntry entry(String scenarioId, RunRecord run, String contentHash, String uniquenessText) {
        return new CatalogEntry(scenarioId, run.pack(), run.campaignId(), run.id(), "Crate stack " + scenarioId,
                contentHash, uniquenessText, "staging/" + run.pack() + "/" + scenarioId, "staging", at(95));
    }

    private CatalogEntry acceptNew(String runId, String campaignId, String pack, int ordinal) {
        RunRecord running = running(queued(runId, campaignId, pack, ordinal, T0));
        CatalogEntry entry = entry("s-" + runId, running, "hash-" + runId);
        assertThat(store.catalog().accept(entry, accepted(running), 10)).isEqualTo(new AcceptOutcome.Accepted(entry));
        return entry;
    }

    /** Starts every task at the same moment on its own thread, and waits for all of them. */
    protected static <T> List<Future<T>> runTogether(List<Callable<T>> tasks) throws InterruptedException {
        ExecutorService threads = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = tasks.stream().map(task -> threads.submit(() -> {
                start.await();
                return task.call();
            })).toList();
            start.countDown();
            threads.shutdown();
            assertThat(threads.awaitTermination(60, TimeUnit.SECONDS)).as("all tasks finish within 60 s").isTrue();
            return futures;
        } finally {
            threads.shutdownNow();
        }
    }

    protected static <T> List<T> results(List<Future<T>> futures) throws Exception {
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) results.add(future.get());
        return results;
    }
}
