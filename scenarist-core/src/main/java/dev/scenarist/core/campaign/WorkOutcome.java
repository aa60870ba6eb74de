package dev.scenarist.core.campaign;

import dev.scenarist.core.store.RunLease;
import dev.scenarist.core.store.RunRecord;
import java.util.List;

/** What a worker's request to execute a run came to. */
public sealed interface WorkOutcome {
    /** The run was executed to a settled state here; {@code added} are the runs its campaign added and enqueued after it. */
    record Executed(RunRecord run, List<String> added) implements WorkOutcome {}

    /** Nothing to execute: the run is settled already, not needed any more, or its campaign is cancelled or stopped. */
    record Skipped(String why) implements WorkOutcome {}

    /** Another live worker holds the run's lease: the queue should offer the run again later. */
    record HeldElsewhere(RunLease lease) implements WorkOutcome {}

    /**
     * This worker lost the run's lease while executing it (it could not renew it in time and another worker took the
     * run over): it stopped at its attempt boundary, committing nothing more.
     */
    record LeaseLost(String runId) implements WorkOutcome {}
}
