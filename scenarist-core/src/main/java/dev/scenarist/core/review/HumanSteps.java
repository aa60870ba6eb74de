package dev.scenarist.core.review;

import dev.scenarist.core.engine.EngineServices;
import dev.scenarist.core.engine.internal.TrajectoryLog;
import dev.scenarist.core.store.RunRecord;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes what a person did to a run as a {@code human} event of its trajectory ({@code steps.jsonl}), then commits the
 * trajectory's new length with the run (a new version), as the engine commits an attempt: a resume cuts anything past
 * the committed length, so an event is part of the run's story only once the store has it.
 */
final class HumanSteps {
    private final EngineServices services;

    HumanSteps(EngineServices services) {
        this.services = services;
    }

    /**
     * @param action  {@code edit}, {@code recheck}, {@code approve}, {@code reject}, {@code review.approve}, {@code review.reject}
     * @param details the action's own fields (texts are redacted)
     * @return the run as committed with the event
     */
    RunRecord record(RunRecord run, String action, String who, Map<String, Object> details) {
        var now = services.clock().instant();
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "human");
        event.put("action", action);
        event.put("run", run.id());
        event.put("who", who);
        event.put("at", now.toString());
        details.forEach((k, v) -> event.put(k, v instanceof String s ? services.redact().apply(s) : v));
        var log = new TrajectoryLog(services.layout().run(run.id()).steps());
        // a paused run's committed length is its story (a resume would cut any tail); an accepted run's acceptance line
        // is past it, and stays
        if (run.state() == dev.scenarist.core.model.RunState.PAUSED) log.truncateTo(run.progress().trajectoryBytes());
        long bytes = log.append(event);
        RunRecord next = run.withProgress(run.progress().withTrajectoryBytes(bytes), now);
        services.store().runs().update(next);
        return next;
    }
}
