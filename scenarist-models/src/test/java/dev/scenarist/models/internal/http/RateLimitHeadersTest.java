package dev.scenarist.models.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RateLimitHeadersTest {
    final Clock clock = Clock.fixed(StepClock.START, ZoneOffset.UTC);

    static HttpHeaders headers(String... pairs) {
        Map<String, List<String>> map = new java.util.HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) map.put(pairs[i], List.of(pairs[i + 1]));
        return HttpHeaders.of(map, (a, b) -> true);
    }

    @Test
    void openAiResetDurationsAreGoDurations() {
        assertThat(RateLimitHeaders.goDuration("1s")).contains(Duration.ofSeconds(1));
        assertThat(RateLimitHeaders.goDuration("6m0s")).contains(Duration.ofMinutes(6));
        assertThat(RateLimitHeaders.goDuration("20ms")).contains(Duration.ofMillis(20));
        assertThat(RateLimitHeaders.goDuration("1h2m3.5s")).contains(Duration.ofMillis(3_723_500));
        assertThat(RateLimitHeaders.goDuration("17.281s")).contains(Duration.ofMillis(17_281));
        assertThat(RateLimitHeaders.goDuration("2")).contains(Duration.ofSeconds(2));
        assertThat(RateLimitHeaders.goDuration("soon")).isEmpty();
        assertThat(RateLimitHeaders.goDuration("1s later")).isEmpty();
        assertThat(RateLimitHeaders.goDuration("")).isEmpty();
    }

    @Test
    void retryAfterIsSecondsOrAnHttpDateAndNeverNegative() {
        assertThat(RateLimitHeaders.retryAfter("30", clock)).contains(Duration.ofSeconds(30));
        assertThat(RateLimitHeaders.retryAfter("1.5", clock)).contains(Duration.ofMillis(1500));
        assertThat(RateLimitHeaders.retryAfter("Thu, 20 Nov 2025 10:01:00 GMT", clock)).contains(Duration.ofMinutes(1));
        assertThat(RateLimitHeaders.retryAfter("Thu, 20 Nov 2025 09:00:00 GMT", clock)).contains(Duration.ZERO);
        assertThat(RateLimitHeaders.retryAfter("-5", clock)).contains(Duration.ZERO);
        assertThat(RateLimitHeaders.retryAfter("1d", clock)).isEmpty();
        assertThat(RateLimitHeaders.retryAfter("later", clock)).isEmpty();
    }

    @Test
    void retryAfterMsWinsOverRetryAfter() {
        assertThat(RateLimitHeaders.retryAfter(headers("retry-after", "5", "retry-after-ms", "250.5"), clock)).contains(Duration.ofNanos(250_500_000));
        assertThat(RateLimitHeaders.retryAfter(headers("Retry-After", "5"), clock)).contains(Duration.ofSeconds(5));
        assertThat(RateLimitHeaders.retryAfter(headers(), clock)).isEmpty();
    }

    @Test
    void openAiHeadersMakeASnapshot() {
        var s = RateLimitHeaders.snapshot(headers("x-ratelimit-remaining-requests", "59", "x-ratelimit-remaining-tokens", "149984",
                "x-ratelimit-reset-requests", "1s", "x-ratelimit-reset-tokens", "6m0s"), clock);
        assertThat(s.remainingRequests()).isEqualTo(OptionalLong.of(59));
        assertThat(s.remainingTokens()).isEqualTo(OptionalLong.of(149984));
        assertThat(s.requestsReset()).contains(Duration.ofSeconds(1));
        assertThat(s.tokensReset()).contains(Duration.ofMinutes(6));
        assertThat(s.retryAfter()).isEmpty();
    }

    @Test
    void anthropicHeadersMakeASnapshotWithResetsFromTheClock() {
        var s = RateLimitHeaders.snapshot(headers("anthropic-ratelimit-requests-remaining", "49", "anthropic-ratelimit-tokens-remaining", "0",
                "anthropic-ratelimit-requests-reset", "2025-11-20T10:00:02Z", "anthropic-ratelimit-tokens-reset", "2025-11-20T10:00:42.5+00:00",
                "retry-after", "42"), clock);
        assertThat(s.remainingRequests()).isEqualTo(OptionalLong.of(49));
        assertThat(s.remainingTokens()).isEqualTo(OptionalLong.of(0));
        assertThat(s.requestsReset()).contains(Duration.ofSeconds(2));
        assertThat(s.tokensReset()).contains(Duration.ofMillis(42_500));
        assertThat(s.retryAfter()).contains(Duration.ofSeconds(42));
    }

    @Test
    void unreadableValuesAreIgnoredAndNoHeadersMakeAnEmptySnapshot() {
        var s = RateLimitHeaders.snapshot(headers("x-ratelimit-remaining-requests", "many", "anthropic-ratelimit-tokens-reset", "tomorrow"), clock);
        assertThat(RateLimitHeaders.isEmpty(s)).isTrue();
        assertThat(s.requestsReset()).isEqualTo(Optional.empty());
    }
}
