package dev.scenarist.core.store;

import dev.scenarist.core.model.Finding;
import dev.scenarist.core.model.Usage;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One attempt: an author call (with its retries) plus the stage's checks.
 *
 * @param seq          1-based position among the run's attempts
 * @param stageAttempt 1-based content attempt within the stage (0 for an infra-only attempt record)
 * @param model        the model (or author id) that replied, empty if none did
 */
public record AttemptRecord(String runId, int seq, String stage, int stageAttempt, AttemptVerdict verdict,
                            List<Finding> findings, Usage usage, String model, String promptHash,
                            Instant startedAt, Instant finishedAt) {
    public AttemptRecord {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(verdict, "verdict");
        findings = List.copyOf(findings);
        Objects.requireNonNull(usage, "usage");
        model = model == null ? "" : model;
        promptHash = promptHash == null ? "" : promptHash;
    }
}
