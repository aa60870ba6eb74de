package dev.scenarist.packs.appworld.phone.tools;

/** Who makes a call: the assistant under test, the (simulated) user, or the environment's scripted triggers. */
public enum Actor {
    AGENT, USER, ENV;

    /** The tool layer this actor is allowed to call. */
    public Layer layer() {
        return switch (this) {
            case AGENT -> Layer.AGENT;
            case USER -> Layer.USER;
            case ENV -> Layer.ENV;
        };
    }

    /** How actors are written in logs and snapshots: "agent", "user", "env". */
    @com.fasterxml.jackson.annotation.JsonValue
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
