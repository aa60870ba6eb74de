package dev.scenarist.packs.mechanisms.scene;

import dev.scenarist.packs.mechanisms.scene.NameRegistry.Kind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A rigid body in the scene tree. Bodies are created by their parent ({@link Scene#body}, {@link #body}) so every
 * name is checked against the whole scene the moment it is added. Methods return this body, for chaining:
 *
 * <pre>{@code
 * Body door = scene.body("door").at(0, 0, 1)
 *         .joint(Joint.hinge("door_hinge").axis(0, 0, 1).range(0, 1.5).damping(0.5))
 *         .geom(Geom.box("door_panel", 0.4, 0.02, 1).density(600));
 * }</pre>
 */
public final class Body {
    private final Scene scene;
    private final Body parent;
    private final String name;
    private Vec3 pos;
    private Orientation orientation;
    private Inertial inertial;
    private final List<Joint> joints = new ArrayList<>();
    private final List<Geom> geoms = new ArrayList<>();
    private final List<Site> sites = new ArrayList<>();
    private final List<Body> children = new ArrayList<>();

    Body(Scene scene, Body parent, String name) {
        this.scene = scene;
        this.parent = parent;
        this.name = name;
    }

    /** Adds a child body, attached to this one (it moves with it). */
    public Body body(String childName) {
        Preconditions.name("body", childName);
        scene.names().claim(Kind.BODY, childName, "a body inside " + describe());
        Body child = new Body(scene, this, childName);
        children.add(child);
        return child;
    }

    /** Position relative to the parent body. */
    public Body at(double x, double y, double z) {
        return at(new Vec3(x, y, z));
    }

    public Body at(Vec3 position) {
        refuseOnWorld("a position");
        pos = Objects.requireNonNull(position, "position");
        return this;
    }

    public Body oriented(Orientation o) {
        refuseOnWorld("an orientation");
        orientation = Objects.requireNonNull(o, "orientation");
        return this;
    }

    public Body inertial(Inertial i) {
        refuseOnWorld("inertial properties");
        inertial = Objects.requireNonNull(i, "inertial");
        return this;
    }

    public Body joint(Joint j) {
        Objects.requireNonNull(j, "joint");
        refuseOnWorld("joints (the world never moves)");
        if (j.type() == JointType.FREE && !parent.isWorld()) {
            throw new IllegalArgumentException(j + " must be on a body directly in the world body, but " + describe()
                    + " is inside body '" + parent.name + "': MuJoCo allows free joints only on top-level bodies");
        }
        Body planeHolder = firstBodyWithPlane(this);
        if (planeHolder != null) {
            throw new IllegalArgumentException(j + " would make " + describe() + " move, but " + planeHolder.describe()
                    + " holds a plane, and MuJoCo allows planes only in static bodies: put the plane in the world body");
        }
        scene.names().claim(Kind.JOINT, j.name(), "a joint of " + describe());
        joints.add(j);
        return this;
    }

    public Body geom(Geom g) {
        Objects.requireNonNull(g, "geom");
        if (g.type() == GeomType.PLANE && !isStatic()) {
            throw new IllegalArgumentException(g + " cannot go in " + describe() + ", which moves (it or a parent has"
                    + " a joint): MuJoCo allows planes only in static bodies; put it in the world body");
        }
        scene.names().requireFree(Kind.GEOM, g.name());
        g.material().ifPresent(scene::requireCompatible);
        g.mesh().ifPresent(scene::requireCompatible);
        // All checks passed: now record, so a refused geom leaves no trace.
        scene.names().claim(Kind.GEOM, g.name(), "a geom of " + describe());
        g.material().ifPresent(scene::material);
        g.mesh().ifPresent(scene::mesh);
        geoms.add(g);
        return this;
    }

    public Body site(Site s) {
        Objects.requireNonNull(s, "site");
        scene.names().claim(Kind.SITE, s.name(), "a site of " + describe());
        sites.add(s);
        return this;
    }

    public String name() {
        return name;
    }

    public boolean isWorld() {
        return parent == null;
    }

    /** Empty for the world body. */
    public Optional<Body> parent() {
        return Optional.ofNullable(parent);
    }

    public Optional<Vec3> pos() {
        return Optional.ofNullable(pos);
    }

    public Optional<Orientation> orientation() {
        return Optional.ofNullable(orientation);
    }

    public Optional<Inertial> inertial() {
        return Optional.ofNullable(inertial);
    }

    public List<Joint> joints() {
        return Collections.unmodifiableList(joints);
    }

    public List<Geom> geoms() {
        return Collections.unmodifiableList(geoms);
    }

    public List<Site> sites() {
        return Collections.unmodifiableList(sites);
    }

    public List<Body> children() {
        return Collections.unmodifiableList(children);
    }

    /** True when neither this body nor any parent has a joint: it is welded to the world and never moves. */
    public boolean isStatic() {
        for (Body b = this; b != null; b = b.parent) {
            if (!b.joints.isEmpty()) return false;
        }
        return true;
    }

    @Override
    public String toString() {
        return describe();
    }

    private String describe() {
        return isWorld() ? "the world body" : "body '" + name + "'";
    }

    private static Body firstBodyWithPlane(Body b) {
        if (b.geoms.stream().anyMatch(g -> g.type() == GeomType.PLANE)) return b;
        for (Body child : b.children) {
            Body found = firstBodyWithPlane(child);
            if (found != null) return found;
        }
        return null;
    }

    private void refuseOnWorld(String what) {
        if (isWorld()) throw new IllegalArgumentException("the world body cannot have " + what);
    }
}
