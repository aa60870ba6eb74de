package dev.scenarist.packs.mechanisms.internal.mjcf;

import java.util.regex.Pattern;

/** Parsing of MJCF attribute values the way MuJoCo reads them: whitespace-separated C numbers. */
final class MjcfValues {
    private static final Pattern INT = Pattern.compile("[+-]?\\d+");
    /**
     * What C's strtod (MuJoCo's reader) accepts as a whole token: decimal and hexadecimal floats, nan, inf; not
     * Java's extras ({@code 1d}, {@code 1f}).
     */
    private static final Pattern REAL = Pattern.compile("[+-]?(?:(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?"
            + "|0[xX](?:[0-9a-fA-F]+\\.?[0-9a-fA-F]*|\\.[0-9a-fA-F]+)(?:[pP][+-]?\\d+)?|(?i:nan|inf|infinity))");

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
        if (t.endsWith("nan")) {
            return Double.NaN;
        }
        if (t.endsWith("inf") || t.endsWith("infinity")) {
            return t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (t.contains("0x") && !t.contains("p")) {
            return Double.parseDouble(token + "p0"); // Java needs the binary exponent C makes optional
        }
        return Double.parseDouble(token);
    }

    /** The numbers in {@code value}, or null when any token is not a number (already reported by the type pass). */
    static double[] reals(String value) {
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
