package dev.scenarist.app.workers;

/**
 * Thrown to JobRunr when the run's lease is held by another live worker: the job fails, and JobRunr's retry (with its
 * back-off) offers it again later, by when the holder has finished it or died and let its lease run out.
 */
public final class RunHeldElsewhereException extends RuntimeException {
    public RunHeldElsewhereException(String runId, String owner, java.time.Instant until) {
        super("run " + runId + " is executed by worker " + owner + " (lease until " + until + "); retried later");
    }
}
