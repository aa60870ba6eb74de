package dev.scenarist.models.internal.reliability;

import dev.scenarist.core.author.AuthorRequest;
import dev.scenarist.core.author.Throttle;
import dev.scenarist.core.engine.Sleeper;
import dev.scenarist.core.model.Usage;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Requests and tokens per minute for one provider and model, as token buckets (Bucket4j), plus what the provider's
 * own rate-limit headers and Retry-After said: when the server reports no requests or tokens left, or asks to
 * retry after a while, every caller waits until then instead of collecting 429s.
 */
public final class BucketThrottle implements Throttle, RateLimitFeedback {
    private final Optional<Bucket> requests;
    private final Optional<Bucket> tokens;
    private final long tokenCapacity;
    private final TimeMeter time;
    private final Sleeper sleeper;
    private long blockedUntilNanos = Long.MIN_VALUE;

    /**
     * @param requestsPerMinute empty = no request limit
     * @param tokensPerMinute   empty = no token limit
     * @param time              the clock the buckets refill by ({@link TimeMeter#SYSTEM_NANOTIME} outside tests)
     */
    public BucketThrottle(OptionalLong requestsPerMinute, OptionalLong tokensPerMinute, TimeMeter time, Sleeper sleeper) {
        requestsPerMinute.ifPresent(n -> require(n, "requests per minute"));
        tokensPerMinute.ifPresent(n -> require(n, "tokens per minute"));
        this.time = time;
        this.sleeper = sleeper;
        this.requests = requestsPerMinute.stream().mapToObj(n -> bucket(n, time)).findFirst();
        this.tokens = tokensPerMinute.stream().mapToObj(n -> bucket(n, time)).findFirst();
        this.tokenCapacity = tokensPerMinute.orElse(Long.MAX_VALUE);
    }

    public static BucketThrottle perMinute(OptionalLong requests, OptionalLong tokens) {
        return new BucketThrottle(requests, tokens, TimeMeter.SYSTEM_NANOTIME, Sleeper.REAL);
    }

    private static void require(long n, String what) {
        if (n < 1) throw new IllegalArgumentException(what + " must be ≥ 1, got " + n);
    }

    private static Bucket bucket(long perMinute, TimeMeter time) {
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .withCustomTimePrecision(time).build();
    }

    @Override
    public Duration acquire(AuthorRequest request, Optional<Usage> estimate) throws InterruptedException {
        long waited = 0;
        waited += waitUntilUnblocked();
        if (requests.isPresent()) waited += take(requests.get(), 1);
        if (tokens.isPresent()) {
            long want = estimate.map(u -> u.inputTokens() + u.outputTokens()).orElse(1L);
            waited += take(tokens.get(), Math.max(1, Math.min(want, tokenCapacity)));
        }
        return Duration.ofNanos(waited);
    }

    private long waitUntilUnblocked() throws InterruptedException {
        long wait;
        synchronized (this) {
            if (blockedUntilNanos == Long.MIN_VALUE) return 0; // never blocked (and the subtraction would overflow)
            wait = blockedUntilNanos - time.currentTimeNanos();
        }
        if (wait <= 0) return 0;
        sleeper.sleep(Duration.ofNanos(wait));
        return wait;
    }

    private long take(Bucket bucket, long n) throws InterruptedException {
        long waited = 0;
        while (true) {
            var probe = bucket.tryConsumeAndReturnRemaining(n);
            if (probe.isConsumed()) return waited;
            long nanos = probe.getNanosToWaitForRefill();
            sleeper.sleep(Duration.ofNanos(nanos));
            waited += nanos;
        }
    }

    @Override
    public synchronized void observe(Snapshot s) {
        long now = time.currentTimeNanos();
        s.retryAfter().ifPresent(d -> block(now, d));
        if (s.remainingRequests().isPresent() && s.remainingRequests().getAsLong() <= 0) s.requestsReset().ifPresent(d -> block(now, d));
        if (s.remainingTokens().isPresent() && s.remainingTokens().getAsLong() <= 0) s.tokensReset().ifPresent(d -> block(now, d));
    }

    private void block(long now, Duration d) {
        blockedUntilNanos = Math.max(blockedUntilNanos, now + d.toNanos());
    }
}
