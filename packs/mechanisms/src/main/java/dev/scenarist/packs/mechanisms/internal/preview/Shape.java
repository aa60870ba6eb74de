package dev.scenarist.packs.mechanisms.internal.preview;

import dev.scenarist.packs.mechanisms.scene.TriangleMesh;
import dev.scenarist.packs.mechanisms.scene.Vec3;

/** What a part looks like in its own frame, with MJCF's size conventions (half-sizes, z-axis capsules). */
sealed interface Shape {
    /** An infinite or finite plane through the origin, normal +z; half-extents of 0 mean infinite. */
    record Plane(double halfX, double halfY) implements Shape {}

    record Box(double halfX, double halfY, double halfZ) implements Shape {}

    record Sphere(double radius) implements Shape {}

    /** A cylinder of {@code halfLength} either side of the origin along z with hemispherical caps. */
    record Capsule(double radius, double halfLength) implements Shape {}

    record Cylinder(double radius, double halfLength) implements Shape {}

    record Ellipsoid(double radiusX, double radiusY, double radiusZ) implements Shape {}

    /** A triangle mesh as read from its file, stretched per axis by the mesh asset's {@code scale}. */
    record Mesh(TriangleMesh mesh, Vec3 scale) implements Shape {}
}
