package dev.scenarist.core.store;

import dev.scenarist.core.model.CheckStatus;
import dev.scenarist.core.model.Finding;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One check's result within an attempt.
 *
 * @param score the score the check reported (judges, refine scorers), if it reported one
 */
public record CheckRecord(String runId, int attemptSeq, String check, int tier, CheckStatus status, List<Finding> findings,
                          OptionalDouble score, long durationMillis) {
    public CheckRecord {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(score, "score");
        findings = List.copyOf(findings);
    }
}
