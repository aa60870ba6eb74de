package dev.scenarist.models.internal.reliability;

import dev.scenarist.models.RateLimitState;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Rate-limit state in this process's memory: local Bucket4j buckets and pause deadlines on one clock. */
public final class LocalRateLimitState implements RateLimitState {
    private final TimeMeter time;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Map<String, Long> pausedUntilNanos = new HashMap<>();

    /** @param time the clock buckets refill by and pauses end by ({@link TimeMeter#SYSTEM_NANOTIME} outside tests) */
    public LocalRateLimitState(TimeMeter time) {
        this.time = time;
    }

    @Override
    public Bucket bucket(String key, long capacity, Duration refillPeriod) {
        return buckets.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, refillPeriod).build())
                .withCustomTimePrecision(time).build());
    }

    @Override
    public synchronized void pause(String key, Duration pause) {
        long until = time.currentTimeNanos() + pause.toNanos();
        pausedUntilNanos.merge(key, until, Math::max);
    }

    @Override
    public synchronized Duration pauseLeft(String key) {
        Long until = pausedUntilNanos.get(key);
        if (until == null) return Duration.ZERO;
        long left = until - time.currentTimeNanos();
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }
}
