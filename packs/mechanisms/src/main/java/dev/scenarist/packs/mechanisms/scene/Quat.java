package dev.scenarist.packs.mechanisms.scene;

/** A rotation quaternion in MuJoCo's order (w, x, y, z). MuJoCo normalizes it; a zero quaternion is refused. */
public record Quat(double w, double x, double y, double z) implements Orientation {
    public static final Quat IDENTITY = new Quat(1, 0, 0, 0);

    public Quat {
        Preconditions.finite("quat w", w);
        Preconditions.finite("quat x", x);
        Preconditions.finite("quat y", y);
        Preconditions.finite("quat z", z);
        if (w == 0 && x == 0 && y == 0 && z == 0) {
            throw new IllegalArgumentException("quat must not be all zeros: it is not a rotation");
        }
    }

    public static Quat of(double w, double x, double y, double z) {
        return new Quat(w, x, y, z);
    }

    /** Rotation by {@code radians} about {@code axis} (any non-zero length). */
    public static Quat axisAngle(Vec3 axis, double radians) {
        if (axis.isZero()) throw new IllegalArgumentException("rotation axis must not be zero");
        Vec3 u = axis.normalized();
        double s = StrictMath.sin(radians / 2); // StrictMath: the same bits on every JVM
        return new Quat(StrictMath.cos(radians / 2), u.x() * s, u.y() * s, u.z() * s);
    }

    @Override
    public String attribute() {
        return "quat";
    }

    @Override
    public double[] values() {
        return new double[] {w, x, y, z};
    }
}
