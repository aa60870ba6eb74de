package dev.scenarist.packs.mechanisms.sim.ode;

import dev.scenarist.packs.mechanisms.scene.Vec3;

/**
 * A unit quaternion (w, x, y, z) — MuJoCo's and ODE's order — rotating body-frame vectors into the parent frame.
 * Always normalized on construction, as MuJoCo normalizes every quaternion it reads.
 */
record Rot(double w, double x, double y, double z) {
    static final Rot IDENTITY = new Rot(1, 0, 0, 0);

    Rot {
        double n = Math.sqrt(w * w + x * x + y * y + z * z);
        if (!(n > 0) || !Double.isFinite(n)) {
            throw new IllegalArgumentException("not a rotation quaternion: " + w + " " + x + " " + y + " " + z);
        }
        w /= n;
        x /= n;
        y /= n;
        z /= n;
    }

    /** Rotation by {@code angle} radians about {@code axis} (any non-zero length). */
    static Rot axisAngle(Vec3 axis, double angle) {
        Vec3 u = axis.normalized();
        double s = Math.sin(angle / 2);
        return new Rot(Math.cos(angle / 2), u.x() * s, u.y() * s, u.z() * s);
    }

    /**
     * The rotation taking (0, 0, 1) onto {@code v} by the shortest arc, as MuJoCo's {@code mju_quatZ2Vec} (used for
     * {@code zaxis} and {@code fromto}): for {@code v} pointing down, half a turn about x.
     */
    static Rot zTo(Vec3 v) {
        Vec3 u = v.normalized();
        Vec3 axis = Vec3.Z.cross(u);
        double s = axis.length();
        if (s < 1e-10) {
            return u.z() >= 0 ? IDENTITY : new Rot(0, 1, 0, 0);
        }
        return axisAngle(axis, Math.atan2(s, u.z()));
    }

    /** The rotation whose matrix has columns {@code cx, cy, cz} (an orthonormal, right-handed frame). */
    static Rot fromColumns(Vec3 cx, Vec3 cy, Vec3 cz) {
        double m00 = cx.x(), m10 = cx.y(), m20 = cx.z();
        double m01 = cy.x(), m11 = cy.y(), m21 = cy.z();
        double m02 = cz.x(), m12 = cz.y(), m22 = cz.z();
        double trace = m00 + m11 + m22;
        if (trace > 0) {
            double s = Math.sqrt(trace + 1) * 2;
            return new Rot(0.25 * s, (m21 - m12) / s, (m02 - m20) / s, (m10 - m01) / s);
        } else if (m00 > m11 && m00 > m22) {
            double s = Math.sqrt(1 + m00 - m11 - m22) * 2;
            return new Rot((m21 - m12) / s, 0.25 * s, (m01 + m10) / s, (m02 + m20) / s);
        } else if (m11 > m22) {
            double s = Math.sqrt(1 + m11 - m00 - m22) * 2;
            return new Rot((m02 - m20) / s, (m01 + m10) / s, 0.25 * s, (m12 + m21) / s);
        } else {
            double s = Math.sqrt(1 + m22 - m00 - m11) * 2;
            return new Rot((m10 - m01) / s, (m02 + m20) / s, (m12 + m21) / s, 0.25 * s);
        }
    }

    /** {@code this ∘ o}: first {@code o}, then this. */
    Rot times(Rot o) {
        return new Rot(
                w * o.w - x * o.x - y * o.y - z * o.z,
                w * o.x + x * o.w + y * o.z - z * o.y,
                w * o.y - x * o.z + y * o.w + z * o.x,
                w * o.z + x * o.y - y * o.x + z * o.w);
    }

    Rot inverse() {
        return new Rot(w, -x, -y, -z);
    }

    Vec3 apply(Vec3 v) {
        // v + 2w (q × v) + 2 q × (q × v)
        double tx = 2 * (y * v.z() - z * v.y());
        double ty = 2 * (z * v.x() - x * v.z());
        double tz = 2 * (x * v.y() - y * v.x());
        return new Vec3(v.x() + w * tx + (y * tz - z * ty), v.y() + w * ty + (z * tx - x * tz),
                v.z() + w * tz + (x * ty - y * tx));
    }

    /** Row-major 3×3 rotation matrix. */
    double[] matrix() {
        return new double[] {
            1 - 2 * (y * y + z * z), 2 * (x * y - w * z), 2 * (x * z + w * y),
            2 * (x * y + w * z), 1 - 2 * (x * x + z * z), 2 * (y * z - w * x),
            2 * (x * z - w * y), 2 * (y * z + w * x), 1 - 2 * (x * x + y * y)};
    }

    /** The rotation as axis × angle (radians, angle in [0, π]); MuJoCo's {@code mju_quat2Vel} with dt = 1. */
    Vec3 rotationVector() {
        double s = Math.sqrt(x * x + y * y + z * z);
        if (s < 1e-15) {
            return Vec3.ZERO;
        }
        double angle = 2 * Math.atan2(s, w);
        if (angle > Math.PI) {
            angle -= 2 * Math.PI;
        }
        return new Vec3(x / s * angle, y / s * angle, z / s * angle);
    }
}
