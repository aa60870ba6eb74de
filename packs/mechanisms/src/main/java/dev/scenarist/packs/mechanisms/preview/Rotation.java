package dev.scenarist.packs.mechanisms.preview;

import dev.scenarist.packs.mechanisms.scene.Vec3;

/** A unit quaternion (w, x, y, z), MuJoCo's order; normalised on construction as MuJoCo's compiler does. */
record Rotation(double w, double x, double y, double z) {
    static final Rotation IDENTITY = new Rotation(1, 0, 0, 0);

    Rotation {
        double n = Math.sqrt(w * w + x * x + y * y + z * z);
        if (!(n > 1e-12) || !Double.isFinite(n)) {
            // a zero or broken quaternion: MuJoCo refuses the model; the preview draws the part unrotated
            w = 1;
            x = 0;
            y = 0;
            z = 0;
        } else {
            w /= n;
            x /= n;
            y /= n;
            z /= n;
        }
    }

    /** Rotation by {@code radians} about {@code axis} (any non-zero length). */
    static Rotation about(Vec3 axis, double radians) {
        double len = axis.length();
        if (len < 1e-12) {
            return IDENTITY;
        }
        double s = StrictMath.sin(radians / 2) / len;
        return new Rotation(StrictMath.cos(radians / 2), axis.x() * s, axis.y() * s, axis.z() * s);
    }

    /** The rotation with columns {@code x}, {@code y}, {@code z} (an orthonormal, right-handed frame). */
    static Rotation ofAxes(Vec3 x, Vec3 y, Vec3 z) {
        double m00 = x.x(), m01 = y.x(), m02 = z.x();
        double m10 = x.y(), m11 = y.y(), m12 = z.y();
        double m20 = x.z(), m21 = y.z(), m22 = z.z();
        double trace = m00 + m11 + m22;
        if (trace > 0) {
            double s = Math.sqrt(trace + 1) * 2;
            return new Rotation(s / 4, (m21 - m12) / s, (m02 - m20) / s, (m10 - m01) / s);
        } else if (m00 > m11 && m00 > m22) {
            double s = Math.sqrt(1 + m00 - m11 - m22) * 2;
            return new Rotation((m21 - m12) / s, s / 4, (m01 + m10) / s, (m02 + m20) / s);
        } else if (m11 > m22) {
            double s = Math.sqrt(1 + m11 - m00 - m22) * 2;
            return new Rotation((m02 - m20) / s, (m01 + m10) / s, s / 4, (m12 + m21) / s);
        } else {
            double s = Math.sqrt(1 + m22 - m00 - m11) * 2;
            return new Rotation((m10 - m01) / s, (m02 + m20) / s, (m12 + m21) / s, s / 4);
        }
    }

    /** The shortest rotation taking +z to {@code direction}, as MuJoCo's {@code zaxis} and {@code fromto} do. */
    static Rotation zTo(Vec3 direction) {
        double len = direction.length();
        if (len < 1e-12) {
            return IDENTITY;
        }
        Vec3 d = direction.times(1 / len);
        double cos = d.z();
        if (cos > 1 - 1e-12) {
            return IDENTITY;
        }
        if (cos < -1 + 1e-12) {
            return new Rotation(0, 1, 0, 0); // half turn about x
        }
        Vec3 axis = Vec3.Z.cross(d);
        return about(axis, StrictMath.acos(cos));
    }

    /** This rotation, then {@code o} in the rotated frame (Hamilton product {@code this * o}). */
    Rotation times(Rotation o) {
        return new Rotation(
                w * o.w - x * o.x - y * o.y - z * o.z,
                w * o.x + x * o.w + y * o.z - z * o.y,
                w * o.y - x * o.z + y * o.w + z * o.x,
                w * o.z + x * o.y - y * o.x + z * o.w);
    }

    Rotation inverse() {
        return new Rotation(w, -x, -y, -z);
    }

    Vec3 apply(Vec3 v) {
        // v + 2w (q × v) + 2 q × (q × v), q the vector part: the quaternion sandwich without building matrices
        double tx = 2 * (y * v.z() - z * v.y());
        double ty = 2 * (z * v.x() - x * v.z());
        double tz = 2 * (x * v.y() - y * v.x());
        return new Vec3(v.x() + w * tx + (y * tz - z * ty),
                v.y() + w * ty + (z * tx - x * tz),
                v.z() + w * tz + (x * ty - y * tx));
    }
}
