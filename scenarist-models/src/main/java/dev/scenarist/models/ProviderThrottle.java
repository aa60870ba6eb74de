package dev.scenarist.models;

import dev.scenarist.core.author.AuthorRequest;
import dev.scenarist.core.author.Throttle;
import dev.scenarist.core.model.Usage;
import dev.scenarist.models.internal.reliability.BucketThrottle;
import dev.scenarist.models.internal.reliability.RateLimitFeedback;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Paces the calls to one provider model: requests and tokens per minute, slowed further by what the provider's own
 * rate-limit headers and Retry-After say once an author built with it ({@link ModelAuthors#http}) has heard them.
 * Share one per model among all the runs of a campaign.
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

    @Override
    public Duration acquire(AuthorRequest request, Optional<Usage> estimate) throws InterruptedException {
        return buckets.acquire(request, estimate);
    }

    /** Where the author reports the provider's rate-limit headers. */
    RateLimitFeedback feedback() {
        return buckets;
    }
}
