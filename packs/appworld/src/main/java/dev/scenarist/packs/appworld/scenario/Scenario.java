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
public record Scenario(String id, String title, String description, Instant startTime, Optional<Persona> persona,
                       ObjectNode apps, List<ScenarioEvent> events, Validation validation) {
    public Scenario {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(persona, "persona");
        apps = apps.deepCopy();
        events = List.copyOf(events);
        Objects.requireNonNull(validation, "validation");
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

    public Scenario withApps(ObjectNode newApps) {
        return new Scenario(id, title, description, startTime, persona, newApps, events, validation);
    }

    public Scenario withEvents(List<ScenarioEvent> newEvents) {
        return new Scenario(id, title, description, startTime, persona, apps, newEvents, validation);
    }

    public Scenario withValidation(Validation newValidation) {
        return new Scenario(id, title, description, startTime, persona, apps, events, newValidation);
    }

    public Scenario withDescription(String newTitle, String newDescription) {
        return new Scenario(id, newTitle, newDescription, startTime, persona, apps, events, validation);
    }
}
