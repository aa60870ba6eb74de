package dev.scenarist.core.engine.internal;

import dev.scenarist.core.store.RunRecord;

/** Where a stage left the run: go on to the next stage, or stop (the run is settled or paused). */
sealed interface Step {
    RunRecord run();

    record Next(RunRecord run) implements Step {}

    record Stop(RunRecord run) implements Step {}
}
