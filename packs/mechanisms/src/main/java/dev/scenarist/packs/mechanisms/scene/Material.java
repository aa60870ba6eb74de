package dev.scenarist.packs.mechanisms.scene;

import java.util.Objects;

/** A named colour shared by geoms. Registered in the scene's {@code <asset>} on first use. */
public record Material(String name, Rgba rgba) {
    public Material {
        Preconditions.name("material", name);
        Objects.requireNonNull(rgba, "rgba");
    }

    public static Material of(String name, Rgba rgba) {
        return new Material(name, rgba);
    }
}
