package dev.scenarist.core.analytics;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code part} of {@code whole}, e.g. accepted of judged runs. Kept as two counts, not a fraction, so a reader sees
 * how much data a rate rests on; {@link #rate()} is absent (null in JSON) when there is nothing to divide.
 */
public record Ratio(long part, long whole) {
    public static final Ratio NONE = new Ratio(0, 0);

    public Ratio {
        if (part < 0 || whole < 0 || part > whole) {
            throw new IllegalArgumentException("a ratio needs 0 <= part <= whole, got " + part + "/" + whole);
        }
    }

    @JsonProperty("rate")
    public Double rate() {
        return whole == 0 ? null : (double) part / whole;
    }

    public Ratio plus(Ratio o) {
        return new Ratio(part + o.part, whole + o.whole);
    }

    /** {@code 75.0%}, or {@code –} when there is nothing to divide. */
    public String percent() {
        return whole == 0 ? "–" : String.format(java.util.Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }
}
