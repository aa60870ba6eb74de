package dev.scenarist.models.internal.reliability;

import dev.scenarist.core.author.AuthorRequest;
import dev.scenarist.core.author.Throttle;
import dev.scenarist.core.engine.Sleeper;
import dev.scenarist.core.model.Usage;
import dev.scenarist.models.RateLimitState;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Requests and tokens per minute for one provider, model and API key, as token buckets (Bucket4j), plus what the
 * provider's own rate-limit headers and Retry-After said: when the server reports no requests or tokens left, or asks
 * to retry after a while, every caller waits until then instead of collecting 429s. The buckets and pauses live in a
 * {@link RateLimitState}: this process's memory, or a database every worker shares.
 */
public final class BucketThrottle implements Throttle, RateLimitFeedback {
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private final RateLimitState state;
    private final String key;
    private final OptionalLong requestsPerMinute;
    private final OptionalLong tokensPerMinute;
    private final Sleeper sleeper;

    /**
     * Buckets of its own in memory.
     *
     * @param requestsPerMinute empty = no request limit
     * @param tokensPerMinute   empty = no token limit
     * @param time              the clock the buckets refill by ({@link TimeMeter#SYSTEM_NANOTIME} outside tests)
     */
    public BucketThrottle(OptionalLong requestsPerMinute, OptionalLong tokensPerMinute, TimeMeter time, Sleeper sleeper) {
        this(new LocalRateLimitState(time), "local", requestsPerMinute, tokensPerMinute, sleeper);
    }

    /** The buckets and pause under {@code key} in {@code state}, shared with every throttle that names the same key there. */
    public BucketThrottle(RateLimitState state, String key, OptionalLong requestsPerMinute, OptionalLong tokensPerMinute, Sleeper sleeper) {
        requestsPerMinute.ifPresent(n -> require(n, "requests per minute"));
        tokensPerMinute.ifPresent(n -> require(n, "tokens per minute"));
        this.state = state;
        this.key = key;
        this.requestsPerMinute = requestsPerMinute;
        this.tokensPerMinute = tokensPerMinute;
        this.sleeper = sleeper;
    }

    public static BucketThrottle perMinute(OptionalLong requests, OptionalLong tokens) {
        return new BucketThrottle(requests, tokens, TimeMeter.SYSTEM_NANOTIME, Sleeper.REAL);
    }

    private static void require(long n, String what) {
        if (n < 1) throw new IllegalArgumentException(what + " must be ≥ 1, got " + n);
    }

    @Override
    public Duration acquire(AuthorRequest request, Optional<Usage> estimate) throws InterruptedException {
        long waited = waitUntilUnpaused();
        if (requestsPerMinute.isPresent()) waited += take(state.bucket(key + "/requests", requestsPerMinute.getAsLong(), MINUTE), 1);
        if (tokensPerMinute.isPresent()) {
            long capacity = tokensPerMinute.getAsLong();
            long want = estimate.map(u -> u.inputTokens() + u.outputTokens()).orElse(1L);
            // a call larger than the whole bucket could never go: it takes the full bucket instead
            waited += take(state.bucket(key + "/tokens", capacity, MINUTE), Math.max(1, Math.min(want, capacity)));
        }
        return Duration.ofNanos(waited);
    }

    private long waitUntilUnpaused() throws InterruptedException {
        long waited = 0;
        // asked again after each sleep: another worker may have heard a longer Retry-After meanwhile
        for (Duration left = state.pauseLeft(key); left.isPositive(); left = state.pauseLeft(key)) {
            sleeper.sleep(left);
            waited += left.toNanos();
        }
        return waited;
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
    public void observe(Snapshot s) {
        s.retryAfter().ifPresent(this::pause);
        if (s.remainingRequests().isPresent() && s.remainingRequests().getAsLong() <= 0) s.requestsReset().ifPresent(this::pause);
        if (s.remainingTokens().isPresent() && s.remainingTokens().getAsLong() <= 0) s.tokensReset().ifPresent(this::pause);
    }

    private void pause(Duration d) {
        if (d.isPositive()) state.pause(key, d);
    }
}
