package dev.scenarist.packs.mechanisms.scene;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A collision and visual shape. Immutable: every setter returns a changed copy, so one geom can serve as a
 * prototype for many ({@code crate.named("crate_2").at(1, 0, 0.1)}).
 *
 * <p>Sizes follow MJCF: boxes and ellipsoids take half-sizes, capsules and cylinders a radius and a half-length
 * along their local z axis (or a radius and two end points), planes their half-extents.
 */
public final class Geom implements Cloneable {
    /** The grid spacing MuJoCo draws on planes; only affects rendering. */
    private static final double PLANE_GRID = 0.1;

    private String name;
    private final GeomType type;
    private double[] size;
    private double[] fromTo;
    private Mesh mesh;
    private Vec3 pos;
    private Orientation orientation;
    private Material material;
    private Rgba rgba;
    private Friction friction;
    private Double density;
    private Double mass;
    private Integer contype;
    private Integer conaffinity;
    private Integer group;

    private Geom(String name, GeomType type, double[] size) {
        this.name = Preconditions.name("geom", name);
        this.type = type;
        this.size = size;
    }

    /** A static ground plane; {@code halfX} and {@code halfY} of 0 mean infinite. Only valid in static bodies. */
    public static Geom plane(String name, double halfX, double halfY) {
        Preconditions.nonNegative("plane '" + name + "' half-size x", halfX);
        Preconditions.nonNegative("plane '" + name + "' half-size y", halfY);
        return new Geom(name, GeomType.PLANE, new double[] {halfX, halfY, PLANE_GRID});
    }

    public static Geom box(String name, double halfX, double halfY, double halfZ) {
        return new Geom(name, GeomType.BOX, new double[] {
            Preconditions.positive("box '" + name + "' half-size x", halfX),
            Preconditions.positive("box '" + name + "' half-size y", halfY),
            Preconditions.positive("box '" + name + "' half-size z", halfZ)});
    }

    public static Geom box(String name, Vec3 halfSizes) {
        return box(name, halfSizes.x(), halfSizes.y(), halfSizes.z());
    }

    public static Geom sphere(String name, double radius) {
        return new Geom(name, GeomType.SPHERE, new double[] {Preconditions.positive("sphere '" + name + "' radius", radius)});
    }

    /** A capsule along local z: cylinder of {@code halfLength} either side of the centre plus hemispherical caps. */
    public static Geom capsule(String name, double radius, double halfLength) {
        return new Geom(name, GeomType.CAPSULE, new double[] {
            Preconditions.positive("capsule '" + name + "' radius", radius),
            Preconditions.positive("capsule '" + name + "' half-length", halfLength)});
    }

    /** A capsule whose axis runs from {@code from} to {@code to} in the body frame (MJCF {@code fromto}). */
    public static Geom capsule(String name, double radius, Vec3 from, Vec3 to) {
        return segment(name, GeomType.CAPSULE, radius, from, to);
    }

    public static Geom cylinder(String name, double radius, double halfLength) {
        return new Geom(name, GeomType.CYLINDER, new double[] {
            Preconditions.positive("cylinder '" + name + "' radius", radius),
            Preconditions.positive("cylinder '" + name + "' half-length", halfLength)});
    }

    public static Geom cylinder(String name, double radius, Vec3 from, Vec3 to) {
        return segment(name, GeomType.CYLINDER, radius, from, to);
    }

    public static Geom ellipsoid(String name, double radiusX, double radiusY, double radiusZ) {
        return new Geom(name, GeomType.ELLIPSOID, new double[] {
            Preconditions.positive("ellipsoid '" + name + "' radius x", radiusX),
            Preconditions.positive("ellipsoid '" + name + "' radius y", radiusY),
            Preconditions.positive("ellipsoid '" + name + "' radius z", radiusZ)});
    }

    /** A geom drawn and collided as {@code mesh}; build the mesh with {@link Meshes} so it is watertight. */
    public static Geom mesh(String name, Mesh mesh) {
        Geom g = new Geom(name, GeomType.MESH, new double[0]);
        g.mesh = Objects.requireNonNull(mesh, "mesh");
        return g;
    }

    private static Geom segment(String name, GeomType type, double radius, Vec3 from, Vec3 to) {
        String what = type.keyword() + " '" + name + "'";
        if (from.minus(to).isZero()) throw new IllegalArgumentException(what + " fromto end points must differ");
        Geom g = new Geom(name, type, new double[] {Preconditions.positive(what + " radius", radius)});
        g.fromTo = new double[] {from.x(), from.y(), from.z(), to.x(), to.y(), to.z()};
        return g;
    }

    // ---- changed copies ----

    public Geom named(String newName) {
        Preconditions.name("geom", newName);
        return with(g -> g.name = newName);
    }

    public Geom at(double x, double y, double z) {
        return at(new Vec3(x, y, z));
    }

    public Geom at(Vec3 position) {
        Objects.requireNonNull(position, "position");
        return with(g -> g.pos = position);
    }

    public Geom oriented(Orientation o) {
        Objects.requireNonNull(o, "orientation");
        return with(g -> g.orientation = o);
    }

    public Geom material(Material m) {
        Objects.requireNonNull(m, "material");
        return with(g -> g.material = m);
    }

    public Geom rgba(double r, double g, double b, double a) {
        return rgba(new Rgba(r, g, b, a));
    }

    public Geom rgba(Rgba c) {
        Objects.requireNonNull(c, "rgba");
        return with(g -> g.rgba = c);
    }

    public Geom friction(Friction f) {
        Objects.requireNonNull(f, "friction");
        return with(g -> g.friction = f);
    }

    public Geom friction(double sliding) {
        return friction(Friction.sliding(sliding));
    }

    /** Mass per volume in kg/m³; replaces any {@link #mass}. */
    public Geom density(double kgPerCubicMetre) {
        Preconditions.positive("geom '" + name + "' density", kgPerCubicMetre);
        return with(g -> {
            g.density = kgPerCubicMetre;
            g.mass = null;
        });
    }

    /** Total mass in kg; replaces any {@link #density}. */
    public Geom mass(double kg) {
        Preconditions.positive("geom '" + name + "' mass", kg);
        return with(g -> {
            g.mass = kg;
            g.density = null;
        });
    }

    /** Collision bit masks: two geoms collide when one's contype shares a bit with the other's conaffinity. */
    public Geom contacts(int contype, int conaffinity) {
        if (contype < 0 || conaffinity < 0) {
            throw new IllegalArgumentException("geom '" + name + "' contype and conaffinity must be >= 0");
        }
        return with(g -> {
            g.contype = contype;
            g.conaffinity = conaffinity;
        });
    }

    /** A visual-only geom: never collides (contype = conaffinity = 0). */
    public Geom noContacts() {
        return contacts(0, 0);
    }

    /** Visibility group 0-5, for viewers that toggle groups. */
    public Geom group(int g) {
        if (g < 0 || g > 5) throw new IllegalArgumentException("geom '" + name + "' group must be 0..5, was " + g);
        return with(x -> x.group = g);
    }

    // ---- reading ----

    public String name() {
        return name;
    }

    public GeomType type() {
        return type;
    }

    /** The MJCF {@code size} numbers (empty for meshes). */
    public double[] size() {
        return size.clone();
    }

    public Optional<double[]> fromTo() {
        return Optional.ofNullable(fromTo).map(double[]::clone);
    }

    public Optional<Mesh> mesh() {
        return Optional.ofNullable(mesh);
    }

    public Optional<Vec3> pos() {
        return Optional.ofNullable(pos);
    }

    public Optional<Orientation> orientation() {
        return Optional.ofNullable(orientation);
    }

    public Optional<Material> material() {
        return Optional.ofNullable(material);
    }

    public Optional<Rgba> rgba() {
        return Optional.ofNullable(rgba);
    }

    public Optional<Friction> friction() {
        return Optional.ofNullable(friction);
    }

    public Optional<Double> density() {
        return Optional.ofNullable(density);
    }

    public Optional<Double> mass() {
        return Optional.ofNullable(mass);
    }

    public Optional<Integer> contype() {
        return Optional.ofNullable(contype);
    }

    public Optional<Integer> conaffinity() {
        return Optional.ofNullable(conaffinity);
    }

    public Optional<Integer> group() {
        return Optional.ofNullable(group);
    }

    /** False only for geoms that were explicitly taken out of collision. */
    public boolean collides() {
        return !(Integer.valueOf(0).equals(contype) && Integer.valueOf(0).equals(conaffinity));
    }

    @Override
    public String toString() {
        return type.keyword() + " geom '" + name + "'";
    }

    private Geom with(Consumer<Geom> change) {
        try {
            Geom copy = (Geom) clone();
            change.accept(copy);
            return copy;
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }
}
