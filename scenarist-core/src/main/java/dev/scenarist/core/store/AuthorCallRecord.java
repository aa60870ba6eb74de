package dev.scenarist.core.store;

import dev.scenarist.core.model.Usage;
import java.time.Instant;

/**
 * One call to an author, successful or not: retries of a transient failure are separate calls.
 *
 * @param purpose  {@code stage} for the stage's own call, {@code judge:<check>} or {@code review} for critics
 * @param outcome  ok, transient (retried) or permanent
 * @param error    redacted error message, empty on success
 */
public record AuthorCallRecord(String runId, int attemptSeq, int callIndex, String purpose, String author, String model,
                               Usage usage, long latencyMillis, CallOutcome outcome, String error, Instant at) {
    public AuthorCallRecord {
        java.util.Objects.requireNonNull(outcome, "outcome");
        error = error == null ? "" : error;
        model = model == null ? "" : model;
    }
}
