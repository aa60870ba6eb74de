package dev.scenarist.server.pages;

import dev.scenarist.core.model.Usage;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the dashboard writes money, tokens, durations and times (UTC, like the store and the audit log). */
public final class Numbers {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private Numbers() {}

    public static String usd(double v) {
        return v == 0 ? "$0" : v < 0.01 ? String.format(Locale.ROOT, "$%.4f", v) : String.format(Locale.ROOT, "$%.2f", v);
    }

    public static String tokens(long n) {
        return n < 10_000 ? Long.toString(n) : n < 10_000_000 ? String.format(Locale.ROOT, "%.1fk", n / 1000.0) : String.format(Locale.ROOT, "%.1fM", n / 1e6);
    }

    public static String usage(Usage u) {
        return tokens(u.totalTokens()) + " tokens · " + usd(u.costUsd());
    }

    public static String millis(long ms) {
        return ms < 1000 ? ms + " ms" : ms < 120_000 ? String.format(Locale.ROOT, "%.1f s", ms / 1000.0) : String.format(Locale.ROOT, "%.1f min", ms / 60000.0);
    }

    public static String when(Instant t) {
        return t == null ? "" : WHEN.format(t) + " UTC";
    }

    public static String clock(Instant t) {
        return CLOCK.format(t);
    }
}
