package dev.scenarist.core.pack;

import dev.scenarist.core.store.AttemptRecord;
import dev.scenarist.core.store.CheckRecord;
import dev.scenarist.core.store.RunRecord;
import java.util.List;

/**
 * What the store holds of one campaign, for a pack's own figures: its runs (parameters, state, times), every attempt
 * (stage, attempt number, verdict, findings) and every check record (with the scores refine stages keep).
 */
public record CampaignEvidence(List<RunRecord> runs, List<AttemptRecord> attempts, List<CheckRecord> checks) {
    public CampaignEvidence {
        runs = List.copyOf(runs);
        attempts = List.copyOf(attempts);
        checks = List.copyOf(checks);
    }
}
