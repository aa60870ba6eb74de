package dev.scenarist.models.internal.reliability;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a provider's response said about its rate limits (OpenAI {@code x-ratelimit-*}, Anthropic
 * {@code anthropic-ratelimit-*}, any {@code Retry-After}); providers report it after every response so the
 * shared limiter can slow down before the server says no.
 */
@FunctionalInterface
public interface RateLimitFeedback {
    RateLimitFeedback NONE = s -> { };

    record Snapshot(OptionalLong remainingRequests, OptionalLong remainingTokens, Optional<Duration> requestsReset,
                    Optional<Duration> tokensReset, Optional<Duration> retryAfter) {
        public static Snapshot empty() {
            return new Snapshot(OptionalLong.empty(), OptionalLong.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    void observe(Snapshot snapshot);
}
