package dev.scenarist.core.store;

import dev.scenarist.core.model.Usage;
import java.util.Objects;

/**
 * {@code attempts} attempts of campaign {@code campaignId} at stage {@code stage}, each the {@code stageAttempt}-th of
 * its stage, ended with {@code verdict}; {@code usage} is what they spent together.
 */
public record AttemptTally(String campaignId, String stage, int stageAttempt, AttemptVerdict verdict, long attempts, Usage usage) {
    public AttemptTally {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(usage, "usage");
    }
}
