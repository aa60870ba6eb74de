package dev.scenarist.packs.appworld.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One appworld scenario document. Its four {@link Section}s are separable so that each stage of the pack's pipeline
 * edits only its own: description (id, title, description, start time, persona), apps (the seed), events (the flow)
 * and validation. The {@code with*} methods replace one section and keep the others.
 *
 * @param apps the seed, passed as-is to {@code Phone.Builder.seed}; it is checked by building a phone, not here
 */
public record Scenario(Description description, ObjectNode apps, List<ScenarioEvent> events, Validation validation) {
    public Scenario {
        Objects.requireNonNull(description, "description");
        apps = apps.deepCopy();
        events = List.copyOf(events);
        Objects.requireNonNull(validation, "validation");
    }

    public String id() {
        return description.id();
    }

    public Instant startTime() {
        return description.startTime();
    }

    @Override
    public ObjectNode apps() {
        // a JSON tree is mutable; hand out copies so nobody edits a scenario behind its back
        return apps.deepCopy();
    }

    public Optional<ScenarioEvent> event(String eventId) {
        return events.stream().filter(e -> e.id().equals(eventId)).findFirst();
    }

    /** The index of an event in {@link #events()}, for JSON paths in findings; -1 when absent. */
    public int indexOf(String eventId) {
        for (int i = 0; i < events.size(); i++) if (events.get(i).id().equals(eventId)) return i;
        return -1;
    }

    public Scenario withDescription(Description newDescription) {
        return new Scenario(newDescription, apps, events, validation);
    }

    public Scenario withApps(ObjectNode newApps) {
        return new Scenario(description, newApps, events, validation);
    }

    public Scenario withEvents(List<ScenarioEvent> newEvents) {
        return new Scenario(description, apps, newEvents, validation);
    }

    public Scenario withValidation(Validation newValidation) {
        return new Scenario(description, apps, events, newValidation);
    }
}
