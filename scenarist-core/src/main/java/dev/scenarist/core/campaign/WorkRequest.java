package dev.scenarist.core.campaign;

import java.time.Duration;
import java.util.Objects;

/**
 * A worker asks to execute one run of a campaign stored for workers.
 *
 * @param worker who the run's lease names (unique among live workers, e.g. {@code host:pid})
 * @param lease  how long the lease holds unless renewed; it is renewed every third of it while the run executes, so a
 *               worker that dies gives its run up after at most this long
 * @param queue  where runs the campaign adds after this one settles (a top-up after a rejection) are enqueued
 */
public record WorkRequest(String runId, String worker, Duration lease, RunQueue queue) {
    public WorkRequest {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(worker, "worker");
        Objects.requireNonNull(queue, "queue");
        if (worker.isBlank()) throw new IllegalArgumentException("a worker needs a name for its leases, got a blank one");
        if (lease.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("a run lease must last at least 1 s (it is renewed every third of it), got " + lease);
        }
    }
}
