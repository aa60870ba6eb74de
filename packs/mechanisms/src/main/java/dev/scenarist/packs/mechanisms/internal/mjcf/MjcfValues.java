package dev.scenarist.packs.mechanisms.internal.mjcf;

import java.util.regex.Pattern;

/**
 * The one reader of numbers in MJCF attribute values, for the validator, the preview and the ODE fallback alike: the
 * way MuJoCo reads them, whitespace-separated C numbers as {@code strtod} takes them — decimal and hexadecimal floats,
 * {@code inf}, {@code infinity}, {@code nan} in any case — and nothing else ({@code 1d}, {@code 1f}, {@code 1e},
 * {@code 1,} are refused, as MuJoCo refuses them: "bad format in attribute"). Checked against MuJoCo 3.14 itself by
 * {@code MjcfNumbersAgreementTest}.
 */
public final class MjcfValues {
    private static final Pattern INT = Pattern.compile("[+-]?\\d+");
    /**
     * What C's strtod (MuJoCo's reader) accepts as a whole token: decimal and hexadecimal floats, nan, inf; not
     * Java's extras ({@code 1d}, {@code 1f}).
     */
    private static final Pattern REAL = Pattern.compile("[+-]?(?:(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?"
            + "|0[xX](?:[0-9a-fA-F]+\\.?[0-9a-fA-F]*|\\.[0-9a-fA-F]+)(?:[pP][+-]?\\d+)?|(?i:nan(?:\\([0-9a-z_]*\\))?|inf|infinity))");

    private MjcfValues() {}

    static String[] tokens(String value) {
        String t = value.strip();
        return t.isEmpty() ? new String[0] : t.split("\\s+");
    }

    static boolean isInt(String token) {
        return INT.matcher(token).matches();
    }

    static boolean isReal(String token) {
        return REAL.matcher(token).matches();
    }

    static double real(String token) {
        String t = token.toLowerCase(java.util.Locale.ROOT);
        String unsigned = t.startsWith("-") || t.startsWith("+") ? t.substring(1) : t;
        if (unsigned.startsWith("nan")) {
            return Double.NaN; // also nan(chars), as strtod reads it
        }
        if (unsigned.startsWith("inf")) {
            return t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (t.contains("0x") && !t.contains("p")) {
            return Double.parseDouble(token + "p0"); // Java needs the binary exponent C makes optional
        }
        return Double.parseDouble(token);
    }

    /** The numbers in {@code value}, or null when any token is not a number (already reported by the type pass). */
    public static double[] reals(String value) {
        if (value == null) {
            return null;
        }
        String[] tokens = tokens(value);
        double[] out = new double[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            if (!isReal(tokens[i])) {
                return null;
            }
            out[i] = real(tokens[i]);
        }
        return out;
    }

    /** The single number {@code value} holds, or {@code fallback} when it is unset, empty or not a number. */
    public static double real(String value, double fallback) {
        double[] d = reals(value);
        return d != null && d.length >= 1 ? d[0] : fallback;
    }

    static double norm3(double[] v, int from) {
        return Math.sqrt(v[from] * v[from] + v[from + 1] * v[from + 1] + v[from + 2] * v[from + 2]);
    }

    /** Shortest exact decimal for messages: 1.0 as "1", 0.25 as "0.25". */
    static String fmt(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }
}
