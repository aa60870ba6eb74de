package dev.scenarist.packs.mechanisms.internal.scenefile;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The one number format of every written file: at most 6 significant digits, plain notation, no trailing zeros,
 * no {@code -0}. It never consults the default locale, so a German or Turkish JVM writes the same bytes.
 * Magnitudes below {@link #NOISE} are trigonometric rounding noise ({@code cos(π/2)} is 6e-17, not 0) and are
 * written as {@code 0} rather than as a long string of zeros.
 */
public final class Numbers {
    public static final int SIGNIFICANT_DIGITS = 6;
    public static final double NOISE = 1e-15;
    private static final MathContext ROUNDING = new MathContext(SIGNIFICANT_DIGITS, RoundingMode.HALF_EVEN);

    private Numbers() {}

    public static String format(double v) {
        if (!Double.isFinite(v)) throw new IllegalArgumentException("cannot write a non-finite number: " + v);
        if (Math.abs(v) < NOISE) return "0";
        // The exact binary value is rounded (not Double.toString's shortest form), so the result depends on the
        // double alone; 0.1 + 0.2 and 0.3 both become "0.3".
        BigDecimal rounded = new BigDecimal(v).round(ROUNDING);
        if (rounded.signum() == 0) return "0";
        return rounded.stripTrailingZeros().toPlainString();
    }

    /** Space-separated, as MJCF writes vectors. */
    public static String format(double... values) {
        StringBuilder b = new StringBuilder();
        for (double v : values) {
            if (!b.isEmpty()) b.append(' ');
            b.append(format(v));
        }
        return b.toString();
    }
}
