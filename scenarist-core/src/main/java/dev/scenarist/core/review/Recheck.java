package dev.scenarist.core.review;

import dev.scenarist.core.campaign.Validation;
import dev.scenarist.core.model.Finding;
import java.util.List;

/**
 * The reviewed stage's checks, run again on a paused run's files (after a person's edits) through the engine's check
 * loop, without any model call: a judge check that needs the model is not judged.
 */
public record Recheck(String runId, String stage, List<Validation.CheckOutcome> checks) {
    public Recheck {
        checks = List.copyOf(checks);
    }

    /** Every check that ran passed and none was left unjudged. */
    public boolean passed() {
        return checks.stream().allMatch(c -> c.status() == Validation.Status.PASSED);
    }

    public List<Finding> findings() {
        return checks.stream().flatMap(c -> c.findings().stream()).toList();
    }
}
