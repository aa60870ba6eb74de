package dev.scenarist.packs.appworld.scenario;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of the event flow. It becomes due {@code delaySeconds} after the last of its {@code dependsOn} events
 * happened (after the start when it has none); when due, its optional CEL {@code condition} over the action log
 * decides whether it happens at all (e.g. only if the user rejected). An event whose dependency did not happen does
 * not happen either.
 */
public record ScenarioEvent(String id, List<String> dependsOn, long delaySeconds, Optional<String> condition, EventAction action) {
    public ScenarioEvent {
        Objects.requireNonNull(id, "id");
        dependsOn = List.copyOf(dependsOn);
        if (delaySeconds < 0) throw new IllegalArgumentException("event " + id + ": delay_seconds must not be negative");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(action, "action");
    }

    public EventKind kind() {
        return action.kind();
    }
}
