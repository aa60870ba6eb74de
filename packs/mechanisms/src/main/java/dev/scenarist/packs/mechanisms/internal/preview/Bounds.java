package dev.scenarist.packs.mechanisms.internal.preview;

import dev.scenarist.packs.mechanisms.scene.Vec3;
import java.util.List;

/** An axis-aligned box in world coordinates. */
record Bounds(Vec3 min, Vec3 max) {
    static Bounds of(Vec3 p) {
        return new Bounds(p, p);
    }

    Bounds plus(Vec3 p) {
        return new Bounds(new Vec3(Math.min(min.x(), p.x()), Math.min(min.y(), p.y()), Math.min(min.z(), p.z())),
                new Vec3(Math.max(max.x(), p.x()), Math.max(max.y(), p.y()), Math.max(max.z(), p.z())));
    }

    Bounds plus(Bounds o) {
        return plus(o.min).plus(o.max);
    }

    Vec3 center() {
        return min.plus(max).times(0.5);
    }

    /** Half the diagonal: the radius of a sphere around the box. */
    double radius() {
        return max.minus(min).length() / 2;
    }

    /** Grown to at least {@code minimumSize} along every axis, about the same centre (a point has no view). */
    Bounds atLeast(double minimumSize) {
        Vec3 c = center();
        Vec3 size = max.minus(min);
        Vec3 half = new Vec3(Math.max(size.x(), minimumSize), Math.max(size.y(), minimumSize),
                Math.max(size.z(), minimumSize)).times(0.5);
        return new Bounds(c.minus(half), c.plus(half));
    }

    List<Vec3> corners() {
        return List.of(min, new Vec3(max.x(), min.y(), min.z()), new Vec3(min.x(), max.y(), min.z()),
                new Vec3(max.x(), max.y(), min.z()), new Vec3(min.x(), min.y(), max.z()),
                new Vec3(max.x(), min.y(), max.z()), new Vec3(min.x(), max.y(), max.z()), max);
    }
}
