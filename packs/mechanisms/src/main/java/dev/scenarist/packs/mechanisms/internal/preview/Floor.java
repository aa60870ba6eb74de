package dev.scenarist.packs.mechanisms.internal.preview;

import dev.scenarist.packs.mechanisms.internal.mjcf.Pose;
import dev.scenarist.packs.mechanisms.scene.Vec3;

/**
 * The finite piece of a plane a preview draws, in the plane's own frame: centred under the rest of the scene, a few
 * scene radii across (an infinite plane has no size to draw), never past the plane's own half-extents when it has
 * them, and tiled in a checker that is anchored at the plane's origin so it does not slide with the scene.
 *
 * @param tile edge length of one checker square
 */
record Floor(double x0, double x1, double y0, double y1, double tile) {
    /** How far the floor reaches from the scene's centre, in scene radii. */
    static final double REACH = 3;
    /** Squares per scene radius, before rounding the square size to 1, 2 or 5 times a power of ten. */
    private static final double TILES_PER_RADIUS = 4;

    /** The floor of {@code plane} (placed at {@code pose}) under a view of {@code scene}. */
    static Floor under(Shape.Plane plane, Pose pose, Bounds scene) {
        double radius = Math.max(scene.radius(), 0.05);
        double reach = REACH * radius;
        Vec3 c = pose.applyInverse(scene.center());
        double[] x = span(c.x(), reach, plane.halfX());
        double[] y = span(c.y(), reach, plane.halfY());
        return new Floor(x[0], x[1], y[0], y[1], niceStep(radius / TILES_PER_RADIUS));
    }

    /** {@code centre ± reach}, within {@code ±half} when the plane is finite ({@code half > 0}). */
    private static double[] span(double centre, double reach, double half) {
        if (half <= 0) {
            return new double[] {centre - reach, centre + reach};
        }
        double c = Math.max(-half, Math.min(half, centre));
        return new double[] {Math.max(-half, c - reach), Math.min(half, c + reach)};
    }

    /** The largest 1, 2 or 5 times a power of ten not above {@code v}: round numbers, like a ruler's marks. */
    static double niceStep(double v) {
        double p = StrictMath.pow(10, StrictMath.floor(StrictMath.log10(v)));
        for (double m : new double[] {5, 2, 1}) {
            if (m * p <= v) {
                return m * p;
            }
        }
        return p;
    }

    /**
     * The point of {@code plane} nearest to {@code local} (a point in the plane's frame): dropped onto the plane,
     * and kept within its half-extents when it has them.
     */
    static Vec3 onPlane(Shape.Plane plane, Vec3 local) {
        return new Vec3(clamp(local.x(), plane.halfX()), clamp(local.y(), plane.halfY()), 0);
    }

    private static double clamp(double v, double half) {
        return half > 0 ? Math.max(-half, Math.min(half, v)) : v;
    }
}
