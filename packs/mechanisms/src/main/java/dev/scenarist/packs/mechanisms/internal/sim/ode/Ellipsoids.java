package dev.scenarist.packs.mechanisms.internal.sim.ode;

import dev.scenarist.packs.mechanisms.scene.Vec3;
import java.util.ArrayList;
import java.util.List;

/**
 * ODE has no ellipsoid: one collides as a convex polytope through points of a latitude-longitude grid on the
 * ellipsoid, pushed out uniformly so that the polytope's volume equals the ellipsoid's (an inscribed polytope would
 * be smaller, and objects would sink into it). Mass and inertia still come from the true ellipsoid.
 */
final class Ellipsoids {
    private static final int RINGS = 8;
    private static final int SEGMENTS = 16;
    /** Vertices of the polytope: the two poles and {@code RINGS - 1} rings of {@code SEGMENTS}. */
    static final int VERTICES = 2 + (RINGS - 1) * SEGMENTS;

    private Ellipsoids() {}

    static SolidMesh polytope(double a, double b, double c) {
        List<Vec3> unit = new ArrayList<>();
        unit.add(new Vec3(0, 0, 1));
        unit.add(new Vec3(0, 0, -1));
        for (int i = 1; i < RINGS; i++) {
            double theta = Math.PI * i / RINGS;
            for (int j = 0; j < SEGMENTS; j++) {
                double phi = 2 * Math.PI * j / SEGMENTS;
                unit.add(new Vec3(Math.sin(theta) * Math.cos(phi), Math.sin(theta) * Math.sin(phi), Math.cos(theta)));
            }
        }
        List<Vec3> scaled = unit.stream().map(u -> new Vec3(u.x() * a, u.y() * b, u.z() * c)).toList();
        double volume = SolidMesh.convexHull(scaled).volume();
        double k = Math.cbrt(4.0 / 3 * Math.PI * a * b * c / volume);
        return SolidMesh.convexHull(scaled.stream().map(p -> p.times(k)).toList());
    }
}
