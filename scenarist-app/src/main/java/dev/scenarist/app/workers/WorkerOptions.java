package dev.scenarist.app.workers;

import java.time.Duration;

/**
 * How a worker takes part: how many runs it executes at once, how often JobRunr polls the database, after how many
 * missed polls a silent worker counts as dead (its jobs are then retried elsewhere), and how long a run's lease holds
 * unless renewed. Validated when built; the defaults suit production, tests shorten the lease.
 *
 * @param concurrency       runs executed at once by this worker (JobRunr's worker count), at least 1
 * @param pollInterval      JobRunr's poll interval, at least 5 s (JobRunr's own floor: polling loads the database)
 * @param timeoutPolls      missed polls after which a worker counts as dead, at least 4 (JobRunr's floor)
 * @param lease             a run's lease; at most the server timeout (pollInterval × timeoutPolls), so the lease of a
 *                          dead worker's run has run out by the time JobRunr offers its job to another worker
 */
public record WorkerOptions(int concurrency, Duration pollInterval, int timeoutPolls, Duration lease) {
    public static final int DEFAULT_CONCURRENCY = 2;
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(5);
    public static final int DEFAULT_TIMEOUT_POLLS = 4;
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(15);

    public WorkerOptions {
        if (concurrency < 1 || concurrency > 1000) throw new IllegalArgumentException("--concurrency must be 1 to 1000, got " + concurrency);
        if (pollInterval.compareTo(Duration.ofSeconds(5)) < 0) {
            throw new IllegalArgumentException("--poll-interval must be at least 5s (JobRunr polls the database at that pace), got " + pollInterval.toSeconds() + "s");
        }
        if (timeoutPolls < 4) throw new IllegalArgumentException("--server-timeout-polls must be at least 4 (JobRunr's floor), got " + timeoutPolls);
        if (lease.compareTo(Duration.ofSeconds(3)) < 0) throw new IllegalArgumentException("--lease must be at least 3s, got " + lease.toMillis() + " ms");
        if (lease.compareTo(serverTimeout(pollInterval, timeoutPolls)) > 0) {
            throw new IllegalArgumentException("--lease " + lease.toSeconds() + "s must not exceed the server timeout ("
                    + serverTimeout(pollInterval, timeoutPolls).toSeconds() + "s = poll interval × server timeout polls): else a dead"
                    + " worker's run would be offered to another worker while its lease still holds; shorten --lease");
        }
    }

    public static WorkerOptions defaults() {
        return new WorkerOptions(DEFAULT_CONCURRENCY, DEFAULT_POLL_INTERVAL, DEFAULT_TIMEOUT_POLLS, DEFAULT_LEASE);
    }

    /** After how long without a heartbeat a worker counts as dead and its job as orphaned. */
    public Duration serverTimeout() {
        return serverTimeout(pollInterval, timeoutPolls);
    }

    private static Duration serverTimeout(Duration poll, int polls) {
        return poll.multipliedBy(polls);
    }
}
