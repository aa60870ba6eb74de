package dev.scenarist.core.text;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a person writes a duration, wherever Scenarist reads one: on the command line ({@code --max-wall}), in a
 * campaign config ({@code max_wall:}) and in a pack.yaml ({@code timeout:}). One or more whole numbers each with a
 * unit, {@code ms}, {@code s}, {@code m} or {@code h}, in any case and without spaces between them ({@code 500ms},
 * {@code 45s}, {@code 30m}, {@code 2h}, {@code 1h30m}, {@code 1m30s}), or ISO-8601 ({@code PT5M}, {@code pt1h30m}).
 * Always longer than zero. {@link DurationFormat#compact} writes durations back in the first form.
 */
public final class DurationText {
    /** What every error about a duration suggests instead. */
    public static final String EXAMPLES = "write it like 45s, 30m, 2h or 1h30m (also 500ms, or ISO-8601 PT5M)";

    // ASCII digits only: \d would also take other scripts' digits, which Long.parseLong reads silently
    private static final Pattern PART = Pattern.compile("([0-9]+)(ms|s|m|h)");
    private static final Pattern NUMBER = Pattern.compile("[-+]?[0-9][0-9_]*(\\.[0-9]*)?");

    private DurationText() {}

    /**
     * @throws InvalidDuration naming {@code text}, what is wrong with it and how to write it (not where it was written:
     *                         the caller adds that)
     */
    public static Duration parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.startsWith("-")) throw new InvalidDuration("'" + text + "' is negative; a duration must be longer than zero", EXAMPLES);
        if (NUMBER.matcher(t).matches()) {
            String n = t.startsWith("+") ? t.substring(1) : t;
            throw new InvalidDuration("the number " + n + " has no unit", "write " + n + "s, " + n + "m or " + n + "h");
        }
        Duration d = t.startsWith("pt") ? iso(text, t) : units(text, t);
        if (d.isNegative()) throw new InvalidDuration("'" + text + "' is negative; a duration must be longer than zero", EXAMPLES);
        if (d.isZero()) throw new InvalidDuration("'" + text + "' is no time at all; a duration must be longer than zero", EXAMPLES);
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
        Matcher m = PART.matcher(t);
        Duration d = Duration.ZERO;
        int end = 0;
        try {
            while (m.find() && m.start() == end) {
                long n = Long.parseLong(m.group(1));
                d = d.plus(switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    default -> Duration.ofHours(n);
                });
                end = m.end();
            }
        } catch (NumberFormatException | ArithmeticException e) {
            throw new InvalidDuration("'" + text + "' is too long a duration", EXAMPLES);
        }
        if (end == 0 || end != t.length()) throw notADuration(text);
        return d;
    }

    private static InvalidDuration notADuration(String text) {
        return new InvalidDuration("'" + text + "' is not a duration", EXAMPLES);
    }

    /**
     * A text that is no duration: {@link #problem()} names the text and what is wrong, {@link #fix()} how to write it;
     * the message is both.
     */
    public static final class InvalidDuration extends IllegalArgumentException {
        private final String problem;
        private final String fix;

        InvalidDuration(String problem, String fix) {
            super(problem + "; " + fix);
            this.problem = problem;
            this.fix = fix;
        }

        public String problem() {
            return problem;
        }

        public String fix() {
            return fix;
        }
    }
}
