package dev.scenarist.core.engine.internal;

import dev.scenarist.core.pack.RunContext;
import dev.scenarist.core.pack.Stage;
import dev.scenarist.core.store.RunProgress;
import dev.scenarist.core.store.RunRecord;
import dev.scenarist.core.trajectory.RunFiles;
import dev.scenarist.core.workspace.Workspace;

/**
 * Where an attempt happens: the run as last committed, the stage in progress (and its index in the pipeline), the run's
 * files and its workspace. Each commit gives a new run version, carried on with {@link #withRun}.
 */
record AttemptContext(RunRecord run, int stageIndex, Stage stage, RunFiles files, Workspace ws) {
    AttemptContext withRun(RunRecord next) {
        return new AttemptContext(next, stageIndex, stage, files, ws);
    }

    RunProgress progress() {
        return run.progress();
    }

    String stageName() {
        return stage.name();
    }

    RunContext runContext() {
        return of(run);
    }

    static RunContext of(RunRecord run) {
        return new RunContext(run.id(), run.campaignId(), run.pack(), run.seed(), run.parameters());
    }
}
