package dev.scenarist.core.store;

import java.util.Locale;

/** How an attempt ended. INFRA_ERROR attempts never count against a stage's content attempts. */
public enum AttemptVerdict {
    PASSED, FAILED, INFRA_ERROR;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AttemptVerdict parse(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
