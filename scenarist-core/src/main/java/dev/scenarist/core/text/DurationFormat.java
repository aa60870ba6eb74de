package dev.scenarist.core.text;

import java.time.Duration;
import java.util.Locale;

/** How durations are written in messages, so a limit reads the same in a budget stop, a check finding and a log. */
public final class DurationFormat {
    private DurationFormat() {}

    /**
     * As a person writes it in a config file or {@code --max-wall}, in the largest whole unit: {@code 2h}, {@code 30m},
     * {@code 4s}, {@code 1500ms}. A message that names a limit this way can be copied back into the config.
     */
    public static String compact(Duration d) {
        long ms = d.toMillis();
        if (ms % 3_600_000 == 0) return ms / 3_600_000 + "h";
        if (ms % 60_000 == 0) return ms / 60_000 + "m";
        if (ms % 1000 == 0) return ms / 1000 + "s";
        return ms + "ms";
    }

    /** Seconds to one decimal, {@code 0.5 s}, {@code 12.0 s}: for time measured or waited, where units would vary. */
    public static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
