package dev.scenarist.packs.appworld.scenario;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The description section: what the scenario is and when it starts.
 *
 * @param narrative the document's {@code description}: who the user is, what happens, what a good assistant does
 * @param persona   who the simulated user is, for a persona-driven user (the scripted user ignores it)
 * @param coreApps  the apps the scenario is about ({@code core_apps}, e.g. EmailClientApp and CalendarApp): known before
 *                  the apps are seeded, so the uniqueness gate can compare a new description only with scenarios of
 *                  the same apps; empty when not given
 */
public record Description(String id, String title, String narrative, Instant startTime, Optional<Persona> persona, List<String> coreApps) {
    public Description {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(narrative, "narrative");
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(persona, "persona");
        coreApps = List.copyOf(coreApps);
    }

    /** A description without core apps. */
    public Description(String id, String title, String narrative, Instant startTime, Optional<Persona> persona) {
        this(id, title, narrative, startTime, persona, List.of());
    }
}
