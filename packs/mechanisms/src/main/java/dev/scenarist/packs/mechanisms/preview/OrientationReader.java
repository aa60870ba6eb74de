package dev.scenarist.packs.mechanisms.preview;

import dev.scenarist.packs.mechanisms.mjcf.MjcfElement;
import dev.scenarist.packs.mechanisms.mjcf.MjcfModel;
import dev.scenarist.packs.mechanisms.mjcf.MjcfReadException;
import dev.scenarist.packs.mechanisms.scene.Vec3;
import java.util.List;
import java.util.Optional;

/**
 * Turns MJCF's five ways of writing an orientation ({@code quat}, {@code axisangle}, {@code xyaxes}, {@code zaxis},
 * {@code euler}) into a {@link Rotation} the way MuJoCo's compiler does, honouring {@code <compiler angle>} (MuJoCo's
 * default is degrees) and {@code eulerseq}.
 */
final class OrientationReader {
    private static final List<String> SPECIFIERS = List.of("quat", "axisangle", "xyaxes", "zaxis", "euler");

    private final boolean degrees;
    private final String eulerSeq;

    OrientationReader(boolean degrees, String eulerSeq) {
        this.degrees = degrees;
        this.eulerSeq = eulerSeq.matches("[xyzXYZ]{3}") ? eulerSeq : "xyz";
    }

    static OrientationReader of(MjcfModel model) {
        return new OrientationReader(!model.compiler("angle").orElse("degree").equals("radian"),
                model.compiler("eulerseq").orElse("xyz"));
    }

    /**
     * The element's orientation: a specifier written on the element wins; otherwise one its default class sets
     * (geoms and sites take them from classes; bodies and frames have none); otherwise none.
     */
    Rotation read(MjcfElement e) throws MjcfReadException {
        for (String s : SPECIFIERS) {
            if (e.ownAttribute(s).isPresent()) {
                return read(e, s);
            }
        }
        for (String s : SPECIFIERS) {
            Optional<String> inherited = e.attribute(s);
            if (inherited.isPresent()) {
                return read(e, s);
            }
        }
        return Rotation.IDENTITY;
    }

    private Rotation read(MjcfElement e, String specifier) throws MjcfReadException {
        return switch (specifier) {
            case "quat" -> {
                double[] q = e.numbers("quat", 1, 0, 0, 0);
                yield new Rotation(q[0], q[1], q[2], q[3]);
            }
            case "axisangle" -> {
                double[] a = e.numbers("axisangle", 0, 0, 1, 0);
                yield Rotation.about(vec(a, 0), angle(a[3]));
            }
            case "xyaxes" -> xyAxes(e.numbers("xyaxes", 1, 0, 0, 0, 1, 0));
            case "zaxis" -> Rotation.zTo(vec(e.numbers("zaxis", 0, 0, 1), 0));
            case "euler" -> euler(e.numbers("euler", 0, 0, 0));
            default -> throw new IllegalArgumentException(specifier);
        };
    }

    /** Euler angles applied in {@code eulerseq} order: lower-case axes move with the frame, upper-case stay fixed. */
    Rotation euler(double[] angles) {
        Rotation q = Rotation.IDENTITY;
        for (int i = 0; i < 3; i++) {
            char axis = eulerSeq.charAt(i);
            Vec3 a = switch (Character.toLowerCase(axis)) {
                case 'x' -> Vec3.X;
                case 'y' -> Vec3.Y;
                default -> Vec3.Z;
            };
            Rotation step = Rotation.about(a, angle(angles[i]));
            q = Character.isLowerCase(axis) ? q.times(step) : step.times(q);
        }
        return q;
    }

    /** The x axis as given, the y axis made orthogonal to it, z their cross product (MuJoCo's Gram-Schmidt). */
    private static Rotation xyAxes(double[] v) {
        Vec3 x = vec(v, 0);
        Vec3 y = vec(v, 3);
        if (x.length() < 1e-12) {
            return Rotation.IDENTITY;
        }
        x = x.normalized();
        y = y.minus(x.times(x.dot(y)));
        if (y.length() < 1e-12) {
            return Rotation.IDENTITY;
        }
        y = y.normalized();
        return Rotation.ofAxes(x, y, x.cross(y));
    }

    private double angle(double value) {
        return degrees ? value * Math.PI / 180 : value;
    }

    private static Vec3 vec(double[] v, int from) {
        return new Vec3(v[from], v[from + 1], v[from + 2]);
    }
}
