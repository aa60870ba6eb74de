package dev.scenarist.packs.mechanisms.scene;

import java.util.List;
import java.util.Objects;

/**
 * A rigid part a {@link Solution} adds to the scene (see {@link Design}): a primitive solid, posed in the world frame
 * as the scene stands at t = 0, given its mass directly or through its density, and either welded to a body of the
 * scene (it moves with it; {@value #WORLD} fixes it in place) or free (its own free joint: it falls, slides, is
 * pushed).
 *
 * <p>Sizes follow MuJoCo's geoms: a box's three half-extents; a sphere's radius; a capsule's or a cylinder's radius
 * and half-length along its own z axis (a capsule's rounded ends come on top of it).
 *
 * <pre>{@code
 * DesignedPart.box("counterweight", Vec3.of(0.04, 0.04, 0.03)).at(Vec3.of(-0.4, 0, 0.3)).mass(2.5).weldedTo("lever")
 * }</pre>
 *
 * @param solid    its shape and MuJoCo sizes
 * @param heft     its mass, given directly or through its density
 * @param weldedTo a body name, {@value #WORLD}, or empty for a free part
 */
public record DesignedPart(String name, Solid solid, Vec3 position, Quat orientation, Heft heft, String weldedTo) {
    /** Welded to the world: fixed where it is placed. */
    public static final String WORLD = "world";
    private static final double DEFAULT_DENSITY = 1000;

    public enum Shape {
        BOX(3), SPHERE(1), CAPSULE(2), CYLINDER(2);

        private final int sizes;

        Shape(int sizes) {
            this.sizes = sizes;
        }

        /** How many numbers {@code size} has for this shape. */
        public int sizes() {
            return sizes;
        }
    }

    /** A primitive solid: its shape and its sizes as MuJoCo reads them for that shape. */
    public record Solid(Shape shape, List<Double> size) {
        public Solid {
            Objects.requireNonNull(shape, "shape");
            size = List.copyOf(size);
        }
    }

    /** kg, or 0 when {@code density} gives it; kg/m³, or 0 when {@code mass} is given. */
    public record Heft(double mass, double density) {}

    /** A part from its parts, as a solution file lists them. */
    public DesignedPart(String name, Shape shape, List<Double> size, Vec3 position, Quat orientation, Heft heft) {
        this(name, new Solid(shape, size), position, orientation, heft, "");
    }

    public DesignedPart {
        Preconditions.name("part", name);
        Objects.requireNonNull(solid, "solid");
        Shape shape = solid.shape();
        List<Double> size = solid.size();
        if (size.size() != shape.sizes()) {
            throw new IllegalArgumentException("part '" + name + "': a " + shape.name().toLowerCase(java.util.Locale.ROOT) + " has "
                    + shape.sizes() + " size number(s), was " + size);
        }
        size.forEach(s -> Preconditions.positive("part '" + name + "' size", s));
        Objects.requireNonNull(position, "position");
        size.forEach(v -> Preconditions.finite("part '" + name + "' size", v));
        orientation = orientation == null ? Quat.IDENTITY : orientation;
        // normalized once: an orientation read back from a solution file is already unit length and stays bit-identical
        double n = Math.sqrt(orientation.w() * orientation.w() + orientation.x() * orientation.x()
                + orientation.y() * orientation.y() + orientation.z() * orientation.z());
        if (Math.abs(n - 1) > 1e-12) orientation = orientation.normalized();
        // -0.0 becomes 0.0, as a solution file writes and reads it back
        orientation = new Quat(orientation.w() + 0.0, orientation.x() + 0.0, orientation.y() + 0.0, orientation.z() + 0.0);
        position = new Vec3(position.x() + 0.0, position.y() + 0.0, position.z() + 0.0);
        Objects.requireNonNull(heft, "heft");
        Preconditions.nonNegative("part '" + name + "' mass", heft.mass());
        Preconditions.nonNegative("part '" + name + "' density", heft.density());
        if ((heft.mass() > 0) == (heft.density() > 0)) {
            throw new IllegalArgumentException("part '" + name + "' needs exactly one of mass and density > 0, was mass "
                    + heft.mass() + " and density " + heft.density());
        }
        weldedTo = weldedTo == null ? "" : weldedTo;
        if (!weldedTo.isEmpty()) Preconditions.name("part '" + name + "' welded-to body", weldedTo);
    }

    /** A box of half-extents {@code half}, at the origin, density 1000 kg/m³, free. */
    public static DesignedPart box(String name, Vec3 half) {
        return new DesignedPart(name, Shape.BOX, List.of(half.x(), half.y(), half.z()), Vec3.ZERO, Quat.IDENTITY, new Heft(0, DEFAULT_DENSITY));
    }

    public static DesignedPart sphere(String name, double radius) {
        return new DesignedPart(name, Shape.SPHERE, List.of(radius), Vec3.ZERO, Quat.IDENTITY, new Heft(0, DEFAULT_DENSITY));
    }

    public static DesignedPart capsule(String name, double radius, double halfLength) {
        return new DesignedPart(name, Shape.CAPSULE, List.of(radius, halfLength), Vec3.ZERO, Quat.IDENTITY, new Heft(0, DEFAULT_DENSITY));
    }

    public static DesignedPart cylinder(String name, double radius, double halfLength) {
        return new DesignedPart(name, Shape.CYLINDER, List.of(radius, halfLength), Vec3.ZERO, Quat.IDENTITY, new Heft(0, DEFAULT_DENSITY));
    }

    /** Centred at {@code p}, world frame at t = 0. */
    public DesignedPart at(Vec3 p) {
        return new DesignedPart(name, solid, p, orientation, heft, weldedTo);
    }

    /** Turned by {@code q} in the world frame. */
    public DesignedPart oriented(Quat q) {
        return new DesignedPart(name, solid, position, q, heft, weldedTo);
    }

    public DesignedPart mass(double kg) {
        return new DesignedPart(name, solid, position, orientation, new Heft(kg, 0), weldedTo);
    }

    public DesignedPart density(double kgPerCubicMetre) {
        return new DesignedPart(name, solid, position, orientation, new Heft(0, kgPerCubicMetre), weldedTo);
    }

    /** Welded to {@code body} ({@value #WORLD}: fixed in place). */
    public DesignedPart weldedTo(String body) {
        return new DesignedPart(name, solid, position, orientation, heft, body);
    }

    public Shape shape() {
        return solid.shape();
    }

    public List<Double> size() {
        return solid.size();
    }

    /** kg, or 0 when {@link #density()} gives the mass. */
    public double mass() {
        return heft.mass();
    }

    /** kg/m³, or 0 when {@link #mass()} is given. */
    public double density() {
        return heft.density();
    }

    public boolean free() {
        return weldedTo.isEmpty();
    }

    /** m³, as MuJoCo computes a primitive's volume. */
    public double volume() {
        List<Double> size = solid.size();
        double a = size.get(0);
        return switch (solid.shape()) {
            case BOX -> 8 * a * size.get(1) * size.get(2);
            case SPHERE -> 4.0 / 3 * Math.PI * a * a * a;
            case CAPSULE -> Math.PI * a * a * 2 * size.get(1) + 4.0 / 3 * Math.PI * a * a * a;
            case CYLINDER -> Math.PI * a * a * 2 * size.get(1);
        };
    }

    /** kg: the given mass, or density times volume. */
    public double totalMass() {
        return heft.mass() > 0 ? heft.mass() : heft.density() * volume();
    }
}
