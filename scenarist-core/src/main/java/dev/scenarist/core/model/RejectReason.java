package dev.scenarist.core.model;

import java.util.Locale;

/** Why a run was rejected. Infrastructure trouble is never a reject reason: it is {@link RunState#FAILED_INFRA}. */
public enum RejectReason {
    /** a stage spent all its attempts without passing its checks */
    CHECKS_EXHAUSTED,
    /** the uniqueness gate found a near-identical accepted scenario */
    DUPLICATE,
    /** the campaign's budget (runs, tokens, cost, wall time) ran out before the run finished */
    BUDGET,
    /** a gate other than uniqueness said no */
    GATE,
    /** a person rejected the run while it waited at an approval gate */
    PERSON;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RejectReason parse(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
