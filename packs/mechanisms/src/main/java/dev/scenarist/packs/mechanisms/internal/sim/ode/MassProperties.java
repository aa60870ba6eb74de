package dev.scenarist.packs.mechanisms.internal.sim.ode;

import dev.scenarist.packs.mechanisms.internal.mjcf.Pose;
import dev.scenarist.packs.mechanisms.scene.Quat;
import dev.scenarist.packs.mechanisms.scene.Vec3;
import java.util.Arrays;

/**
 * Mass, centre of mass and inertia tensor about the centre of mass, all in one frame (which frame is the holder's
 * business: a geom's own frame, a body's, the world's). The tensor is row-major 3×3, symmetric.
 */
record MassProperties(double mass, Vec3 com, double[] inertia) {
    static final MassProperties NONE = new MassProperties(0, Vec3.ZERO, new double[9]);

    MassProperties {
        inertia = inertia.clone();
    }

    /** Principal moments (ascending) and the frame whose axes are the principal axes. */
    record Principal(double[] moments, Quat axes) {}

    static MassProperties diagonal(double mass, Vec3 com, double ixx, double iyy, double izz) {
        return new MassProperties(mass, com, new double[] {ixx, 0, 0, 0, iyy, 0, 0, 0, izz});
    }

    boolean massless() {
        return !(mass > 0);
    }

    /** The same body seen from the frame {@code frame} is expressed in (centre moved, tensor turned: R I Rᵀ). */
    MassProperties transformed(Pose frame) {
        return new MassProperties(mass, frame.apply(com), rotate(inertia, frame.rotation().matrix()));
    }

    /** Two bodies rigidly joined (both in the same frame): masses add, tensors move to the joint centre of mass. */
    MassProperties plus(MassProperties o) {
        if (o.massless()) {
            return add(this, o.inertia);
        }
        if (massless()) {
            return add(o, inertia);
        }
        double m = mass + o.mass;
        Vec3 c = com.times(mass / m).plus(o.com.times(o.mass / m));
        double[] sum = new double[9];
        accumulate(sum, inertia, mass, com.minus(c));
        accumulate(sum, o.inertia, o.mass, o.com.minus(c));
        return new MassProperties(m, c, sum);
    }

    /** The tensor about {@code point} (parallel axis theorem), for effective inertias about a joint axis. */
    double[] inertiaAbout(Vec3 point) {
        double[] out = new double[9];
        accumulate(out, inertia, mass, com.minus(point));
        return out;
    }

    /** With {@code extra} (a tensor in this frame) added to the inertia, e.g. a joint's armature. */
    MassProperties plusInertia(double[] extra) {
        return add(this, extra);
    }

    MassProperties scaled(double k) {
        double[] i = inertia.clone();
        for (int k2 = 0; k2 < 9; k2++) {
            i[k2] *= k;
        }
        return new MassProperties(mass * k, com, i);
    }

    MassProperties withMass(double m) {
        return new MassProperties(m, com, inertia);
    }

    /** Moment of inertia about the axis {@code u} (unit) through the centre of mass. */
    double momentAbout(Vec3 u) {
        return moment(inertia, u);
    }

    static double moment(double[] t, Vec3 u) {
        double[] v = {u.x(), u.y(), u.z()};
        double s = 0;
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                s += v[r] * t[3 * r + c] * v[c];
            }
        }
        return s;
    }

    /** Eigen-decomposition of the tensor by cyclic Jacobi rotations (exact to rounding for 3×3). */
    Principal principal() {
        double[] a = inertia.clone();
        double[] v = {1, 0, 0, 0, 1, 0, 0, 0, 1};
        for (int sweep = 0; sweep < 50; sweep++) {
            double off = Math.abs(a[1]) + Math.abs(a[2]) + Math.abs(a[5]);
            if (off < 1e-30 + 1e-15 * (Math.abs(a[0]) + Math.abs(a[4]) + Math.abs(a[8]))) {
                break;
            }
            for (int[] pq : new int[][] {{0, 1}, {0, 2}, {1, 2}}) {
                int p = pq[0];
                int q = pq[1];
                double apq = a[3 * p + q];
                if (apq == 0) {
                    continue;
                }
                double theta = (a[3 * q + q] - a[3 * p + p]) / (2 * apq);
                double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                if (theta == 0) {
                    t = 1;
                }
                double c = 1 / Math.sqrt(t * t + 1);
                double s = t * c;
                for (int k = 0; k < 3; k++) { // A = Jᵀ A J, J the rotation in the (p, q) plane
                    double akp = a[3 * k + p];
                    double akq = a[3 * k + q];
                    a[3 * k + p] = c * akp - s * akq;
                    a[3 * k + q] = s * akp + c * akq;
                }
                for (int k = 0; k < 3; k++) {
                    double apk = a[3 * p + k];
                    double aqk = a[3 * q + k];
                    a[3 * p + k] = c * apk - s * aqk;
                    a[3 * q + k] = s * apk + c * aqk;
                }
                for (int k = 0; k < 3; k++) {
                    double vkp = v[3 * k + p];
                    double vkq = v[3 * k + q];
                    v[3 * k + p] = c * vkp - s * vkq;
                    v[3 * k + q] = s * vkp + c * vkq;
                }
            }
        }
        Integer[] order = {0, 1, 2};
        Arrays.sort(order, (i, j) -> Double.compare(a[4 * i], a[4 * j]));
        double[] moments = new double[3];
        Vec3[] axes = new Vec3[3];
        for (int k = 0; k < 3; k++) {
            int i = order[k];
            moments[k] = Math.max(0, a[4 * i]);
            axes[k] = new Vec3(v[i], v[3 + i], v[6 + i]);
        }
        Vec3 z = axes[0].cross(axes[1]); // right-handed whatever the eigenvectors' signs
        return new Principal(moments, Quat.fromColumns(axes[0], axes[1], z));
    }

    // ---- primitive solids, centred at the origin of their own frame, axis along z (MuJoCo's formulas)

    static MassProperties sphere(double mass, double r) {
        double i = 0.4 * mass * r * r;
        return diagonal(mass, Vec3.ZERO, i, i, i);
    }

    /** A capsule of radius {@code r} and cylinder half-length {@code h}, mass split by volume between its parts. */
    static MassProperties capsule(double mass, double r, double h) {
        double height = 2 * h;
        double sphereMass = mass * 4 * r / (4 * r + 3 * height);
        double cylinderMass = mass - sphereMass;
        double side = cylinderMass * (3 * r * r + height * height) / 12;
        double axial = cylinderMass * r * r / 2;
        double sphere = 2 * sphereMass * r * r / 5;
        side += sphere + sphereMass * height * (3 * r + 2 * height) / 8;
        axial += sphere;
        return diagonal(mass, Vec3.ZERO, side, side, axial);
    }

    static MassProperties cylinder(double mass, double r, double h) {
        double height = 2 * h;
        double side = mass * (3 * r * r + height * height) / 12;
        return diagonal(mass, Vec3.ZERO, side, side, mass * r * r / 2);
    }

    static MassProperties box(double mass, double hx, double hy, double hz) {
        double x = 4 * hx * hx;
        double y = 4 * hy * hy;
        double z = 4 * hz * hz;
        return diagonal(mass, Vec3.ZERO, mass * (y + z) / 12, mass * (x + z) / 12, mass * (x + y) / 12);
    }

    static MassProperties ellipsoid(double mass, double a, double b, double c) {
        return diagonal(mass, Vec3.ZERO, mass * (b * b + c * c) / 5, mass * (a * a + c * c) / 5,
                mass * (a * a + b * b) / 5);
    }

    // ---- helpers

    private static MassProperties add(MassProperties base, double[] extra) {
        double[] i = base.inertia.clone();
        for (int k = 0; k < 9; k++) {
            i[k] += extra[k];
        }
        return new MassProperties(base.mass, base.com, i);
    }

    /** {@code into += t + m (|d|² E − d dᵀ)}: a tensor about its own centre moved by {@code d}. */
    private static void accumulate(double[] into, double[] t, double m, Vec3 d) {
        double[] v = {d.x(), d.y(), d.z()};
        double dd = d.dot(d);
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                into[3 * r + c] += t[3 * r + c] + m * ((r == c ? dd : 0) - v[r] * v[c]);
            }
        }
    }

    /** R T Rᵀ. */
    private static double[] rotate(double[] t, double[] r) {
        double[] rt = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double s = 0;
                for (int k = 0; k < 3; k++) {
                    s += r[3 * i + k] * t[3 * k + j];
                }
                rt[3 * i + j] = s;
            }
        }
        double[] out = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double s = 0;
                for (int k = 0; k < 3; k++) {
                    s += rt[3 * i + k] * r[3 * j + k];
                }
                out[3 * i + j] = s;
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MassProperties m && m.mass == mass && m.com.equals(com)
                && Arrays.equals(m.inertia, inertia);
    }

    @Override
    public int hashCode() {
        return Double.hashCode(mass) * 31 + com.hashCode() * 17 + Arrays.hashCode(inertia);
    }

    @Override
    public double[] inertia() {
        return inertia.clone();
    }
}
