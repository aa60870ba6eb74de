package dev.scenarist.packs.mechanisms.internal.sim.ode;

import dev.scenarist.packs.mechanisms.internal.mjcf.MjcfElement;
import dev.scenarist.packs.mechanisms.internal.mjcf.MjcfModel;
import dev.scenarist.packs.mechanisms.internal.mjcf.Pose;
import dev.scenarist.packs.mechanisms.scene.Quat;
import dev.scenarist.packs.mechanisms.scene.Vec3;
import dev.scenarist.packs.mechanisms.internal.sim.ode.ModelSpec.Body;
import dev.scenarist.packs.mechanisms.internal.sim.ode.ModelSpec.Joint;
import dev.scenarist.packs.mechanisms.internal.sim.ode.ModelSpec.JointType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The parts of an MJCF model that act between bodies rather than inside one: explicit contact pairs and
 * exclusions, equality constraints, actuators and tendons.
 *
 * <p>The run holds every control at zero (clamped into {@code ctrlrange}), as the MuJoCo sidecar does. So an
 * actuator matters only through the force it exerts at that control — a position servo's spring towards zero, a
 * velocity servo's damping, a cylinder's bias — and an actuator whose force is then identically zero (a motor, a
 * damper) is represented exactly by leaving it out. Forces that depend on activation dynamics, muscles, or
 * transmissions other than a hinge or slide joint are noted as approximations and left out. Tendons change the
 * dynamics only through stiffness, damping, friction loss and limits; tendons with any of those are noted and left
 * out, others are exact by omission.
 */
final class ConstraintCompiler {
    private final MjcfModel model;
    private final ModelCompiler.Settings settings;
    private final ModelCompiler.Approximations notes;
    private final List<Body> bodies;
    private final List<Joint> joints;
    private final Map<String, Integer> geomIds;
    private final Map<String, Integer> jointIds;
    private final Map<String, ModelCompiler.SiteFrame> sites;
    private final Map<String, Integer> bodyIds;

    /**
     * The compiled body tree that constraints refer to: bodies and joints by id, and the ids of named bodies, joints,
     * geoms and the world frames of named sites.
     */
    record Tree(List<Body> bodies, List<Joint> joints, Map<String, Integer> bodyIds, Map<String, Integer> jointIds,
                Map<String, Integer> geomIds, Map<String, ModelCompiler.SiteFrame> sites) {}

    ConstraintCompiler(MjcfModel model, ModelCompiler.Settings settings, ModelCompiler.Approximations notes, Tree tree) {
        this.model = model;
        this.settings = settings;
        this.notes = notes;
        this.bodies = tree.bodies();
        this.joints = tree.joints();
        this.geomIds = tree.geomIds();
        this.jointIds = tree.jointIds();
        this.sites = tree.sites();
        this.bodyIds = tree.bodyIds();
    }

    // ------------------------------------------------------------------ contacts

    List<ModelSpec.Pair> pairs() {
        List<ModelSpec.Pair> out = new ArrayList<>();
        for (MjcfElement p : model.all("pair")) {
            Integer g1 = geomIds.get(p.attr("geom1", ""));
            Integer g2 = geomIds.get(p.attr("geom2", ""));
            if (g1 == null || g2 == null) {
                continue; // the validator reports unknown names
            }
            int condim = (int) p.real("condim", 3);
            if (condim > 3) {
                notes.add("torsional and rolling friction (condim " + condim + ") are not modelled: ODE applies "
                        + "sliding friction only");
            }
            double[] friction = p.reals("friction", new double[] {1, 1, 0.005, 0.0001, 0.0001});
            out.add(new ModelSpec.Pair(g1, g2, condim, friction[0], new Soft(p.reals("solref"), p.reals("solimp")),
                    p.real("margin", 0)));
        }
        return out;
    }

    Set<Long> excludedBodyPairs() {
        Set<Long> out = new HashSet<>();
        for (MjcfElement x : model.all("exclude")) {
            Integer b1 = bodyIds.get(x.attr("body1", ""));
            Integer b2 = bodyIds.get(x.attr("body2", ""));
            if (b1 != null && b2 != null) {
                out.add(ModelSpec.bodyPair(b1, b2));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ equality constraints

    List<ModelSpec.Equality> equalities(ModelSpec.Options options) {
        List<ModelSpec.Equality> out = new ArrayList<>();
        int index = 0;
        for (MjcfElement eq : model.all("connect")) {
            index++;
            if (active(eq) && options.equality()) {
                connect(eq, "connect#" + index).ifPresent(out::add);
            }
        }
        for (MjcfElement eq : model.all("weld")) {
            index++;
            if (active(eq) && options.equality()) {
                weld(eq, "weld#" + index).ifPresent(out::add);
            }
        }
        for (String kind : List.of("equality_joint", "equality_tendon", "equality_flex", "flexvert", "flexstrain")) {
            for (MjcfElement eq : model.all(kind)) {
                if (active(eq) && options.equality()) {
                    notes.add("<" + eq.tag() + "> equality constraints (coupled coordinates) are not modelled");
                }
            }
        }
        return out;
    }

    private static boolean active(MjcfElement eq) {
        return !"false".equals(eq.attr("active", "true"));
    }

    private Optional<ModelSpec.Equality> connect(MjcfElement eq, String fallback) {
        String label = eq.name().orElse(fallback);
        Soft soft = new Soft(eq.reals("solref"), eq.reals("solimp"));
        if (eq.has("site1")) {
            ModelCompiler.SiteFrame s1 = sites.get(eq.attr("site1"));
            ModelCompiler.SiteFrame s2 = sites.get(eq.attr("site2", ""));
            if (s1 == null || s2 == null) {
                return Optional.empty();
            }
            return Optional.of(new ModelSpec.Connect(label, s1.body(), s2.body(), s1.pose().position(),
                    s2.pose().position(), soft));
        }
        Integer b1 = bodyIds.get(eq.attr("body1", ""));
        Integer b2 = bodyIds.get(eq.attr("body2", "world"));
        if (b1 == null || b2 == null) {
            return Optional.empty();
        }
        double[] a = eq.reals("anchor", new double[] {0, 0, 0});
        Vec3 anchor = bodies.get(b1).frame().apply(new Vec3(a[0], a[1], a[2]));
        return Optional.of(new ModelSpec.Connect(label, b1, b2, anchor, anchor, soft));
    }

    private Optional<ModelSpec.Equality> weld(MjcfElement eq, String fallback) {
        String label = eq.name().orElse(fallback);
        Soft soft = new Soft(eq.reals("solref"), eq.reals("solimp"));
        if (eq.real("torquescale", 1) != 1) {
            notes.add("weld torquescale is not modelled: welds hold orientation as firmly as position");
        }
        if (eq.has("site1")) {
            ModelCompiler.SiteFrame s1 = sites.get(eq.attr("site1"));
            ModelCompiler.SiteFrame s2 = sites.get(eq.attr("site2", ""));
            if (s1 == null || s2 == null) {
                return Optional.empty();
            }
            // body2 must move so that site2's frame lands on site1's frame
            Pose site2InBody2 = bodies.get(s2.body()).frame().relative(s2.pose());
            Pose target = s1.pose().compose(site2InBody2.inverse());
            return Optional.of(new ModelSpec.Weld(label, s1.body(), s2.body(), target, soft));
        }
        Integer b1 = bodyIds.get(eq.attr("body1", ""));
        Integer b2 = bodyIds.get(eq.attr("body2", "world"));
        if (b1 == null || b2 == null) {
            return Optional.empty();
        }
        double[] rel = eq.reals("relpose", new double[] {0, 1, 0, 0, 0, 0, 0});
        Pose target = bodies.get(b2).frame();
        if (rel.length == 7 && (rel[3] != 0 || rel[4] != 0 || rel[5] != 0 || rel[6] != 0)) {
            target = bodies.get(b1).frame().compose(new Pose(new Vec3(rel[0], rel[1], rel[2]),
                    Quat.of(rel[3], rel[4], rel[5], rel[6]).normalized()));
        }
        return Optional.of(new ModelSpec.Weld(label, b1, b2, target, soft));
    }


    // ------------------------------------------------------------------ actuators and tendons

    private static final Set<String> ACTUATORS = Set.of("general", "motor", "position", "velocity", "intvelocity",
            "damper", "cylinder", "muscle", "adhesion", "dcmotor", "pid", "orientation", "actuator_plugin");

    List<ModelSpec.Actuator> actuators(ModelSpec.Options options) {
        tendons(options);
        List<ModelSpec.Actuator> out = new ArrayList<>();
        if (!options.actuation()) {
            return out;
        }
        int id = 0;
        for (MjcfElement section : model.root().children("actuator")) {
            for (MjcfElement a : section.children()) {
                if (ACTUATORS.contains(a.kind())) {
                    actuator(a, id++).ifPresent(out::add);
                }
            }
        }
        return out;
    }

    /** The force law of one actuator at the run's constant control, or empty when that force is always zero. */
    private Optional<ModelSpec.Actuator> actuator(MjcfElement a, int id) {
        String label = a.name().orElse("actuator#" + id);
        String kind = a.kind();
        Integer joint = jointIds.get(a.attr("joint", a.attr("jointinparent", "")));
        double[] ctrlrange = a.reals("ctrlrange");
        if (kind.equals("position") && a.real("inheritrange", 0) > 0 && joint != null
                && joints.get(joint).limited()) {
            Joint j = joints.get(joint);
            double mid = (j.lower() + j.upper()) / 2;
            double half = (j.upper() - j.lower()) / 2 * a.real("inheritrange", 0);
            ctrlrange = new double[] {mid - half, mid + half};
        }
        double control = 0;
        if (limited(a.attr("ctrllimited", "auto"), ctrlrange)) {
            control = Math.min(ctrlrange[1], Math.max(ctrlrange[0], 0));
        }
        double[] gain = new double[3];
        double[] bias = new double[3];
        String dyn = "none";
        switch (kind) {
            case "motor" -> gain[0] = 1;
            case "position" -> {
                double kp = a.real("kp", 1);
                double kv = a.real("kv", 0);
                double dampratio = a.real("dampratio", 0);
                if (dampratio > 0 && joint != null) {
                    kv = dampratio * 2 * Math.sqrt(kp * reflectedInertia(joint));
                }
                gain[0] = kp;
                bias[1] = -kp;
                bias[2] = -kv;
                if (a.real("timeconst", 0) > 0) {
                    dyn = "filterexact";
                }
            }
            case "velocity" -> {
                double kv = a.real("kv", 1);
                gain[0] = kv;
                bias[2] = -kv;
            }
            case "intvelocity" -> {
                double kp = a.real("kp", 1);
                gain[0] = kp;
                bias[1] = -kp;
                bias[2] = -a.real("kv", 0);
                dyn = "integrator";
            }
            case "damper" -> gain[2] = -a.real("kv", 0);
            case "cylinder" -> {
                double[] b = a.reals("bias", new double[] {0, 0, 0});
                gain[0] = a.has("diameter") ? Math.PI / 4 * Math.pow(a.real("diameter", 1), 2) : a.real("area", 1);
                System.arraycopy(b, 0, bias, 0, Math.min(3, b.length));
                dyn = "filter";
            }
            case "adhesion" -> gain[0] = a.real("gain", 1);
            case "general" -> {
                String gainType = a.attr("gaintype", "fixed");
                String biasType = a.attr("biastype", "none");
                if (gainType.equals("muscle") || biasType.equals("muscle")) {
                    notes.add("muscle force laws are not modelled (actuator '" + label + "' left out)");
                    return Optional.empty();
                }
                double[] gp = a.reals("gainprm", new double[] {1, 0, 0});
                double[] bp = a.reals("biasprm", new double[] {0, 0, 0});
                gain[0] = gp[0];
                if (gainType.equals("affine")) {
                    gain[1] = gp.length > 1 ? gp[1] : 0;
                    gain[2] = gp.length > 2 ? gp[2] : 0;
                }
                if (biasType.equals("affine")) {
                    System.arraycopy(bp, 0, bias, 0, Math.min(3, bp.length));
                }
                dyn = a.attr("dyntype", "none");
            }
            default -> {
                notes.add("<" + a.tag() + "> actuators are not modelled (actuator '" + label + "' left out)");
                return Optional.empty();
            }
        }
        double input = control;
        if (!dyn.equals("none") && control != 0) {
            // the activation starts at 0 and moves towards the control: taken at its end value
            notes.add("actuator '" + label + "' has activation dynamics and a non-zero clamped control: its "
                    + "activation is taken at its steady value from the start");
            if (dyn.equals("integrator") || dyn.equals("muscle")) {
                input = 0;
            }
        }
        double c0 = input * gain[0] + bias[0];
        double c1 = input * gain[1] + bias[1];
        double c2 = input * gain[2] + bias[2];
        if (c0 == 0 && c1 == 0 && c2 == 0) {
            return Optional.empty(); // no force at this control: leaving it out is exact
        }
        double[] gear = a.reals("gear", new double[] {1, 0, 0, 0, 0, 0});
        if (joint == null || !(joints.get(joint).type() == JointType.HINGE
                || joints.get(joint).type() == JointType.SLIDE)) {
            String transmission = joint != null ? "a " + joints.get(joint).type().name().toLowerCase() + " joint"
                    : a.has("tendon") ? "a tendon" : a.has("site") ? "a site" : a.has("body") ? "a body"
                    : a.has("cranksite") ? "a slider-crank" : "its transmission";
            notes.add("actuator '" + label + "' exerts force at zero control through " + transmission
                    + ", which is not modelled");
            return Optional.empty();
        }
        double[] forcerange = a.reals("forcerange");
        boolean forceLimited = limited(a.attr("forcelimited", "auto"), forcerange);
        return Optional.of(new ModelSpec.Actuator(label, joint, gear[0], c0, c1, c2,
                forceLimited ? forcerange[0] : Double.NEGATIVE_INFINITY,
                forceLimited ? forcerange[1] : Double.POSITIVE_INFINITY));
    }

    /** {@code limited="true"}, or "auto" with autolimits and a range given. */
    private boolean limited(String attr, double[] range) {
        boolean has = range != null && range.length == 2;
        return has && (attr.equals("true") || (attr.equals("auto") && settings.autolimits()));
    }

    /**
     * The joint-space inertia MuJoCo uses for {@code dampratio} (the diagonal of the mass matrix at qpos0): the
     * bodies beyond the joint as one rigid body about the joint's axis, plus the armature.
     */
    private double reflectedInertia(int jointId) {
        Joint j = joints.get(jointId);
        MassProperties subtree = MassProperties.NONE;
        for (Body b : bodies) {
            if (descends(b.id(), j.body())) {
                subtree = subtree.plus(b.mass());
            }
        }
        if (j.type() == JointType.SLIDE) {
            return subtree.mass() + j.armature();
        }
        return MassProperties.moment(subtree.inertiaAbout(j.anchor()), j.axis()) + j.armature();
    }

    private boolean descends(int body, int ancestor) {
        for (int b = body; b >= 0; b = bodies.get(b).parent()) {
            if (b == ancestor) {
                return true;
            }
        }
        return false;
    }

    private void tendons(ModelSpec.Options options) {
        for (String kind : List.of("spatial", "fixed")) {
            for (MjcfElement t : model.all(kind)) {
                String label = t.name().orElse(kind + " tendon");
                List<String> what = new ArrayList<>();
                if (options.spring() && t.real("stiffness", 0) != 0) {
                    what.add("stiffness");
                }
                if (options.damper() && t.real("damping", 0) != 0) {
                    what.add("damping");
                }
                if (options.frictionloss() && t.real("frictionloss", 0) != 0) {
                    what.add("friction loss");
                }
                if (options.limit() && limited(t.attr("limited", "auto"), t.reals("range"))) {
                    what.add("length limits");
                }
                if (!what.isEmpty()) {
                    notes.add("tendon '" + label + "' is not modelled: its " + String.join(", ", what)
                            + " act in MuJoCo only");
                }
            }
        }
    }
}
