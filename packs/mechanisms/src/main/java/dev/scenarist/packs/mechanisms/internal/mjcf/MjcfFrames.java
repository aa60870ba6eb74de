package dev.scenarist.packs.mechanisms.internal.mjcf;

import dev.scenarist.packs.mechanisms.scene.Quat;
import dev.scenarist.packs.mechanisms.scene.Vec3;
import java.util.List;

/**
 * Where an element (body, frame, geom, site, inertial, ...) sits in its parent, read the way MuJoCo's compiler does:
 * {@code pos} plus one of the five ways of writing an orientation ({@code quat}, {@code axisangle}, {@code xyaxes},
 * {@code zaxis}, {@code euler}), with angles in the unit of {@code <compiler angle>} (MuJoCo's default is degrees) and
 * Euler sequences per {@code <compiler eulerseq>} (lower case: rotating axes, upper case: fixed axes).
 *
 * <p>Numbers that do not parse raise {@link MjcfReadException} naming the element's {@code file:line} (as
 * {@link MjcfElement#numbers} does); a validated model never has them. An orientation MuJoCo would refuse but that
 * parses (a zero or non-finite quaternion, a zero axis, an x axis along y) reads as no rotation, so that a preview
 * can still draw the model; the validator reports it.
 */
public final class MjcfFrames {
    private static final List<String> SPECIFIERS = List.of("quat", "axisangle", "xyaxes", "zaxis", "euler");
    private static final double MIN_LENGTH = 1e-12;

    private final boolean degrees;
    private final String eulerSeq;

    /**
     * @param degrees whether angles are in degrees ({@code <compiler angle="degree">}, MuJoCo's default)
     * @param eulerSeq {@code <compiler eulerseq>}; anything but three of {@code xyzXYZ} reads as {@code xyz}
     */
    public MjcfFrames(boolean degrees, String eulerSeq) {
        this.degrees = degrees;
        this.eulerSeq = eulerSeq.matches("[xyzXYZ]{3}") ? eulerSeq : "xyz";
    }

    /** The reader for {@code model}'s {@code <compiler angle eulerseq>}. */
    public static MjcfFrames of(MjcfModel model) {
        return new MjcfFrames(!model.compiler("angle", "degree").equals("radian"), model.compiler("eulerseq", "xyz"));
    }

    /** Whether the model writes angles in degrees. */
    public boolean degrees() {
        return degrees;
    }

    /** An angle as the model writes it, in radians. */
    public double angle(double value) {
        return degrees ? value * Math.PI / 180 : value;
    }

    /** The element's frame in its parent: {@link #position} and {@link #orientation}. */
    public Pose pose(MjcfElement e) throws MjcfReadException {
        return new Pose(position(e), orientation(e));
    }

    /** The element's {@code pos} (default classes applied), or the origin. */
    public Vec3 position(MjcfElement e) throws MjcfReadException {
        return vec(e.numbers("pos", 0, 0, 0), 0);
    }

    /**
     * The element's orientation: a specifier written on the element wins; otherwise one its default class sets
     * (geoms and sites take them from classes; bodies and frames have none); otherwise {@link Quat#IDENTITY}.
     */
    public Quat orientation(MjcfElement e) throws MjcfReadException {
        for (String s : SPECIFIERS) {
            if (e.ownAttribute(s).isPresent()) {
                return orientation(e, s);
            }
        }
        for (String s : SPECIFIERS) {
            if (e.attribute(s).isPresent()) {
                return orientation(e, s);
            }
        }
        return Quat.IDENTITY;
    }

    private Quat orientation(MjcfElement e, String specifier) throws MjcfReadException {
        return switch (specifier) {
            case "quat" -> unit(e.numbers("quat", 1, 0, 0, 0));
            case "axisangle" -> {
                double[] a = e.numbers("axisangle", 0, 0, 1, 0);
                yield Quat.about(vec(a, 0), angle(a[3]));
            }
            case "xyaxes" -> xyAxes(e.numbers("xyaxes", 1, 0, 0, 0, 1, 0));
            case "zaxis" -> Quat.zTo(vec(e.numbers("zaxis", 0, 0, 1), 0));
            case "euler" -> euler(e.numbers("euler", 0, 0, 0));
            default -> throw new IllegalArgumentException(specifier);
        };
    }

    /** Euler angles (in the model's unit) applied in {@code eulerseq} order. */
    public Quat euler(double... angles) {
        Quat q = Quat.IDENTITY;
        for (int i = 0; i < 3; i++) {
            char axis = eulerSeq.charAt(i);
            Vec3 a = switch (Character.toLowerCase(axis)) {
                case 'x' -> Vec3.X;
                case 'y' -> Vec3.Y;
                default -> Vec3.Z;
            };
            Quat step = Quat.about(a, angle(angles[i]));
            q = Character.isLowerCase(axis) ? q.times(step) : step.times(q);
        }
        return q;
    }

    /** The frame MuJoCo gives a {@code fromto} geom: at the segment's midpoint, its z axis along the segment. */
    public static Pose fromto(Vec3 from, Vec3 to) {
        return new Pose(from.plus(to).times(0.5), Quat.zTo(to.minus(from)));
    }

    /** A written quaternion, normalized; a zero, tiny or non-finite one is no rotation. */
    private static Quat unit(double[] q) {
        double n = Math.sqrt(q[0] * q[0] + q[1] * q[1] + q[2] * q[2] + q[3] * q[3]);
        return n > MIN_LENGTH && Double.isFinite(n) ? Quat.of(q[0], q[1], q[2], q[3]).normalized() : Quat.IDENTITY;
    }

    /** The x axis as given, the y axis made orthogonal to it, z their cross product (MuJoCo's Gram-Schmidt). */
    private static Quat xyAxes(double[] v) {
        Vec3 x = vec(v, 0);
        Vec3 y = vec(v, 3);
        if (x.length() < MIN_LENGTH) {
            return Quat.IDENTITY;
        }
        x = x.normalized();
        y = y.minus(x.times(x.dot(y)));
        if (y.length() < MIN_LENGTH) {
            return Quat.IDENTITY;
        }
        y = y.normalized();
        return Quat.fromColumns(x, y, x.cross(y));
    }

    private static Vec3 vec(double[] v, int from) {
        return new Vec3(v[from], v[from + 1], v[from + 2]);
    }
}
