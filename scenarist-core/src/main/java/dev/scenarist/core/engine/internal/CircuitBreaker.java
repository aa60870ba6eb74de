package dev.scenarist.core.engine.internal;

import dev.scenarist.core.engine.CircuitOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Pauses a whole campaign's author calls after repeated infrastructure failures, then lets one probe call through
 * and resumes when it succeeds: when a provider is down, every run waiting together beats every run burning its
 * retry budget against a wall. Closed → (threshold consecutive failures) → open for a cool-down that doubles
 * each time it re-opens (up to {@code maxCooldown}) → half-open (one probe) → closed on success.
 */
public final class CircuitBreaker {
    public static final CircuitBreaker DISABLED = new CircuitBreaker(Integer.MAX_VALUE, Duration.ofSeconds(1), Duration.ofSeconds(1), Clock.systemUTC());

    private final int threshold;
    private final Duration initialCooldown;
    private final Duration maxCooldown;
    private final Clock clock;
    private int consecutiveFailures;
    private Instant openUntil = Instant.MIN;
    private Duration cooldown;
    private boolean probing;

    /** A closed breaker under {@code options}. */
    public static CircuitBreaker of(CircuitOptions options, Clock clock) {
        return new CircuitBreaker(options.threshold(), options.cooldown(), options.maxCooldown(), clock);
    }

    public CircuitBreaker(int threshold, Duration initialCooldown, Duration maxCooldown, Clock clock) {
        if (threshold < 1) throw new IllegalArgumentException("circuit breaker threshold must be ≥ 1, got " + threshold);
        this.threshold = threshold;
        this.initialCooldown = initialCooldown;
        this.maxCooldown = maxCooldown;
        this.cooldown = initialCooldown;
        this.clock = clock;
    }

    /** How long a caller must wait before calling, or empty to go ahead now. A caller that goes ahead while half-open is the probe. */
    public synchronized Optional<Duration> waitBeforeCall() {
        Instant now = clock.instant();
        if (now.isBefore(openUntil)) return Optional.of(Duration.between(now, openUntil));
        if (consecutiveFailures >= threshold) {
            if (probing) return Optional.of(Duration.ofMillis(200)); // someone else is probing; check again shortly
            probing = true;
        }
        return Optional.empty();
    }

    public synchronized void onSuccess() {
        consecutiveFailures = 0;
        probing = false;
        cooldown = initialCooldown;
    }

    /** @return the pause it started, if this failure opened the circuit */
    public synchronized Optional<Duration> onTransientFailure() {
        consecutiveFailures++;
        boolean wasProbe = probing;
        probing = false;
        if (consecutiveFailures >= threshold) {
            Duration pause = cooldown;
            openUntil = clock.instant().plus(pause);
            if (wasProbe || consecutiveFailures > threshold) cooldown = min(cooldown.multipliedBy(2), maxCooldown);
            return Optional.of(pause);
        }
        return Optional.empty();
    }

    public synchronized boolean isOpen() {
        return clock.instant().isBefore(openUntil);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
