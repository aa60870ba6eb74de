package dev.scenarist.core.engine;

import java.time.Duration;

/**
 * How infrastructure failures are retried: exponential backoff with full jitter, under a budget of its own
 * that never touches a stage's content attempts. Defaults: 5 retries, 1 s initial, doubling, capped at 60 s.
 *
 * @param maxRetries   retries after the first failure (0 = fail at once)
 * @param initialDelay delay before the first retry
 * @param multiplier   growth of the delay per retry (≥ 1)
 * @param maxDelay     cap on a single delay (a server's Retry-After is honoured up to this cap)
 * @param jitter       fraction of each delay randomised, in [0,1] (0.2 = ±20 %)
 */
public record RetryOptions(int maxRetries, Duration initialDelay, double multiplier, Duration maxDelay, double jitter) {
    public static final RetryOptions DEFAULTS = new RetryOptions(5, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(60), 0.2);
    public static final RetryOptions NONE = new RetryOptions(0, Duration.ZERO, 1.0, Duration.ZERO, 0);

    public RetryOptions {
        if (maxRetries < 0) throw new IllegalArgumentException("max retries must be ≥ 0, got " + maxRetries);
        if (initialDelay.isNegative()) throw new IllegalArgumentException("initial delay must be ≥ 0, got " + initialDelay);
        if (multiplier < 1.0) throw new IllegalArgumentException("backoff multiplier must be ≥ 1, got " + multiplier);
        if (maxDelay.compareTo(initialDelay) < 0) throw new IllegalArgumentException("max delay " + maxDelay + " is below initial delay " + initialDelay);
        if (jitter < 0 || jitter > 1) throw new IllegalArgumentException("jitter must be in [0,1], got " + jitter);
    }

    /** The delay before retry number {@code retry} (1-based); {@code unit} in [0,1) draws the jitter. */
    public Duration delayBefore(int retry, double unit) {
        double base = initialDelay.toMillis() * Math.pow(multiplier, retry - 1);
        double capped = Math.min(base, maxDelay.toMillis());
        double jittered = capped * (1 - jitter + 2 * jitter * unit);
        return Duration.ofMillis(Math.max(0, Math.min(Math.round(jittered), maxDelay.toMillis())));
    }
}
