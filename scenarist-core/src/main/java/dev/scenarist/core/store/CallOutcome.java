package dev.scenarist.core.store;

import java.util.Locale;

/**
 * How one author call ended, stored under its stable {@link #label()}: {@code ok}, {@code transient} (an
 * infrastructure failure worth a retry) or {@code permanent} (an infrastructure failure no retry fixes).
 */
public enum CallOutcome {
    OK, TRANSIENT, PERMANENT;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CallOutcome parse(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
