package dev.scenarist.packs.mechanisms.scene;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A named point (drawn as a small shape) attached to a body: a fingertip, a target, a sensor mount. Sites never
 * collide and have no mass. Immutable.
 */
public final class Site implements Cloneable {
    private final String name;
    private final SiteType type;
    private final double[] size;
    private Vec3 pos;
    private Orientation orientation;
    private Rgba rgba;
    private Integer group;

    private Site(String name, SiteType type, double[] size) {
        this.name = Preconditions.name("site", name);
        this.type = type;
        this.size = size;
    }

    public static Site sphere(String name, double radius) {
        return new Site(name, SiteType.SPHERE, new double[] {Preconditions.positive("site '" + name + "' radius", radius)});
    }

    public static Site box(String name, double halfX, double halfY, double halfZ) {
        return new Site(name, SiteType.BOX, new double[] {
            Preconditions.positive("site '" + name + "' half-size x", halfX),
            Preconditions.positive("site '" + name + "' half-size y", halfY),
            Preconditions.positive("site '" + name + "' half-size z", halfZ)});
    }

    public static Site cylinder(String name, double radius, double halfLength) {
        return new Site(name, SiteType.CYLINDER, new double[] {
            Preconditions.positive("site '" + name + "' radius", radius),
            Preconditions.positive("site '" + name + "' half-length", halfLength)});
    }

    public Site at(double x, double y, double z) {
        return at(new Vec3(x, y, z));
    }

    public Site at(Vec3 position) {
        Objects.requireNonNull(position, "position");
        return with(s -> s.pos = position);
    }

    public Site oriented(Orientation o) {
        Objects.requireNonNull(o, "orientation");
        return with(s -> s.orientation = o);
    }

    public Site rgba(Rgba c) {
        Objects.requireNonNull(c, "rgba");
        return with(s -> s.rgba = c);
    }

    public Site group(int g) {
        if (g < 0 || g > 5) throw new IllegalArgumentException("site '" + name + "' group must be 0..5, was " + g);
        return with(s -> s.group = g);
    }

    public String name() {
        return name;
    }

    public SiteType type() {
        return type;
    }

    public double[] size() {
        return size.clone();
    }

    public Optional<Vec3> pos() {
        return Optional.ofNullable(pos);
    }

    public Optional<Orientation> orientation() {
        return Optional.ofNullable(orientation);
    }

    public Optional<Rgba> rgba() {
        return Optional.ofNullable(rgba);
    }

    public Optional<Integer> group() {
        return Optional.ofNullable(group);
    }

    @Override
    public String toString() {
        return "site '" + name + "'";
    }

    private Site with(Consumer<Site> change) {
        try {
            Site copy = (Site) clone();
            change.accept(copy);
            return copy;
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }
}
