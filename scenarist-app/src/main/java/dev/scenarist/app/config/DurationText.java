package dev.scenarist.app.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a duration is written, on the command line ({@code --max-wall}) and in a config file ({@code max_wall:}) alike:
 * {@code 45s}, {@code 30m}, {@code 2h}, {@code 1h30m}, {@code 500ms}, or ISO-8601 {@code PT5M}. Always longer than zero.
 */
public final class DurationText {
    public static final String EXAMPLES = "write it like 45s, 30m, 2h or 1h30m";

    // ASCII digits only: \d would also take other scripts' digits, which Long.parseLong reads silently
    private static final Pattern PART = Pattern.compile("([0-9]+)(ms|s|m|h)");

    private DurationText() {}

    /** @throws IllegalArgumentException saying what is wrong with {@code text} (without where it was written) */
    public static Duration parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.startsWith("-")) throw new IllegalArgumentException("'" + text + "' is negative; a duration must be longer than zero");
        Duration d = t.startsWith("pt") ? iso(text, t) : units(text, t);
        if (d.isNegative() || d.isZero()) throw new IllegalArgumentException("'" + text + "' is no time at all; a duration must be longer than zero");
        return d;
    }

    private static Duration iso(String text, String t) {
        try {
            return Duration.parse(t.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw notADuration(text);
        }
    }

    private static Duration units(String text, String t) {
        if (t.matches("[0-9]+")) throw new IllegalArgumentException("'" + text + "' has no unit (s, m or h)");
        Matcher m = PART.matcher(t);
        Duration d = Duration.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            long n;
            try {
                n = Long.parseLong(m.group(1));
            } catch (NumberFormatException e) {
                throw notADuration(text);
            }
            d = d.plus(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            });
            end = m.end();
        }
        if (end == 0 || end != t.length()) throw notADuration(text);
        return d;
    }

    private static IllegalArgumentException notADuration(String text) {
        return new IllegalArgumentException("'" + text + "' is not a duration");
    }
}
