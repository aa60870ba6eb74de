package dev.scenarist.packs.mechanisms.scene;

/** A point or direction in metres (or unitless for axes). Finite by construction, so NaN never reaches a file. */
public record Vec3(double x, double y, double z) {
    public static final Vec3 ZERO = new Vec3(0, 0, 0);
    public static final Vec3 X = new Vec3(1, 0, 0);
    public static final Vec3 Y = new Vec3(0, 1, 0);
    public static final Vec3 Z = new Vec3(0, 0, 1);

    public Vec3 {
        Preconditions.finite("x", x);
        Preconditions.finite("y", y);
        Preconditions.finite("z", z);
    }

    public static Vec3 of(double x, double y, double z) {
        return new Vec3(x, y, z);
    }

    public Vec3 plus(Vec3 o) {
        return new Vec3(x + o.x, y + o.y, z + o.z);
    }

    public Vec3 minus(Vec3 o) {
        return new Vec3(x - o.x, y - o.y, z - o.z);
    }

    public Vec3 times(double k) {
        return new Vec3(x * k, y * k, z * k);
    }

    /** Component-wise product, e.g. a position stretched by a non-uniform {@link Scale}. */
    public Vec3 times(Scale s) {
        return new Vec3(x * s.x(), y * s.y(), z * s.z());
    }

    public double dot(Vec3 o) {
        return x * o.x + y * o.y + z * o.z;
    }

    public Vec3 cross(Vec3 o) {
        return new Vec3(y * o.z - z * o.y, z * o.x - x * o.z, x * o.y - y * o.x);
    }

    public double length() {
        return Math.sqrt(dot(this));
    }

    public boolean isZero() {
        return x == 0 && y == 0 && z == 0;
    }

    public Vec3 normalized() {
        double l = length();
        if (l == 0) throw new IllegalArgumentException("cannot normalize the zero vector");
        return times(1 / l);
    }
}
