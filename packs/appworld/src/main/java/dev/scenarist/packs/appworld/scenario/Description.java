package dev.scenarist.packs.appworld.scenario;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The description section: what the scenario is and when it starts.
 *
 * @param narrative the document's {@code description}: who the user is, what happens, what a good assistant does
 * @param persona   who the simulated user is, for a persona-driven user (the scripted user ignores it)
 */
public record Description(String id, String title, String narrative, Instant startTime, Optional<Persona> persona) {
    public Description {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(narrative, "narrative");
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(persona, "persona");
    }
}
