package dev.scenarist.models.internal.http;

import dev.scenarist.models.internal.reliability.RateLimitFeedback.Snapshot;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a response says about rate limits: OpenAI's {@code x-ratelimit-remaining-requests|tokens} and
 * {@code x-ratelimit-reset-requests|tokens} (durations like {@code 1s}, {@code 6m0s}, {@code 20ms}), Anthropic's
 * {@code anthropic-ratelimit-requests|tokens-remaining} and {@code -reset} (RFC 3339 instants), and
 * {@code retry-after-ms} / {@code Retry-After} (seconds or an HTTP date). Unreadable values are ignored, never fatal.
 */
public final class RateLimitHeaders {
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d{1,12}(?:\\.\\d{1,9})?");
    private static final Pattern GO_DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");

    private RateLimitHeaders() {}

    public static Snapshot snapshot(HttpHeaders headers, Clock clock) {
        OptionalLong remainingRequests = firstLong(headers, "x-ratelimit-remaining-requests", "anthropic-ratelimit-requests-remaining");
        OptionalLong remainingTokens = firstLong(headers, "x-ratelimit-remaining-tokens", "anthropic-ratelimit-tokens-remaining");
        Optional<Duration> requestsReset = headers.firstValue("x-ratelimit-reset-requests").flatMap(RateLimitHeaders::goDuration)
                .or(() -> headers.firstValue("anthropic-ratelimit-requests-reset").flatMap(v -> until(v, clock)));
        Optional<Duration> tokensReset = headers.firstValue("x-ratelimit-reset-tokens").flatMap(RateLimitHeaders::goDuration)
                .or(() -> headers.firstValue("anthropic-ratelimit-tokens-reset").flatMap(v -> until(v, clock)));
        return new Snapshot(remainingRequests, remainingTokens, requestsReset, tokensReset, retryAfter(headers, clock));
    }

    public static boolean isEmpty(Snapshot s) {
        return s.equals(Snapshot.empty());
    }

    /** {@code retry-after-ms} (milliseconds) if present, else {@code Retry-After} as seconds or an HTTP date; never negative. */
    public static Optional<Duration> retryAfter(HttpHeaders headers, Clock clock) {
        Optional<Duration> millis = headers.firstValue("retry-after-ms").flatMap(v -> number(v)
                .map(ms -> Duration.ofNanos((long) (ms * 1_000_000))));
        if (millis.isPresent()) return millis.map(RateLimitHeaders::notNegative);
        return headers.firstValue("retry-after").flatMap(v -> retryAfter(v, clock));
    }

    /** A {@code Retry-After} value: delay seconds ({@code 30}, tolerated {@code 1.5}) or an HTTP date. */
    public static Optional<Duration> retryAfter(String value, Clock clock) {
        String v = value.trim();
        Optional<Double> seconds = number(v);
        if (seconds.isPresent()) return Optional.of(notNegative(Duration.ofMillis((long) (seconds.get() * 1000))));
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Optional.of(notNegative(Duration.between(clock.instant(), at)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A Go-style duration as OpenAI sends it: {@code 1s}, {@code 6m0s}, {@code 20ms}, {@code 1h2m3.5s}; a bare number is seconds. */
    public static Optional<Duration> goDuration(String value) {
        String v = value.trim();
        if (v.isEmpty()) return Optional.empty();
        Optional<Double> bare = number(v);
        if (bare.isPresent()) return Optional.of(notNegative(Duration.ofMillis((long) (bare.get() * 1000))));
        Matcher m = GO_DURATION_PART.matcher(v);
        double nanos = 0;
        int end = 0;
        while (m.find()) {
            if (m.start() != end) return Optional.empty();
            double n = Double.parseDouble(m.group(1));
            nanos += n * switch (m.group(2)) {
                case "ns" -> 1d;
                case "us", "µs" -> 1e3;
                case "ms" -> 1e6;
                case "s" -> 1e9;
                case "m" -> 60e9;
                default -> 3600e9;
            };
            end = m.end();
        }
        return end == v.length() ? Optional.of(Duration.ofNanos((long) nanos)) : Optional.empty();
    }

    private static Optional<Duration> until(String rfc3339, Clock clock) {
        try {
            return Optional.of(notNegative(Duration.between(clock.instant(), OffsetDateTime.parse(rfc3339.trim()).toInstant())));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static OptionalLong firstLong(HttpHeaders headers, String... names) {
        for (String name : names) {
            Optional<String> v = headers.firstValue(name);
            if (v.isPresent()) {
                try {
                    return OptionalLong.of(Long.parseLong(v.get().trim()));
                } catch (NumberFormatException ignored) {
                    // an unreadable count says nothing
                }
            }
        }
        return OptionalLong.empty();
    }

    private static Optional<Double> number(String v) {
        String t = v.trim();
        return PLAIN_NUMBER.matcher(t).matches() ? Optional.of(Double.parseDouble(t)) : Optional.empty();
    }

    private static Duration notNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }
}
