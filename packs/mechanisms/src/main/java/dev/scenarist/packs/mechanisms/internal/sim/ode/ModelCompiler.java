package dev.scenarist.packs.mechanisms.internal.sim.ode;

import dev.scenarist.packs.mechanisms.internal.mjcf.MjcfElement;
import dev.scenarist.packs.mechanisms.internal.mjcf.MjcfFrames;
import dev.scenarist.packs.mechanisms.internal.mjcf.MjcfModel;
import dev.scenarist.packs.mechanisms.internal.mjcf.MjcfReadException;
import dev.scenarist.packs.mechanisms.internal.mjcf.MassRule;
import dev.scenarist.packs.mechanisms.internal.mjcf.MjcfValues;
import dev.scenarist.packs.mechanisms.internal.mjcf.Pose;
import dev.scenarist.packs.mechanisms.scene.Quat;
import dev.scenarist.packs.mechanisms.internal.scenefile.StlReader;
import dev.scenarist.packs.mechanisms.scene.TriangleMesh;
import dev.scenarist.packs.mechanisms.scene.Vec3;
import dev.scenarist.packs.mechanisms.internal.sim.ode.ModelSpec.Body;
import dev.scenarist.packs.mechanisms.internal.sim.ode.ModelSpec.Geom;
import dev.scenarist.packs.mechanisms.internal.sim.ode.ModelSpec.Joint;
import dev.scenarist.packs.mechanisms.internal.sim.ode.ModelSpec.JointType;
import dev.scenarist.packs.mechanisms.internal.sim.ode.ModelSpec.Shape;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Takes MuJoCo's compile-time decisions on a valid MJCF model and writes them down as a {@link ModelSpec}: the body
 * tree with world frames at qpos0 (frames composed in), joints with limits after {@code autolimits}, geoms with their
 * contact parameters, masses and inertias as MuJoCo infers them ({@code inertiafromgeom}, density 1000 by default,
 * {@code boundmass}, {@code settotalmass}), explicit contact pairs and exclusions. Equality constraints, actuators and
 * tendons are compiled by {@link ConstraintCompiler}. Whatever the ODE world will only approximate is written into
 * the spec's approximations; whatever it cannot represent at all raises {@link UnsupportedModelException}.
 *
 * <p>Why one file of ~430 lines: it is one walk over the body tree whose steps (options, bodies, joints, geoms,
 * masses) share the compiler settings and the collected bodies. Geom shapes and mesh assets are in
 * {@link Geometries}, constraints, actuators and tendons in {@link ConstraintCompiler}.
 */
final class ModelCompiler {
    /** MuJoCo's mjMINVAL. */
    static final double MINVAL = 1e-15;
    static final double[] ZERO3 = {0, 0, 0};
    private static final Set<String> IGNORED_IN_BODY = Set.of("site", "camera", "light", "plugin");
    private static final Set<String> GENERATIVE = Set.of("replicate", "attach", "composite", "flexcomp");

    private final MjcfModel model;
    private final MjcfFrames frames;
    private final Settings settings;
    private final Approximations notes = new Approximations();
    private final Geometries geometries;

    /** Bodies in MuJoCo's order, with what they own. */
    private final List<RawBody> raw = new ArrayList<>();
    private final Map<String, SiteFrame> sites = new HashMap<>();
    /** Per body id, its joints' ids. */
    private final Map<Integer, List<Integer>> jointIdsOf = new HashMap<>();

    /** {@code <compiler>} settings that change the compiled model. */
    record Settings(boolean autolimits, MassRule masses, double setTotalMass) {}

    /** A site's body and world frame at qpos0 (equality constraints may name sites). */
    record SiteFrame(int body, Pose pose) {}

    /** One body element and the elements it owns, each with its frame relative to the body (frames folded in). */
    private record RawBody(int id, MjcfElement element, int parent, Pose frame, List<Owned> owned) {}

    private record Owned(MjcfElement element, Pose local) {}

    private ModelCompiler(MjcfModel model) {
        this.model = model;
        this.frames = MjcfFrames.of(model);
        this.geometries = new Geometries(model, frames, notes);
        this.settings = new Settings(!model.compiler("autolimits", "true").equals("false"), model.massRule(),
                MjcfValues.real(model.compiler("settotalmass", "-1"), 0));
    }

    static ModelSpec compile(MjcfModel model) throws UnsupportedModelException {
        return new ModelCompiler(model).compile();
    }

    private ModelSpec compile() throws UnsupportedModelException {
        for (String kind : List.of("hfield", "flex", "skin")) {
            if (!model.all(kind).isEmpty()) {
                throw new UnsupportedModelException("the model uses <" + kind + ">, which the ODE fallback cannot "
                        + "represent; simulate it in MuJoCo");
            }
        }
        ModelSpec.Options options = options();
        MjcfElement worldbody = model.root().children("worldbody").stream().findFirst()
                .orElseThrow(() -> new UnsupportedModelException("the model has no <worldbody>"));
        collect(worldbody, -1, Pose.IDENTITY);

        List<Joint> joints = new ArrayList<>();
        List<Geom> geoms = new ArrayList<>();
        List<Body> bodies = new ArrayList<>();
        Map<String, Integer> geomIds = new HashMap<>();
        Map<String, Integer> jointIds = new HashMap<>();
        List<MassProperties> masses = new ArrayList<>();
        for (RawBody b : raw) {
            List<Integer> own = new ArrayList<>();
            MassProperties fromGeoms = MassProperties.NONE;
            for (Owned o : b.owned) {
                String kind = o.element.kind();
                if (kind.equals("joint") || kind.equals("freejoint")) {
                    Joint j = joint(joints.size(), b, o);
                    joints.add(j);
                    own.add(j.id());
                    o.element.name().ifPresent(n -> jointIds.put(n, j.id()));
                } else if (kind.equals("geom")) {
                    Geometries.Geometry g = geometries.of(o.element, o.local);
                    Geom geom = geom(geoms.size(), b, o, g);
                    geoms.add(geom);
                    o.element.name().ifPresent(n -> geomIds.put(n, geom.id()));
                    if (inInertiaGroup(o.element)) {
                        fromGeoms = fromGeoms.plus(g.mass());
                    }
                }
            }
            masses.add(bodyMass(b, fromGeoms));
            bodies.add(null); // filled below, once masses are final
            jointIdsOf.put(b.id, own);
        }
        masses = adjustMasses(masses);
        for (RawBody b : raw) {
            MjcfElement e = b.element;
            boolean mocap = b.id != 0 && "true".equals(e.own("mocap"));
            double gravcomp = b.id == 0 ? 0 : e.real("gravcomp", 0);
            bodies.set(b.id, new Body(b.id, bodyLabel(b.id), b.parent, b.frame, masses.get(b.id).transformed(b.frame),
                    mocap, gravcomp, jointIdsOf.getOrDefault(b.id, List.of())));
        }
        ConstraintCompiler constraints = new ConstraintCompiler(model, settings, notes,
                new ConstraintCompiler.Tree(bodies, joints, bodyIds(), jointIds, geomIds, sites));
        return new ModelSpec(options, bodies, joints, geoms, constraints.pairs(), constraints.excludedBodyPairs(),
                constraints.equalities(options), constraints.actuators(options), notes.list());
    }

    private Map<String, Integer> bodyIds() {
        Map<String, Integer> ids = new HashMap<>();
        ids.put("world", 0);
        for (RawBody b : raw) {
            b.element.name().ifPresent(n -> ids.put(n, b.id));
        }
        return ids;
    }

    String bodyLabel(int id) {
        return id == 0 ? "world" : raw.get(id).element.name().orElse("body#" + id);
    }

    // ------------------------------------------------------------------ options

    private ModelSpec.Options options() {
        double timestep = 0.002;
        Vec3 gravity = new Vec3(0, 0, -9.81);
        Vec3 wind = Vec3.ZERO;
        double density = 0;
        double viscosity = 0;
        String integrator = "Euler";
        Map<String, String> flags = new HashMap<>();
        for (MjcfElement o : model.all("option")) {
            timestep = MjcfValues.real(o.own("timestep"), timestep);
            gravity = vec(o.own("gravity"), gravity);
            wind = vec(o.own("wind"), wind);
            density = MjcfValues.real(o.own("density"), density);
            viscosity = MjcfValues.real(o.own("viscosity"), viscosity);
            if (o.own("integrator") != null) {
                integrator = o.own("integrator");
            }
            for (MjcfElement f : o.children("flag")) {
                for (String a : List.of("constraint", "equality", "frictionloss", "limit", "contact", "spring",
                        "damper", "gravity", "actuation", "filterparent", "passive", "override")) {
                    if (f.own(a) != null) {
                        flags.put(a, f.own(a));
                    }
                }
            }
        }
        if (!integrator.equals("Euler")) {
            notes.add("integrator " + integrator + ": ODE integrates semi-implicit Euler (joint damping implicit, as "
                    + "in MuJoCo's Euler)");
        }
        if ("enable".equals(flags.get("override"))) {
            notes.add("the contact override flag (o_margin, o_solref, o_solimp) is not applied");
        }
        boolean constraint = !"disable".equals(flags.get("constraint"));
        boolean passive = !"disable".equals(flags.get("passive"));
        if (!(timestep > 0)) {
            timestep = 0.002;
        }
        return new ModelSpec.Options(timestep, "disable".equals(flags.get("gravity")) ? Vec3.ZERO : gravity, density,
                viscosity, wind, constraint && !"disable".equals(flags.get("contact")),
                constraint && !"disable".equals(flags.get("limit")),
                constraint && !"disable".equals(flags.get("equality")),
                constraint && !"disable".equals(flags.get("frictionloss")),
                passive && !"disable".equals(flags.get("spring")), passive && !"disable".equals(flags.get("damper")),
                !"disable".equals(flags.get("actuation")), !"disable".equals(flags.get("filterparent")));
    }

    // ------------------------------------------------------------------ body tree

    /** Numbers bodies depth-first (MuJoCo's order) and gathers what each owns, looking through frames. */
    private void collect(MjcfElement body, int parent, Pose frame) throws UnsupportedModelException {
        int id = raw.size();
        RawBody b = new RawBody(id, body, parent, frame, new ArrayList<>());
        raw.add(b);
        List<Owned> childBodies = new ArrayList<>();
        gather(b, body, Pose.IDENTITY, childBodies);
        for (Owned c : childBodies) {
            collect(c.element, id, frame.compose(c.local).compose(pose(c.element)));
        }
    }

    private void gather(RawBody b, MjcfElement container, Pose local, List<Owned> childBodies)
            throws UnsupportedModelException {
        for (MjcfElement c : container.children()) {
            String kind = c.kind();
            if (GENERATIVE.contains(kind)) {
                throw new UnsupportedModelException("<" + c.tag() + "> at " + c.location() + " generates model "
                        + "elements the ODE fallback does not expand; simulate the model in MuJoCo");
            }
            switch (kind) {
                case "body" -> childBodies.add(new Owned(c, local));
                case "frame" -> gather(b, c, local.compose(pose(c)), childBodies);
                case "geom", "joint", "freejoint", "inertial" -> b.owned.add(new Owned(c, local));
                case "site" -> c.name().ifPresent(n -> sites.put(n,
                        new SiteFrame(b.id, b.frame.compose(local).compose(pose(c)))));
                default -> {
                    if (!IGNORED_IN_BODY.contains(kind)) {
                        notes.add("<" + c.tag() + "> inside a body is ignored");
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------ joints

    private Joint joint(int id, RawBody b, Owned o) {
        MjcfElement e = o.element;
        JointType type = e.kind().equals("freejoint") ? JointType.FREE
                : JointType.valueOf(e.attr("type", "hinge").toUpperCase(Locale.ROOT));
        Pose local = o.local;
        double[] p = e.reals("pos");
        Vec3 pos = p != null && p.length == 3 ? new Vec3(p[0], p[1], p[2]) : Vec3.ZERO;
        double[] a = e.reals("axis");
        Vec3 axis = a != null && a.length == 3 && (a[0] != 0 || a[1] != 0 || a[2] != 0)
                ? new Vec3(a[0], a[1], a[2]).normalized() : Vec3.Z;
        Pose jointFrame = b.frame.compose(local);
        Vec3 anchor = jointFrame.apply(pos);
        Vec3 worldAxis = jointFrame.rotation().rotate(axis);
        boolean angular = type == JointType.HINGE || type == JointType.BALL;
        double unit = angular && frames.degrees() ? Math.PI / 180 : 1;
        double[] range = e.reals("range");
        boolean hasRange = range != null && range.length == 2;
        String limitedAttr = e.attr("limited", "auto");
        boolean limited = type != JointType.FREE && (limitedAttr.equals("true")
                || (limitedAttr.equals("auto") && settings.autolimits() && hasRange));
        double lower = hasRange ? range[0] * unit : 0;
        double upper = hasRange ? range[1] * unit : 0;
        double ref = type == JointType.HINGE || type == JointType.SLIDE
                ? e.real("ref", 0) * (type == JointType.HINGE ? unit : 1) : 0;
        double springref = type == JointType.HINGE || type == JointType.SLIDE
                ? e.real("springref", 0) * (type == JointType.HINGE ? unit : 1) : 0;
        String label = e.name().orElse("joint#" + id);
        if (e.has("margin") && e.real("margin", 0) != 0) {
            notes.add("joint limit margins are not modelled (joint '" + label + "')");
        }
        return new Joint(id, label, b.id, type, anchor, worldAxis, ref, springref,
                e.real("stiffness", 0), e.real("damping", 0), e.real("armature", 0), e.real("frictionloss", 0),
                limited, lower, upper, new Soft(e.reals("solreflimit"), e.reals("solimplimit")),
                new Soft(e.reals("solreffriction"), e.reals("solimpfriction")));
    }

    // ------------------------------------------------------------------ geoms

    private Geom geom(int id, RawBody b, Owned o, Geometries.Geometry g) {
        MjcfElement e = o.element;
        String label = e.name().orElse(bodyLabel(b.id) + "/geom#" + id);
        double[] friction = e.reals("friction", new double[] {1, 0.005, 0.0001});
        int condim = (int) e.real("condim", 3);
        if (condim > 3) {
            notes.add("torsional and rolling friction (condim " + condim + ") are not modelled: ODE applies "
                    + "sliding friction only");
        }
        double margin = e.real("margin", 0);
        if (margin != 0 || e.real("gap", 0) != 0) {
            notes.add("contact margin/gap is not modelled: contacts start at touching distance");
        }
        if (e.has("fluidshape") && !"none".equals(e.attr("fluidshape"))) {
            notes.add("the ellipsoid fluid model of geom '" + label + "' is replaced by the inertia-box model");
        }
        return new Geom(id, label, b.id, g.shape(), b.frame.compose(g.local()), (int) e.real("contype", 1),
                (int) e.real("conaffinity", 1), condim, friction.length > 0 ? friction[0] : 1,
                new Soft(e.reals("solref"), e.reals("solimp")), e.real("solmix", 1), (int) e.real("priority", 0),
                margin);
    }

    private boolean inInertiaGroup(MjcfElement g) {
        return settings.masses().inGroupRange(g.real("group", 0));
    }

    /**
     * The element's frame in its parent. The model is validated, so its numbers read; should one not, the run is
     * answered unavailable (the simulator's catch of runtime exceptions) rather than simulated wrongly.
     */
    private Pose pose(MjcfElement e) {
        return pose(frames, e);
    }

    /** {@link #pose(MjcfElement)} with the given frames. */
    static Pose pose(MjcfFrames frames, MjcfElement e) {
        try {
            return frames.pose(e);
        } catch (MjcfReadException x) {
            throw new UncheckedIOException(x);
        }
    }

    // ------------------------------------------------------------------ masses

    /** The body's own mass properties in its frame: {@code <inertial>} or its geoms, per inertiafromgeom. */
    private MassProperties bodyMass(RawBody b, MassProperties fromGeoms) {
        if (b.id == 0) {
            return MassProperties.NONE;
        }
        Owned inertial = b.owned.stream().filter(o -> o.element.kind().equals("inertial")).findFirst().orElse(null);
        MassRule rule = settings.masses();
        if (inertial != null && rule.inertialCounts()) {
            MjcfElement e = inertial.element;
            double mass = Math.max(0, e.real("mass", 0));
            Pose frame = inertial.local.compose(pose(e));
            double[] diag = e.reals("diaginertia");
            double[] full = e.reals("fullinertia");
            if (full != null && full.length == 6) { // the full tensor is written in the body frame itself
                return new MassProperties(mass, pose(e).position(), new double[] {
                    full[0], full[3], full[4], full[3], full[1], full[5], full[4], full[5], full[2]})
                        .transformed(inertial.local);
            }
            double[] d = diag != null && diag.length == 3 ? diag : ZERO3;
            return MassProperties.diagonal(mass, Vec3.ZERO, d[0], d[1], d[2]).transformed(frame);
        }
        return rule.geomsCount(inertial != null) ? fromGeoms : MassProperties.NONE;
    }

    /** boundmass, boundinertia and settotalmass, applied as MuJoCo's compiler applies them. */
    private List<MassProperties> adjustMasses(List<MassProperties> masses) {
        List<MassProperties> out = new ArrayList<>(masses);
        for (int i = 1; i < out.size(); i++) {
            MassProperties m = out.get(i);
            MassRule rule = settings.masses();
            if (rule.boundMass() > 0 && m.mass() < rule.boundMass()) {
                m = m.withMass(rule.boundMass());
            }
            if (rule.boundInertia() > 0) {
                MassProperties.Principal p = m.principal();
                double[] extra = new double[9];
                double[] r = p.axes().matrix();
                for (int k = 0; k < 3; k++) {
                    double add = Math.max(0, rule.boundInertia() - p.moments()[k]);
                    for (int row = 0; row < 3; row++) {
                        for (int col = 0; col < 3; col++) {
                            extra[3 * row + col] += add * r[3 * row + k] * r[3 * col + k];
                        }
                    }
                }
                m = m.plusInertia(extra);
            }
            out.set(i, m);
        }
        if (settings.setTotalMass() > 0) {
            double total = out.stream().mapToDouble(MassProperties::mass).sum();
            if (total > MINVAL) {
                double k = settings.setTotalMass() / total;
                out.replaceAll(m -> m.scaled(k));
            }
        }
        if ("true".equals(model.compiler("balanceinertia", "false"))) {
            notes.add("balanceinertia is not applied");
        }
        return out;
    }

    // ------------------------------------------------------------------ value parsing

    private static Vec3 vec(String v, Vec3 fallback) {
        double[] d = MjcfValues.reals(v);
        return d != null && d.length == 3 ? new Vec3(d[0], d[1], d[2]) : fallback;
    }

    static double cube(double x) {
        return x * x * x;
    }

    /** Approximation notes, each sentence once, in the order first met. */
    static final class Approximations {
        private final Set<String> notes = new LinkedHashSet<>();

        void add(String note) {
            notes.add(note);
        }

        List<String> list() {
            return List.copyOf(notes);
        }
    }

}
