package dev.scenarist.core.store;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What lets several worker processes share one store's campaigns: a lease on each run a worker executes, so no run is
 * executed by two workers at once whatever the job queue believes, and turns on a campaign's planning decisions (how
 * many runs to add, whether it is complete), so two workers settling runs of one campaign at the same moment cannot
 * both top it up. The database is the arbiter: a queue that hands one run to two workers loses to the lease.
 */
public interface WorkerCoordination {
    /**
     * Takes the run's lease for {@code owner} until {@code until} when nobody holds it, when its holder's lease ran out
     * before {@code now}, or when {@code owner} holds it already (then it is extended: a renewal is a claim).
     *
     * @return whether {@code owner} holds the lease now
     */
    boolean claim(String runId, String owner, Instant now, Instant until);

    /**
     * Ends {@code owner}'s lease on the run at {@code now}; the row stays, naming who held it last, so one can tell who
     * finished a run. Nothing happens when another worker holds it.
     */
    void release(String runId, String owner, Instant now);

    /** The run's lease as stored, held or run out; empty when no worker ever claimed it. */
    Optional<RunLease> lease(String runId);

    /**
     * Runs {@code decision} while no other process runs one for the same campaign nor accepts a scenario into it, and
     * returns its result. Every read inside sees what was committed before the turn was granted.
     */
    <T> T exclusively(String campaignId, Supplier<T> decision);
}
