package dev.scenarist.core.engine.internal;

import dev.scenarist.core.engine.EngineServices;
import dev.scenarist.core.model.RunState;
import dev.scenarist.core.pack.Pack;
import dev.scenarist.core.store.RunRecord;
import java.util.Optional;

/**
 * Prepares a run to be re-run from a named stage ({@code resume --from-stage}): earlier stages' outputs are
 * reused from their snapshots on disk; the named stage and everything after it start afresh.
 */
public final class RunRewinder {
    private final EngineServices services;

    public RunRewinder(EngineServices services) {
        this.services = services;
    }

    public RunRecord rewind(String runId, Pack pack, String stageName) {
        RunRecord run = services.store().runs().find(runId)
                .orElseThrow(() -> new IllegalArgumentException("no run " + runId + "; list runs with 'scenarist runs'"));
        int idx = pack.pipeline().indexOf(stageName);
        if (idx < 0) {
            throw new IllegalArgumentException("pack '" + pack.name() + "' has no stage '" + stageName + "'; its stages are "
                    + pack.pipeline().names());
        }
        if (run.state().isTerminal()) {
            throw new IllegalArgumentException("run " + runId + " is " + run.state().label() + " and cannot be re-run"
                    + (run.state() == RunState.ACCEPTED ? "; start a new campaign to get another scenario" : ""));
        }
        if (idx > run.progress().stageIndex()) {
            throw new IllegalArgumentException("run " + runId + " has not passed the stages before '" + stageName + "' yet (it is at '"
                    + pack.pipeline().names().get(Math.min(run.progress().stageIndex(), pack.pipeline().stages().size() - 1))
                    + "'); resume it without --from-stage");
        }
        var later = pack.pipeline().names().subList(idx, pack.pipeline().stages().size());
        RunRecord next = run.next(RunState.QUEUED, Optional.empty(), "rewound to stage '" + stageName + "'",
                run.progress().rewoundTo(idx, later), services.clock().instant());
        services.store().runs().update(next);
        return next;
    }
}
