package dev.scenarist.core.model;

import java.util.Locale;

/**
 * How one check ended, as stored and written to trajectories under its stable {@link #label()}:
 * {@code passed}, {@code failed} (a content failure) or {@code errored} (could not judge: never a bad scenario).
 */
public enum CheckStatus {
    PASSED, FAILED, ERRORED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CheckStatus parse(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
