package dev.scenarist.core.store;

/** Another writer advanced the run first (or it does not exist): reload and decide again. */
public class StaleRunException extends RuntimeException {
    public StaleRunException(String runId, long expectedVersion) {
        super("run " + runId + " is not at version " + expectedVersion + " (another worker changed it, or it does not exist)");
    }
}
