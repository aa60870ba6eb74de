package dev.scenarist.core.engine.internal;

import dev.scenarist.core.model.RejectReason;
import dev.scenarist.core.model.RunState;
import java.util.Optional;

/** How an attempt settles its run: the state the run moves to, why, and the detail a person reads. */
record RunEnd(RunState state, Optional<RejectReason> reason, String detail) {
    static RunEnd rejected(RejectReason reason, String detail) {
        return new RunEnd(RunState.REJECTED, Optional.of(reason), detail);
    }

    static RunEnd failedInfra(String detail) {
        return new RunEnd(RunState.FAILED_INFRA, Optional.empty(), detail);
    }

    static RunEnd paused(String detail) {
        return new RunEnd(RunState.PAUSED, Optional.empty(), detail);
    }
}
