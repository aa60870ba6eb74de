package dev.scenarist.packs.mechanisms.internal.offline;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One design constant of a template and its grid: the levels {@code min, min + step, ..., max}.
 *
 * @param name the constant's name in the template's design region, UPPER_SNAKE ({@code LOAD_RATIO})
 * @param min the lowest level
 * @param max the highest level; {@code max - min} must be a whole number of steps
 * @param step the distance between neighbouring levels, {@code > 0}
 * @param about what the constant means, in a few words, for prompts and reports
 */
public record DesignConstant(String name, double min, double max, double step, String about) {
    /** UPPER_SNAKE: a capital letter, then capitals and digits, words joined by single underscores. */
    static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");
    /** The most levels one constant may have (a guard against a step far too small for its range). */
    static final int MAX_LEVELS = 10_000;

    public DesignConstant {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("design constant name '" + name + "' is not UPPER_SNAKE (e.g. LOAD_RATIO)");
        }
        if (!Double.isFinite(min) || !Double.isFinite(max) || !Double.isFinite(step)) {
            throw new IllegalArgumentException(name + ": min, max and step must be finite numbers, got min " + min
                    + ", max " + max + ", step " + step);
        }
        if (!(min <= max)) throw new IllegalArgumentException(name + ": min " + min + " is greater than max " + max);
        if (!(step > 0)) throw new IllegalArgumentException(name + ": step must be > 0, got " + step);
        long count = stepsBetween(name, min, max, step) + 1;
        if (count > MAX_LEVELS) {
            throw new IllegalArgumentException(name + ": " + count + " levels from " + min + " to " + max + " by " + step
                    + " is more than " + MAX_LEVELS);
        }
        about = about == null ? "" : about.strip();
    }

    /** The grid's levels, lowest first: {@code min + i * step} (computed in decimal, so 0.1 steps stay exact). */
    public List<Double> levels() {
        long steps = stepsBetween(name, min, max, step);
        BigDecimal lo = new BigDecimal(Double.toString(min));
        BigDecimal by = new BigDecimal(Double.toString(step));
        List<Double> out = new ArrayList<>((int) steps + 1);
        for (long i = 0; i < steps; i++) out.add(lo.add(by.multiply(BigDecimal.valueOf(i))).doubleValue());
        out.add(max);
        return Collections.unmodifiableList(out);
    }

    /** The whole number of steps from min to max; throws when the step does not divide the range. */
    private static long stepsBetween(String name, double min, double max, double step) {
        BigDecimal range = new BigDecimal(Double.toString(max)).subtract(new BigDecimal(Double.toString(min)));
        BigDecimal by = new BigDecimal(Double.toString(step));
        BigDecimal[] qr = range.divideAndRemainder(by);
        if (qr[1].signum() != 0) {
            BigDecimal ratio = range.divide(by, 6, RoundingMode.HALF_EVEN).stripTrailingZeros();
            throw new IllegalArgumentException(name + ": step " + step + " does not divide max - min = "
                    + range.stripTrailingZeros().toPlainString() + " (" + ratio.toPlainString() + " steps)");
        }
        if (qr[0].compareTo(BigDecimal.valueOf(MAX_LEVELS)) >= 0) return MAX_LEVELS; // reported by the caller
        return qr[0].longValueExact();
    }
}
