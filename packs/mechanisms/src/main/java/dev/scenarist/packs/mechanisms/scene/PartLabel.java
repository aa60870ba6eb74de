package dev.scenarist.packs.mechanisms.scene;

/**
 * The naming convention that tells benchmark tooling what a part is for. A geom, site or body named
 * {@code obstacle_3} is an obstacle, {@code agent_gripper} is controlled by the agent, {@code zone_goal} or
 * {@code zone_goal_left} is a goal region, and so on.
 */
public enum PartLabel {
    OBSTACLE("obstacle"),
    AGENT("agent"),
    ZONE_GOAL("zone_goal"),
    ZONE_START("zone_start"),
    ZONE_FORBID("zone_forbid"),
    /** Where a task lets the agent add parts. */
    ZONE_BUILD("zone_build"),
    /** Any other name: structure, decoration. */
    NONE("");

    private final String prefix;

    PartLabel(String prefix) {
        this.prefix = prefix;
    }

    /** {@code OBSTACLE.named("3")} is {@code obstacle_3}. */
    public String named(String suffix) {
        if (this == NONE) throw new IllegalArgumentException("NONE is not a label prefix");
        return prefix + "_" + suffix;
    }

    public String prefix() {
        return prefix;
    }

    /** What the name says the part is: the label whose prefix equals the name or starts it, followed by {@code _}. */
    public static PartLabel of(String name) {
        for (PartLabel label : values()) {
            if (label == NONE) continue;
            if (name.equals(label.prefix) && label.isZone()) return label;
            if (name.startsWith(label.prefix + "_")) return label;
        }
        return NONE;
    }

    public boolean isZone() {
        return this == ZONE_GOAL || this == ZONE_START || this == ZONE_FORBID || this == ZONE_BUILD;
    }
}
