package dev.scenarist.packs.appworld.play;

import java.time.Duration;

/**
 * Caps of one play, validated when built.
 *
 * @param maxToolCalls agent tool calls in the whole play (default 200): a looping model agent stops here
 * @param maxTurns     agent plus user turns (default 200)
 * @param horizon      simulated time after the start beyond which the play stops (default 24 hours)
 */
public record PlayOptions(int maxToolCalls, int maxTurns, Duration horizon) {
    public static final PlayOptions DEFAULTS = new PlayOptions(200, 200, Duration.ofHours(24));

    public PlayOptions {
        if (maxToolCalls < 1) throw new IllegalArgumentException("maxToolCalls must be at least 1, got " + maxToolCalls);
        if (maxTurns < 1) throw new IllegalArgumentException("maxTurns must be at least 1, got " + maxTurns);
        if (horizon.isNegative() || horizon.isZero()) throw new IllegalArgumentException("horizon must be positive, got " + horizon);
    }
}
