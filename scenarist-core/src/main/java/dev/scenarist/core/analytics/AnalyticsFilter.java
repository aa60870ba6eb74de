package dev.scenarist.core.analytics;

import java.util.Optional;

/**
 * Which campaigns analytics looks at: one campaign, the campaigns of a pack, of a category, or (all empty) every
 * campaign. Given together, all must hold.
 */
public record AnalyticsFilter(Optional<String> campaign, Optional<String> pack, Optional<String> category) {
    public static final AnalyticsFilter ALL = new AnalyticsFilter(Optional.empty(), Optional.empty(), Optional.empty());

    public AnalyticsFilter {
        campaign = blankless(campaign);
        pack = blankless(pack);
        category = blankless(category);
    }

    public static AnalyticsFilter campaign(String id) {
        return new AnalyticsFilter(Optional.of(id), Optional.empty(), Optional.empty());
    }

    public static AnalyticsFilter pack(String pack) {
        return new AnalyticsFilter(Optional.empty(), Optional.of(pack), Optional.empty());
    }

    public static AnalyticsFilter category(String category) {
        return new AnalyticsFilter(Optional.empty(), Optional.empty(), Optional.of(category));
    }

    /** {@code campaign=C pack=P}, or {@code all campaigns}. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        campaign.ifPresent(c -> b.append("campaign=").append(c).append(' '));
        pack.ifPresent(p -> b.append("pack=").append(p).append(' '));
        category.ifPresent(c -> b.append("category=").append(c).append(' '));
        return b.isEmpty() ? "all campaigns" : b.toString().strip();
    }

    private static Optional<String> blankless(Optional<String> v) {
        return v == null ? Optional.empty() : v.map(String::strip).filter(s -> !s.isEmpty());
    }
}
