package dev.scenarist.core.engine.internal;

import dev.scenarist.core.pack.Check;
import java.util.Locale;

/**
 * Why a run ended without a scenario, as written to {@code failure/reason.json} — so a person can tell at a
 * glance whether the scenario's code did not run, whether validation was never reached, or whether it ran and said no.
 */
public enum FailureKind {
    /** the reply was unusable (prose, partial, outside policy) or an early tier failed, so the final validation never ran */
    VALIDATION_NOT_REACHED,
    /** a check that executes the scenario (process tier) failed */
    RUNTIME_ERROR,
    /** the final validation ran and said no */
    VALIDATION_FAILED,
    DUPLICATE,
    BUDGET,
    GATE,
    INFRASTRUCTURE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What a failed tier says about how far the scenario got. */
    static FailureKind of(CheckRunner.Outcome.Failed failed) {
        if (failed.failedTier() >= Check.TIER_EXPENSIVE) return VALIDATION_FAILED;
        if (failed.failedTier() >= Check.TIER_PROCESS) return RUNTIME_ERROR;
        return failed.reachedLastTier() ? VALIDATION_FAILED : VALIDATION_NOT_REACHED;
    }
}
