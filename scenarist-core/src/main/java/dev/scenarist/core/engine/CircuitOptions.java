package dev.scenarist.core.engine;

import java.time.Duration;

/**
 * When a campaign pauses its author calls: after {@code threshold} consecutive infrastructure failures, for
 * {@code cooldown}, doubling up to {@code maxCooldown} while the provider stays down. Defaults: 5, 30 s, 5 min.
 */
public record CircuitOptions(int threshold, Duration cooldown, Duration maxCooldown) {
    public static final CircuitOptions DEFAULTS = new CircuitOptions(5, Duration.ofSeconds(30), Duration.ofMinutes(5));

    public CircuitOptions {
        if (threshold < 1) throw new IllegalArgumentException("circuit threshold must be ≥ 1, got " + threshold);
        if (cooldown.isNegative() || cooldown.isZero()) throw new IllegalArgumentException("circuit cool-down must be > 0, got " + cooldown);
        if (maxCooldown.compareTo(cooldown) < 0) throw new IllegalArgumentException("max cool-down " + maxCooldown + " is below the cool-down " + cooldown);
    }
}
