package dev.scenarist.core.campaign;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** New caps for a campaign (each one given replaces the campaign's; the others stay); {@link #NONE} changes nothing. */
public record CapChange(OptionalInt maxRuns, OptionalLong maxTokens, OptionalDouble maxCostUsd, Optional<Duration> maxWall) {
    public static final CapChange NONE = new CapChange(OptionalInt.empty(), OptionalLong.empty(), OptionalDouble.empty(), Optional.empty());

    public boolean isEmpty() {
        return maxRuns.isEmpty() && maxTokens.isEmpty() && maxCostUsd.isEmpty() && maxWall.isEmpty();
    }

    /** The campaign's budget with these caps in place. */
    public CampaignBudget applyTo(CampaignBudget b) {
        return new CampaignBudget(maxRuns.isPresent() ? maxRuns : b.maxRuns(), maxTokens.isPresent() ? maxTokens : b.maxTokens(),
                maxCostUsd.isPresent() ? maxCostUsd : b.maxCostUsd(), maxWall.isPresent() ? maxWall : b.maxWall());
    }
}
