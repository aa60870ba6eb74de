package dev.scenarist.packs.mechanisms.sim.ode;

import dev.scenarist.packs.mechanisms.mjcf.MjcfElement;
import dev.scenarist.packs.mechanisms.scene.Vec3;
import java.util.List;

/**
 * Reads an element's frame the way MuJoCo's compiler does: {@code pos} plus one of {@code quat}, {@code axisangle},
 * {@code euler}, {@code xyaxes}, {@code zaxis}, with angles in the unit of {@code <compiler angle>} and Euler
 * sequences per {@code <compiler eulerseq>} (lower case: rotating axes, upper case: fixed axes).
 */
record Orientation(boolean degrees, String eulerseq) {
    private static final List<String> SPECIFIERS = List.of("quat", "axisangle", "euler", "xyaxes", "zaxis");

    double angle(double value) {
        return degrees ? Math.toRadians(value) : value;
    }

    /** The element's frame in its parent; attributes written on the element win over default classes. */
    Pose pose(MjcfElement e) {
        double[] p = e.reals("pos");
        Vec3 pos = p != null && p.length == 3 ? new Vec3(p[0], p[1], p[2]) : Vec3.ZERO;
        return new Pose(pos, rotation(e));
    }

    Rot rotation(MjcfElement e) {
        for (String s : SPECIFIERS) {
            if (e.own(s) != null) {
                return rotation(s, e.reals(s));
            }
        }
        for (String s : SPECIFIERS) {
            if (e.has(s)) {
                return rotation(s, e.reals(s));
            }
        }
        return Rot.IDENTITY;
    }

    private Rot rotation(String specifier, double[] v) {
        if (v == null) {
            return Rot.IDENTITY;
        }
        switch (specifier) {
            case "quat" -> {
                return v.length == 4 ? new Rot(v[0], v[1], v[2], v[3]) : Rot.IDENTITY;
            }
            case "axisangle" -> {
                return v.length == 4 ? Rot.axisAngle(new Vec3(v[0], v[1], v[2]), angle(v[3])) : Rot.IDENTITY;
            }
            case "euler" -> {
                return v.length == 3 ? euler(v) : Rot.IDENTITY;
            }
            case "xyaxes" -> {
                if (v.length != 6) {
                    return Rot.IDENTITY;
                }
                Vec3 x = new Vec3(v[0], v[1], v[2]).normalized();
                Vec3 y = new Vec3(v[3], v[4], v[5]);
                y = y.minus(x.times(x.dot(y))).normalized();
                return Rot.fromColumns(x, y, x.cross(y));
            }
            case "zaxis" -> {
                return v.length == 3 ? Rot.zTo(new Vec3(v[0], v[1], v[2])) : Rot.IDENTITY;
            }
            default -> throw new IllegalArgumentException(specifier);
        }
    }

    private Rot euler(double[] v) {
        Rot q = Rot.IDENTITY;
        for (int i = 0; i < 3; i++) {
            char axis = i < eulerseq.length() ? eulerseq.charAt(i) : "xyz".charAt(i);
            Vec3 a = switch (Character.toLowerCase(axis)) {
                case 'x' -> Vec3.X;
                case 'y' -> Vec3.Y;
                default -> Vec3.Z;
            };
            Rot r = Rot.axisAngle(a, angle(v[i]));
            q = Character.isLowerCase(axis) ? q.times(r) : r.times(q);
        }
        return q;
    }
}
