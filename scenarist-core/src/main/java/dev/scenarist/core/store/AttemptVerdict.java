package dev.scenarist.core.store;

import java.util.Locale;

/**
 * How an attempt ended. INFRA_ERROR and BUDGET_STOPPED attempts never count against a stage's content attempts;
 * BUDGET_STOPPED is an attempt cut short by the campaign's budget (never an infrastructure error, never retried).
 */
public enum AttemptVerdict {
    PASSED, FAILED, INFRA_ERROR, BUDGET_STOPPED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AttemptVerdict parse(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
