package dev.scenarist.core.model;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Every state a run can be in, and — in one table — every transition allowed between them.
 * Nothing else in the code decides whether a run may move; it asks {@link #canMoveTo}.
 */
public enum RunState {
    QUEUED, RUNNING, PAUSED, ACCEPTED, REJECTED, FAILED_INFRA, CANCELLED;

    private static final Map<RunState, Set<RunState>> ALLOWED = Map.of(
            QUEUED, EnumSet.of(RUNNING, CANCELLED),
            // RUNNING -> RUNNING: a run found "running" after a crash is taken over by resume.
            RUNNING, EnumSet.of(RUNNING, PAUSED, ACCEPTED, REJECTED, FAILED_INFRA, CANCELLED, QUEUED),
            PAUSED, EnumSet.of(RUNNING, QUEUED, REJECTED, CANCELLED),
            // a rejected or infra-failed run may be re-run from a stage; accepted and cancelled are final
            REJECTED, EnumSet.of(QUEUED, RUNNING),
            FAILED_INFRA, EnumSet.of(QUEUED, RUNNING),
            ACCEPTED, EnumSet.noneOf(RunState.class),
            CANCELLED, EnumSet.noneOf(RunState.class));

    public boolean canMoveTo(RunState next) {
        return ALLOWED.get(this).contains(next);
    }

    /** @throws IllegalStateException naming both states when the table forbids the move */
    public RunState moveTo(RunState next) {
        if (!canMoveTo(next)) {
            throw new IllegalStateException("a run cannot move from " + label() + " to " + next.label()
                    + "; allowed from " + label() + ": " + ALLOWED.get(this));
        }
        return next;
    }

    public boolean isTerminal() {
        return this == ACCEPTED || this == CANCELLED;
    }

    /** Finished for now: no worker is or will be executing it without a resume. */
    public boolean isSettled() {
        return this == ACCEPTED || this == REJECTED || this == FAILED_INFRA || this == CANCELLED || this == PAUSED;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static RunState parse(String s) {
        return valueOf(s.toUpperCase(java.util.Locale.ROOT));
    }
}
