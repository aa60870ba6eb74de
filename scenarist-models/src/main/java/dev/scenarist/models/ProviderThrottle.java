package dev.scenarist.models;

import dev.scenarist.core.author.AuthorRequest;
import dev.scenarist.core.author.Throttle;
import dev.scenarist.core.engine.Sleeper;
import dev.scenarist.core.model.Usage;
import dev.scenarist.models.internal.reliability.BucketThrottle;
import dev.scenarist.models.internal.reliability.RateLimitFeedback;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Paces the calls to one provider model: requests and tokens per minute, slowed further by what the provider's own
 * rate-limit headers and Retry-After say once an author built with it ({@link ModelAuthors#http}) has heard them.
 * Share one per model among all the runs of a campaign; {@link #shared} ones share their state further, e.g. with
 * every worker on one database.
 */
public final class ProviderThrottle implements Throttle {
    private final BucketThrottle buckets;

    private ProviderThrottle(BucketThrottle buckets) {
        this.buckets = buckets;
    }

    /**
     * @param requests requests per minute; empty = no request limit
     * @param tokens   tokens per minute; empty = no token limit
     * @throws IllegalArgumentException for a limit below 1
     */
    public static ProviderThrottle perMinute(OptionalLong requests, OptionalLong tokens) {
        return new ProviderThrottle(BucketThrottle.perMinute(requests, tokens));
    }

    /**
     * Limits kept in {@code state} under {@code key}: every throttle built on the same state and key (in this process
     * or, with a database-backed state, in any worker) takes from the same buckets and honours the same pauses.
     *
     * @param requests requests per minute; empty = no request limit
     * @param tokens   tokens per minute; empty = no token limit
     * @throws IllegalArgumentException for a limit below 1
     */
    public static ProviderThrottle shared(RateLimitState state, RateLimitKey key, OptionalLong requests, OptionalLong tokens) {
        return new ProviderThrottle(new BucketThrottle(state, key.value(), requests, tokens, Sleeper.REAL));
    }

    @Override
    public Duration acquire(AuthorRequest request, Optional<Usage> estimate) throws InterruptedException {
        return buckets.acquire(request, estimate);
    }

    /** Where the author reports the provider's rate-limit headers. */
    RateLimitFeedback feedback() {
        return buckets;
    }
}
