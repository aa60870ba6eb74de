package dev.scenarist.packs.mechanisms.scene;

/**
 * Labelled regions of a scene. A zone is a marker, not an object: {@link Scene#zone} makes it a semi-transparent
 * box that never collides, named by the convention benchmarks read ({@code zone_goal}, {@code zone_start},
 * {@code zone_forbid}, {@code zone_build}, optionally with a {@code _suffix}).
 */
public enum Zone {
    GOAL("zone_goal", new Rgba(0.2, 0.8, 0.3, 0.3)),
    START("zone_start", new Rgba(0.2, 0.45, 0.9, 0.3)),
    FORBID("zone_forbid", new Rgba(0.9, 0.2, 0.2, 0.3)),
    /** Where a task lets the agent add parts ({@link Design}). */
    BUILD("zone_build", new Rgba(0.95, 0.75, 0.1, 0.25));

    private final String baseName;
    private final Rgba rgba;

    Zone(String baseName, Rgba rgba) {
        this.baseName = baseName;
        this.rgba = rgba;
    }

    public String baseName() {
        return baseName;
    }

    public Rgba rgba() {
        return rgba;
    }

    public PartLabel label() {
        return switch (this) {
            case GOAL -> PartLabel.ZONE_GOAL;
            case START -> PartLabel.ZONE_START;
            case FORBID -> PartLabel.ZONE_FORBID;
            case BUILD -> PartLabel.ZONE_BUILD;
        };
    }
}
