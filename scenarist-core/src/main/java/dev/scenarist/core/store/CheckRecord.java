package dev.scenarist.core.store;

import dev.scenarist.core.model.Finding;
import java.util.List;

/** One check's result within an attempt. {@code status} is passed, failed or errored. */
public record CheckRecord(String runId, int attemptSeq, String check, int tier, String status, List<Finding> findings,
                          double score, long durationMillis) {
    public CheckRecord {
        findings = List.copyOf(findings);
    }
}
