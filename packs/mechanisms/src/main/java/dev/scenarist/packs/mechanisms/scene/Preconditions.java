package dev.scenarist.packs.mechanisms.scene;

import dev.scenarist.packs.mechanisms.internal.scenefile.Numbers;
import java.util.regex.Pattern;

/**
 * Argument checks shared by the builders. They throw {@link IllegalArgumentException} with a message that names the
 * element and the bad value, because the message is what a template author (often a model) sees as feedback.
 */
final class Preconditions {
    /** Names become XML attribute values and STL file names, so keep them to a portable, unambiguous alphabet. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}");

    private Preconditions() {}

    static double finite(String what, double v) {
        if (!Double.isFinite(v)) throw new IllegalArgumentException(what + " must be a finite number, was " + v);
        return v;
    }

    static double positive(String what, double v) {
        finite(what, v);
        if (v <= 0) throw new IllegalArgumentException(what + " must be > 0, was " + Numbers.format(v));
        return v;
    }

    static double nonNegative(String what, double v) {
        finite(what, v);
        if (v < 0) throw new IllegalArgumentException(what + " must be >= 0, was " + Numbers.format(v));
        return v;
    }

    static String name(String kind, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(kind + " name '" + name + "' is not valid: use 1-64 characters from"
                    + " A-Z a-z 0-9 _ . - and do not start with . or -");
        }
        return name;
    }

    static double[] range(String what, double min, double max) {
        finite(what + " min", min);
        finite(what + " max", max);
        if (!(min < max)) {
            throw new IllegalArgumentException(what + " must have min < max, was [" + Numbers.format(min) + ", "
                    + Numbers.format(max) + "]");
        }
        return new double[] {min, max};
    }
}
