package dev.scenarist.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules every store's {@link WorkerCoordination} keeps: one lease holder per run, one campaign decision at a time. */
public abstract class WorkerCoordinationContractTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123Z");
    private static final Duration LEASE = Duration.ofSeconds(15);

    protected Store store;

    protected abstract Store newStore();

    @BeforeEach
    void openStore() {
        store = newStore();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private WorkerCoordination leases() {
        return store.coordination();
    }

    @Test
    void aFreeRunIsClaimedAndItsLeaseNamesTheWorkerAndItsEnd() {
        assertThat(leases().lease("run-1")).isEmpty();

        assertThat(leases().claim("run-1", "host:11", T0, T0.plus(LEASE))).isTrue();

        assertThat(leases().lease("run-1")).contains(new RunLease("run-1", "host:11", T0.plus(LEASE)));
    }

    @Test
    void aRunHeldByALiveWorkerCannotBeClaimedByAnother() {
        leases().claim("run-1", "host:11", T0, T0.plus(LEASE));

        assertThat(leases().claim("run-1", "host:22", T0.plusSeconds(14), T0.plusSeconds(14).plus(LEASE))).isFalse();
        assertThat(leases().lease("run-1").orElseThrow().owner()).isEqualTo("host:11");
    }

    @Test
    void theHolderRenewsItsLeaseByClaimingAgain() {
        leases().claim("run-1", "host:11", T0, T0.plus(LEASE));

        assertThat(leases().claim("run-1", "host:11", T0.plusSeconds(5), T0.plusSeconds(5).plus(LEASE))).isTrue();

        assertThat(leases().lease("run-1").orElseThrow().expiresAt()).isEqualTo(T0.plusSeconds(5).plus(LEASE));
        assertThat(leases().claim("run-1", "host:22", T0.plusSeconds(16), T0.plusSeconds(16).plus(LEASE)))
                .as("the renewed lease still holds after the first one would have run out").isFalse();
    }

    @Test
    void aLeaseThatRanOutIsTakenOverByAnotherWorker() {
        leases().claim("run-1", "host:11", T0, T0.plus(LEASE));

        Instant later = T0.plus(LEASE).plusMillis(1);
        assertThat(leases().claim("run-1", "host:22", later, later.plus(LEASE))).isTrue();

        assertThat(leases().lease("run-1")).contains(new RunLease("run-1", "host:22", later.plus(LEASE)));
        assertThat(leases().claim("run-1", "host:11", later.plusSeconds(1), later.plusSeconds(1).plus(LEASE)))
                .as("the first worker, back from a long pause, cannot renew a lease another took over").isFalse();
    }

    @Test
    void aReleasedLeaseIsFreeForOthersAndStillNamesWhoHeldItLast() {
        leases().claim("run-1", "host:11", T0, T0.plus(LEASE));
        leases().release("run-1", "host:11", T0.plusSeconds(3));

        assertThat(leases().lease("run-1")).contains(new RunLease("run-1", "host:11", T0.plusSeconds(3)));
        assertThat(leases().lease("run-1").orElseThrow().heldAt(T0.plusSeconds(4))).isFalse();
        assertThat(leases().claim("run-1", "host:22", T0.plusSeconds(4), T0.plusSeconds(4).plus(LEASE))).isTrue();
    }

    @Test
    void onlyTheHolderCanReleaseALease() {
        leases().claim("run-1", "host:11", T0, T0.plus(LEASE));

        leases().release("run-1", "host:22", T0.plusSeconds(1));

        assertThat(leases().lease("run-1")).contains(new RunLease("run-1", "host:11", T0.plus(LEASE)));
    }

    @Test
    void ofManyWorkersClaimingOneFreeRunAtOnceExactlyOneGetsIt() throws Exception {
        int workers = 8;
        var ready = new CountDownLatch(workers);
        var go = new CountDownLatch(1);
        List<Future<Boolean>> claims = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(workers)) {
            for (int i = 0; i < workers; i++) {
                String me = "host:" + i;
                claims.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return leases().claim("run-1", me, T0, T0.plus(LEASE));
                }));
            }
            ready.await();
            go.countDown();
            int won = 0;
            for (var c : claims) won += c.get() ? 1 : 0;
            assertThat(won).isEqualTo(1);
        }
    }

    @Test
    void decisionsForOneCampaignTakeTurns() throws Exception {
        var inside = new AtomicInteger();
        var overlaps = new AtomicInteger();
        List<Future<Integer>> turns = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < 4; i++) {
                turns.add(pool.submit(() -> leases().exclusively("cmp-1", () -> {
                    if (inside.incrementAndGet() > 1) overlaps.incrementAndGet();
                    try {
                        Thread.sleep(30);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    inside.decrementAndGet();
                    return 1;
                })));
            }
            int done = 0;
            for (var t : turns) done += t.get();
            assertThat(done).isEqualTo(4);
        }
        assertThat(overlaps.get()).isZero();
    }

    @Test
    void aDecisionSeesAndKeepsWhatItWroteThroughTheOtherPorts() {
        var c = new CampaignRecord("cmp-1", "quiz", 3, CampaignStatus.RUNNING, "", "fp", "{}", T0, T0, 0);
        store.campaigns().create(c);

        String status = leases().exclusively("cmp-1", () -> {
            store.campaigns().update(c.withStatus(CampaignStatus.COMPLETED, "", T0.plusSeconds(1), 0));
            return store.campaigns().find("cmp-1").orElseThrow().status().label();
        });

        assertThat(status).isEqualTo(CampaignStatus.COMPLETED.label());
        assertThat(store.campaigns().find("cmp-1").orElseThrow().status()).isEqualTo(CampaignStatus.COMPLETED);
    }
}
