package dev.scenarist.packs.mechanisms.scene;

import java.util.Objects;

/**
 * A named mesh asset. It is written to {@code meshes/<name>.stl} and referenced by mesh geoms; the name is checked
 * to be a safe file name.
 *
 * @param exactInertia compute mass and inertia from the mesh itself ({@code inertia="exact"}) rather than from its
 *                     convex hull (MuJoCo's default, {@code convex}). Matters for non-convex shapes — a plate with a
 *                     hole is lighter than its hull. MuJoCo then refuses inside-out or inconsistently wound meshes,
 *                     which {@link Meshes} never produces. Collisions use the convex hull either way.
 */
public record Mesh(String name, TriangleMesh geometry, boolean exactInertia) {
    public Mesh {
        Preconditions.name("mesh", name);
        Objects.requireNonNull(geometry, "geometry");
    }

    public static Mesh of(String name, TriangleMesh geometry) {
        return new Mesh(name, geometry, false);
    }

    /** The same mesh, with mass and inertia computed from its true shape instead of its convex hull. */
    public Mesh withExactInertia() {
        return new Mesh(name, geometry, true);
    }

    public String fileName() {
        return name + ".stl";
    }
}
