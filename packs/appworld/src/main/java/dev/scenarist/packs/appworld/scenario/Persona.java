package dev.scenarist.packs.appworld.scenario;

import java.util.Objects;

/** Who the simulated user is, for a persona-driven (model) user; the scripted user ignores it. */
public record Persona(String name, String description) {
    public Persona {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
    }
}
