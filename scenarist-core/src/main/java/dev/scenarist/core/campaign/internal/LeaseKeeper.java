package dev.scenarist.core.campaign.internal;

import dev.scenarist.core.store.WorkerCoordination;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renews a run's lease every third of its length while the run executes, on a virtual thread of its own. A renewal
 * refused (another worker took the run over: this one was too slow, a long pause, a lost database) interrupts the
 * executing thread, which then stops at its attempt boundary — its next commit would be refused by the run's version
 * anyway. A renewal that fails for a moment (the database unreachable) is tried again at the next beat: the lease is
 * only lost once another worker claims it.
 */
public final class LeaseKeeper implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LeaseKeeper.class);
    private final Thread beat;
    private final AtomicBoolean lost = new AtomicBoolean();
    private volatile boolean closed;

    private LeaseKeeper(WorkerCoordination coordination, Clock clock, String runId, String owner, Duration lease, Thread executing) {
        Duration every = lease.dividedBy(3);
        this.beat = Thread.ofVirtual().name("lease-" + runId).unstarted(() -> {
            while (!closed) {
                try {
                    Thread.sleep(every);
                } catch (InterruptedException e) {
                    return;
                }
                if (closed) return;
                try {
                    var now = clock.instant();
                    if (!coordination.claim(runId, owner, now, now.plus(lease))) {
                        log.warn("run {}: lease taken over by another worker; stopping here at the attempt boundary", runId);
                        lost.set(true);
                        executing.interrupt();
                        return;
                    }
                } catch (RuntimeException e) {
                    log.warn("run {}: could not renew its lease ({}); trying again in {} ms", runId, e.toString(), every.toMillis());
                }
            }
        });
    }

    /** Starts renewing; {@code executing} is the thread to interrupt when the lease is lost. */
    public static LeaseKeeper start(WorkerCoordination coordination, Clock clock, String runId, String owner, Duration lease, Thread executing) {
        LeaseKeeper keeper = new LeaseKeeper(coordination, clock, runId, owner, lease, executing);
        keeper.beat.start();
        return keeper;
    }

    /** Whether another worker took the run over while this one executed it. */
    public boolean lost() {
        return lost.get();
    }

    @Override
    public void close() {
        closed = true;
        beat.interrupt();
    }
}
