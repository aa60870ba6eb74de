package dev.scenarist.core.campaign;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The caps a campaign stops at, gracefully: no new run or author call starts past them.
 * Empty = no cap; {@code maxRuns} defaults to ten times the requested count when the campaign is built.
 */
public record CampaignBudget(OptionalInt maxRuns, OptionalLong maxTokens, OptionalDouble maxCostUsd, Optional<Duration> maxWall) {
    public static final CampaignBudget UNLIMITED =
            new CampaignBudget(OptionalInt.empty(), OptionalLong.empty(), OptionalDouble.empty(), Optional.empty());

    public CampaignBudget {
        if (maxRuns.isPresent() && maxRuns.getAsInt() < 1) throw new IllegalArgumentException("max runs must be ≥ 1, got " + maxRuns.getAsInt());
        if (maxTokens.isPresent() && maxTokens.getAsLong() < 1) throw new IllegalArgumentException("max tokens must be ≥ 1, got " + maxTokens.getAsLong());
        if (maxCostUsd.isPresent() && !(maxCostUsd.getAsDouble() > 0)) throw new IllegalArgumentException("max cost must be > 0, got " + maxCostUsd.getAsDouble());
        if (maxWall.isPresent() && (maxWall.get().isNegative() || maxWall.get().isZero())) throw new IllegalArgumentException("max wall time must be > 0, got " + maxWall.get());
    }

    public int maxRunsOr(int fallback) {
        return maxRuns.orElse(fallback);
    }
}
