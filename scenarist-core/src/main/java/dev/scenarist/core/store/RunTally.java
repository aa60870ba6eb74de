package dev.scenarist.core.store;

import dev.scenarist.core.model.RejectReason;
import dev.scenarist.core.model.RunState;
import java.util.Objects;
import java.util.Optional;

/** {@code runs} runs of campaign {@code campaignId} are in {@code state} (rejected ones for {@code rejectReason}). */
public record RunTally(String campaignId, RunState state, Optional<RejectReason> rejectReason, long runs) {
    public RunTally {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(rejectReason, "rejectReason");
    }
}
