package dev.scenarist.core.store;

import dev.scenarist.core.model.RejectReason;
import dev.scenarist.core.model.RunState;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A run as stored. {@code version} grows by one with every update; stores refuse an update whose
 * version is not exactly the stored one plus one, so two workers can never both advance a run.
 *
 * @param detail a one-line human explanation of the current state (why rejected, what the gate asks)
 */
public record RunRecord(String id, String campaignId, String pack, int ordinal, long seed, Map<String, Object> parameters,
                        RunState state, Optional<RejectReason> rejectReason, String detail, RunProgress progress,
                        Instant createdAt, Instant updatedAt, long version) {
    public RunRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(pack, "pack");
        parameters = Map.copyOf(parameters);
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(rejectReason, "rejectReason");
        detail = detail == null ? "" : detail;
        Objects.requireNonNull(progress, "progress");
        if (rejectReason.isPresent() != (state == RunState.REJECTED)) {
            throw new IllegalArgumentException("a reject reason goes with state rejected only (state " + state.label()
                    + ", reason " + rejectReason.map(RejectReason::label).orElse("none") + ")");
        }
    }

    public static RunRecord queued(String id, String campaignId, String pack, int ordinal, long seed,
                                   Map<String, Object> parameters, Instant now) {
        return new RunRecord(id, campaignId, pack, ordinal, seed, parameters, RunState.QUEUED, Optional.empty(), "",
                RunProgress.START, now, now, 0);
    }

    /** The next version of this run in {@code next} state; the transition table is consulted. */
    public RunRecord moveTo(RunState next, Optional<RejectReason> reason, String why, Instant now) {
        return next(next, reason, why, progress, now);
    }

    public RunRecord withProgress(RunProgress p, Instant now) {
        return new RunRecord(id, campaignId, pack, ordinal, seed, parameters, state, rejectReason, detail, p, createdAt, now, version + 1);
    }

    /** The next version with new progress and (possibly) a new state, as one update. */
    public RunRecord next(RunState nextState, Optional<RejectReason> reason, String why, RunProgress p, Instant now) {
        if (nextState != state) state.moveTo(nextState);
        return new RunRecord(id, campaignId, pack, ordinal, seed, parameters, nextState, reason, why, p, createdAt, now, version + 1);
    }
}
