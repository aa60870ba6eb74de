package dev.scenarist.packs.mechanisms.internal.mjcf;

import dev.scenarist.packs.mechanisms.scene.Vec3;
import java.util.Optional;

/**
 * A geom's (or site's) primitive shape as MuJoCo compiles it from {@code type}, {@code size} and {@code fromto}: which
 * size value means what for each type, how a {@code fromto} segment gives the half-length (and, across it,
 * {@code size[0]} every half-width), and the volume MuJoCo multiplies by the density. Written once here for the
 * static mass rules, the preview and the ODE fallback, which each map it onto their own shapes.
 */
public sealed interface GeomShape {
    /** The geom frame's xy plane; half-sizes as written (MuJoCo draws it that large, collides with it infinite). */
    record Plane(double halfX, double halfY) implements GeomShape {
        @Override
        public double volume() {
            return 0;
        }
    }

    record Sphere(double radius) implements GeomShape {
        @Override
        public double volume() {
            return 4.0 / 3 * Math.PI * cube(radius);
        }
    }

    /** Axis along the geom's z; {@code halfLength} of the cylindrical part. */
    record Capsule(double radius, double halfLength) implements GeomShape {
        @Override
        public double volume() {
            return Math.PI * radius * radius * 2 * halfLength + 4.0 / 3 * Math.PI * cube(radius);
        }
    }

    record Cylinder(double radius, double halfLength) implements GeomShape {
        @Override
        public double volume() {
            return Math.PI * radius * radius * 2 * halfLength;
        }
    }

    record Box(double halfX, double halfY, double halfZ) implements GeomShape {
        @Override
        public double volume() {
            return 8 * halfX * halfY * halfZ;
        }
    }

    record Ellipsoid(double radiusX, double radiusY, double radiusZ) implements GeomShape {
        @Override
        public double volume() {
            return 4.0 / 3 * Math.PI * radiusX * radiusY * radiusZ;
        }
    }

    /** The shape and its frame in what owns it (its body, or a {@code <frame>}). */
    record Placed(GeomShape shape, Pose local) {}

    /** The volume MuJoCo's {@code density × volume} uses (0 for a plane); not clamped, so a negative size shows. */
    double volume();

    /**
     * The primitive of {@code type} with {@code size} (missing values are MuJoCo's zeros) and {@code fromto} (six
     * numbers, or null when unset); empty for what is no primitive ({@code mesh}, {@code hfield}, {@code sdf}).
     * A {@code fromto} only shapes a capsule, cylinder, box or ellipsoid; on other types it is ignored here (the
     * validator reports it).
     */
    static Optional<GeomShape> of(String type, double[] size, double[] fromto) {
        double[] s = java.util.Arrays.copyOf(size, Math.max(3, size.length));
        boolean segment = fromto != null && fromto.length == 6;
        double half = segment ? halfLength(fromto) : 0;
        return Optional.ofNullable(switch (type) {
            case "plane" -> new Plane(s[0], s[1]);
            case "sphere" -> new Sphere(s[0]);
            case "capsule" -> new Capsule(s[0], segment ? half : s[1]);
            case "cylinder" -> new Cylinder(s[0], segment ? half : s[1]);
            case "box" -> segment ? new Box(s[0], s[0], half) : new Box(s[0], s[1], s[2]);
            case "ellipsoid" -> segment ? new Ellipsoid(s[0], s[0], half) : new Ellipsoid(s[0], s[1], s[2]);
            default -> null;
        });
    }

    /**
     * Element {@code e}'s primitive, sizes after default classes ({@code initialSize} where neither sets them: zeros
     * for a geom, 0.005 for a site), and its frame: the {@code fromto} segment's for the types it shapes, else
     * {@code pos} and orientation. Empty for a mesh, height field or SDF geom.
     *
     * @throws MjcfReadException when size, fromto or the frame's attributes are not numbers
     */
    static Optional<Placed> of(MjcfElement e, MjcfFrames frames, double... initialSize) throws MjcfReadException {
        String type = e.attribute("type").orElse("sphere");
        double[] fromto = e.attribute("fromto").filter(v -> !v.isBlank()).isPresent() && shapedBySegment(type)
                ? e.numbers("fromto", 0, 0, 0, 0, 0, 0) : null;
        Optional<GeomShape> shape = of(type, e.numbers("size", initialSize), fromto);
        if (shape.isEmpty()) return Optional.empty();
        Pose local = fromto != null
                ? MjcfFrames.fromto(new Vec3(fromto[0], fromto[1], fromto[2]), new Vec3(fromto[3], fromto[4], fromto[5]))
                : frames.pose(e);
        return Optional.of(new Placed(shape.get(), local));
    }

    /** Whether a {@code fromto} places and sizes this type: capsule, cylinder, box, ellipsoid. */
    static boolean shapedBySegment(String type) {
        return switch (type) {
            case "capsule", "cylinder", "box", "ellipsoid" -> true;
            default -> false;
        };
    }

    /** Half the distance between the two points of a {@code fromto} (six numbers). */
    static double halfLength(double[] fromto) {
        double dx = fromto[3] - fromto[0];
        double dy = fromto[4] - fromto[1];
        double dz = fromto[5] - fromto[2];
        return Math.sqrt(dx * dx + dy * dy + dz * dz) / 2;
    }

    private static double cube(double x) {
        return x * x * x;
    }
}
