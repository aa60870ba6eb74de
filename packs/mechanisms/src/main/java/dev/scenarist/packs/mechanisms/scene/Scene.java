package dev.scenarist.packs.mechanisms.scene;

import dev.scenarist.packs.mechanisms.scene.NameRegistry.Kind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A MuJoCo model under construction: simulation options, assets, the body tree and actuators. A template returns it
 * from {@link Template#build}; the pack writes it as MJCF plus binary STL.
 *
 * <pre>{@code
 * Scene scene = Scene.named("ramp").timestep(0.002);
 * scene.geom(Geom.plane("floor", 3, 3));
 * scene.body("agent_ball").at(0, 0, 0.5)
 *         .joint(Joint.free("agent_ball_free"))
 *         .geom(Geom.sphere("agent_ball_geom", 0.05).density(1000));
 * scene.zone(Zone.GOAL, Vec3.of(1, 0, 0.01), Vec3.of(0.2, 0.2, 0.01));
 * }</pre>
 *
 * <p>Every name is unique within its kind (bodies, geoms, joints, sites, meshes, materials, actuators); adding a
 * duplicate throws at once, naming it. Materials and meshes are registered on first use by a geom; registering a
 * different asset under a used name is refused.
 */
public final class Scene {
    public static final double DEFAULT_TIMESTEP = 0.002;
    public static final Vec3 EARTH_GRAVITY = new Vec3(0, 0, -9.81);

    private final String name;
    private final NameRegistry names = new NameRegistry();
    private final Body world;
    private double timestep = DEFAULT_TIMESTEP;
    private Vec3 gravity = EARTH_GRAVITY;
    private Integrator integrator;
    private CompilerSettings compiler = CompilerSettings.DEFAULT;
    private final List<Material> materials = new ArrayList<>();
    private final List<Mesh> meshes = new ArrayList<>();
    private final List<Actuator> actuators = new ArrayList<>();

    private Scene(String name) {
        this.name = Preconditions.name("model", name);
        this.world = new Body(this, null, "world");
        // MuJoCo names body 0 "world"; a second body with that name would be ambiguous.
        names.claim(Kind.BODY, "world", "the world body");
    }

    public static Scene named(String modelName) {
        return new Scene(modelName);
    }

    // ---- options ----

    public Scene timestep(double seconds) {
        Preconditions.positive("timestep", seconds);
        timestep = seconds;
        return this;
    }

    public Scene gravity(double x, double y, double z) {
        gravity = new Vec3(x, y, z);
        return this;
    }

    public Scene integrator(Integrator i) {
        integrator = Objects.requireNonNull(i, "integrator");
        return this;
    }

    public Scene compiler(CompilerSettings settings) {
        compiler = Objects.requireNonNull(settings, "compiler settings");
        return this;
    }

    // ---- content ----

    /** The static world body: the ground, walls, fixed obstacles, zones. */
    public Body world() {
        return world;
    }

    /** Adds a top-level body (the only kind that may have a free joint). */
    public Body body(String bodyName) {
        return world.body(bodyName);
    }

    /** Adds a static geom to the world body. */
    public Scene geom(Geom g) {
        world.geom(g);
        return this;
    }

    /** Adds a site to the world body. */
    public Scene site(Site s) {
        world.site(s);
        return this;
    }

    /** Registers a material (geoms that use one register it themselves); returns it for use in geoms. */
    public Material material(Material m) {
        requireCompatible(m);
        if (!materials.contains(m)) {
            names.claim(Kind.MATERIAL, m.name(), "a material");
            materials.add(m);
        }
        return m;
    }

    /** Registers a mesh asset (mesh geoms register theirs themselves); returns it for use in geoms. */
    public Mesh mesh(Mesh m) {
        requireCompatible(m);
        if (!meshes.contains(m)) {
            names.claim(Kind.MESH, m.name(), "a mesh");
            meshes.add(m);
        }
        return m;
    }

    /** Adds an actuator; its joint must already be in the scene. */
    public Scene actuator(Actuator a) {
        Objects.requireNonNull(a, "actuator");
        if (!names.contains(Kind.JOINT, a.joint())) {
            throw new IllegalArgumentException(a + " drives joint '" + a.joint() + "', which is not in the scene:"
                    + " add the joint to a body before its actuator");
        }
        names.claim(Kind.ACTUATOR, a.name(), "an actuator");
        actuators.add(a);
        return this;
    }

    /** A zone marker named after the zone alone ({@code zone_goal}): an axis-aligned box, centre and half-sizes. */
    public Geom zone(Zone zone, Vec3 center, Vec3 halfSizes) {
        return addZone(zone, zone.baseName(), center, halfSizes);
    }

    /** A further zone of the same kind, named {@code zone_<kind>_<suffix>}. */
    public Geom zone(Zone zone, String suffix, Vec3 center, Vec3 halfSizes) {
        return addZone(zone, zone.baseName() + "_" + suffix, center, halfSizes);
    }

    private Geom addZone(Zone zone, String geomName, Vec3 center, Vec3 halfSizes) {
        Geom marker = Geom.box(geomName, halfSizes).at(center).rgba(zone.rgba()).noContacts();
        world.geom(marker);
        return marker;
    }

    // ---- reading ----

    public String name() {
        return name;
    }

    public double timestep() {
        return timestep;
    }

    public Vec3 gravity() {
        return gravity;
    }

    public Optional<Integrator> integrator() {
        return Optional.ofNullable(integrator);
    }

    public CompilerSettings compiler() {
        return compiler;
    }

    public List<Material> materials() {
        return Collections.unmodifiableList(materials);
    }

    public List<Mesh> meshes() {
        return Collections.unmodifiableList(meshes);
    }

    public List<Actuator> actuators() {
        return Collections.unmodifiableList(actuators);
    }

    /** Every body except the world body, parents before children, in the order they were added. */
    public List<Body> bodies() {
        List<Body> out = new ArrayList<>();
        collect(world, out);
        return out;
    }

    private static void collect(Body b, List<Body> out) {
        for (Body child : b.children()) {
            out.add(child);
            collect(child, out);
        }
    }

    NameRegistry names() {
        return names;
    }

    /** Refuses a material whose name is taken by a different material. */
    void requireCompatible(Material m) {
        Objects.requireNonNull(m, "material");
        if (names.contains(Kind.MATERIAL, m.name()) && !materials.contains(m)) {
            throw new IllegalArgumentException("duplicate material name '" + m.name()
                    + "': a different material already has it");
        }
    }

    /** Refuses a mesh whose name is taken by a different mesh (its STL file would be overwritten). */
    void requireCompatible(Mesh m) {
        Objects.requireNonNull(m, "mesh");
        if (names.contains(Kind.MESH, m.name()) && !meshes.contains(m)) {
            throw new IllegalArgumentException("duplicate mesh name '" + m.name()
                    + "': a different mesh already has it");
        }
    }
}
