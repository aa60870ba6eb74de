package dev.scenarist.packs.mechanisms.scene;

/** A point of a 2-D outline: an extrusion polygon (x, y) or a revolution profile (r, z). */
public record Vec2(double x, double y) {
    public Vec2 {
        Preconditions.finite("x", x);
        Preconditions.finite("y", y);
    }

    public static Vec2 of(double x, double y) {
        return new Vec2(x, y);
    }

    public Vec2 minus(Vec2 o) {
        return new Vec2(x - o.x, y - o.y);
    }

    /** z of the 3-D cross product: positive when {@code o} lies counter-clockwise of this. */
    public double cross(Vec2 o) {
        return x * o.y - y * o.x;
    }
}
