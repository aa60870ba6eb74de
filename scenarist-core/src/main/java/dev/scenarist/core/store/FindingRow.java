package dev.scenarist.core.store;

import dev.scenarist.core.model.Finding;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The findings one check reported in one failed attempt (or the attempt's own findings, under {@link #GUARDRAIL}).
 *
 * @param stage the attempt's stage
 * @param at    when the attempt finished (its start if it has no end), for trends over time
 */
public record FindingRow(String campaignId, String runId, String stage, String check, Instant at, List<Finding> findings) {
    /** The check name of findings no check reported: the reply parser and the edit policy found them. */
    public static final String GUARDRAIL = "guardrail";

    public FindingRow {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(check, "check");
        findings = List.copyOf(findings);
    }
}
