package dev.scenarist.packs.mechanisms.scene;

/**
 * A rotation quaternion in MuJoCo's order (w, x, y, z). MuJoCo normalizes it; a zero quaternion is refused.
 *
 * <p>{@link #of} and {@link #axisAngle} keep the values as given: they are what a scene writes to its MJCF file. The
 * rotation operations ({@link #about}, {@link #zTo}, {@link #fromColumns}, {@link #times}, {@link #inverse},
 * {@link #normalized}) return unit quaternions, as MuJoCo's compiler normalizes every quaternion it reads, and
 * {@link #rotate}, {@link #matrix} and {@link #rotationVector} treat any quaternion as the rotation it stands for.
 * All of it is plain double arithmetic ({@link StrictMath} for the trigonometry): the same bits on every JVM, so
 * what is drawn or simulated from a scene does not depend on the machine.
 */
public record Quat(double w, double x, double y, double z) implements Orientation {
    public static final Quat IDENTITY = new Quat(1, 0, 0, 0);

    /** A squared norm this close to 1 is taken as unit by {@link #rotate}, {@link #matrix}, {@link #rotationVector}. */
    private static final double UNIT_TOLERANCE = 1e-12;
    /** Axes and directions shorter than this give no rotation in {@link #about} and {@link #zTo}. */
    private static final double MIN_LENGTH = 1e-12;

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

    /**
     * The unit quaternion turning by {@code radians} about {@code axis} (any length), as MuJoCo reads
     * {@code axisangle} and Euler angles. Unlike {@link #axisAngle} it is lenient, for reading models: an axis shorter
     * than 1e-12 or an angle that is not finite gives {@link #IDENTITY}.
     */
    public static Quat about(Vec3 axis, double radians) {
        double len = axis.length();
        if (len < MIN_LENGTH || !Double.isFinite(radians)) {
            return IDENTITY;
        }
        double s = StrictMath.sin(radians / 2) / len;
        return new Quat(StrictMath.cos(radians / 2), axis.x() * s, axis.y() * s, axis.z() * s).normalized();
    }

    /**
     * The shortest rotation taking +z onto {@code direction} (any length), as MuJoCo's {@code zaxis} and
     * {@code fromto} do: a direction within about 1e-6 rad of +z (or shorter than 1e-12) gives {@link #IDENTITY}, one
     * as close to -z half a turn about x.
     */
    public static Quat zTo(Vec3 direction) {
        double len = direction.length();
        if (len < MIN_LENGTH) {
            return IDENTITY;
        }
        Vec3 d = direction.times(1 / len);
        double cos = d.z();
        if (cos > 1 - 1e-12) {
            return IDENTITY;
        }
        if (cos < -1 + 1e-12) {
            return new Quat(0, 1, 0, 0);
        }
        return about(Vec3.Z.cross(d), StrictMath.acos(cos));
    }

    /**
     * The unit quaternion of the rotation matrix with columns {@code cx}, {@code cy}, {@code cz}: the frame whose
     * axes are those three directions (orthonormal and right-handed, e.g. {@code xyaxes} once orthogonalized).
     */
    public static Quat fromColumns(Vec3 cx, Vec3 cy, Vec3 cz) {
        double m00 = cx.x(), m01 = cy.x(), m02 = cz.x();
        double m10 = cx.y(), m11 = cy.y(), m12 = cz.y();
        double m20 = cx.z(), m21 = cy.z(), m22 = cz.z();
        double trace = m00 + m11 + m22;
        Quat q;
        if (trace > 0) {
            double s = Math.sqrt(trace + 1) * 2;
            q = new Quat(s / 4, (m21 - m12) / s, (m02 - m20) / s, (m10 - m01) / s);
        } else if (m00 > m11 && m00 > m22) {
            double s = Math.sqrt(1 + m00 - m11 - m22) * 2;
            q = new Quat((m21 - m12) / s, s / 4, (m01 + m10) / s, (m02 + m20) / s);
        } else if (m11 > m22) {
            double s = Math.sqrt(1 + m11 - m00 - m22) * 2;
            q = new Quat((m02 - m20) / s, (m01 + m10) / s, s / 4, (m12 + m21) / s);
        } else {
            double s = Math.sqrt(1 + m22 - m00 - m11) * 2;
            q = new Quat((m10 - m01) / s, (m02 + m20) / s, (m12 + m21) / s, s / 4);
        }
        return q.normalized();
    }

    /** This quaternion divided by its length: the same rotation, as MuJoCo normalizes every quaternion it reads. */
    public Quat normalized() {
        double n = Math.sqrt(w * w + x * x + y * y + z * z);
        return new Quat(w / n, x / n, y / n, z / n);
    }

    /**
     * {@code o}, then this rotation (the Hamilton product {@code this · o}, normalized): with {@code this} a frame's
     * rotation in its parent and {@code o} a child's in that frame, the child's rotation in the parent.
     */
    public Quat times(Quat o) {
        return new Quat(
                w * o.w - x * o.x - y * o.y - z * o.z,
                w * o.x + x * o.w + y * o.z - z * o.y,
                w * o.y - x * o.z + y * o.w + z * o.x,
                w * o.z + x * o.y - y * o.x + z * o.w).normalized();
    }

    /** The opposite rotation (the conjugate, normalized). */
    public Quat inverse() {
        return new Quat(w, -x, -y, -z).normalized();
    }

    /** {@code v} turned by this rotation (a frame's vector expressed in its parent). */
    public Vec3 rotate(Vec3 v) {
        Quat q = unit();
        // v + 2w (q × v) + 2 q × (q × v), q the vector part: the quaternion sandwich without building matrices
        double tx = 2 * (q.y * v.z() - q.z * v.y());
        double ty = 2 * (q.z * v.x() - q.x * v.z());
        double tz = 2 * (q.x * v.y() - q.y * v.x());
        return new Vec3(v.x() + q.w * tx + (q.y * tz - q.z * ty),
                v.y() + q.w * ty + (q.z * tx - q.x * tz),
                v.z() + q.w * tz + (q.x * ty - q.y * tx));
    }

    /** The rotation matrix, row-major 3×3. */
    public double[] matrix() {
        Quat q = unit();
        double w = q.w, x = q.x, y = q.y, z = q.z;
        return new double[] {
            1 - 2 * (y * y + z * z), 2 * (x * y - w * z), 2 * (x * z + w * y),
            2 * (x * y + w * z), 1 - 2 * (x * x + z * z), 2 * (y * z - w * x),
            2 * (x * z - w * y), 2 * (y * z + w * x), 1 - 2 * (x * x + y * y)};
    }

    /** The rotation as axis × angle (radians, of magnitude at most π); MuJoCo's {@code mju_quat2Vel} with dt = 1. */
    public Vec3 rotationVector() {
        Quat q = unit();
        double s = Math.sqrt(q.x * q.x + q.y * q.y + q.z * q.z);
        if (s < 1e-15) {
            return Vec3.ZERO;
        }
        double angle = 2 * Math.atan2(s, q.w);
        if (angle > Math.PI) {
            angle -= 2 * Math.PI;
        }
        return new Vec3(q.x / s * angle, q.y / s * angle, q.z / s * angle);
    }

    /** This quaternion where it is unit to rounding (every one the rotation operations return), else normalized. */
    private Quat unit() {
        return Math.abs(w * w + x * x + y * y + z * z - 1) <= UNIT_TOLERANCE ? this : normalized();
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
