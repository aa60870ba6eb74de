package dev.scenarist.packs.mechanisms.internal.sim.ode;

import dev.scenarist.packs.mechanisms.internal.mjcf.Pose;
import dev.scenarist.packs.mechanisms.scene.Quat;
import dev.scenarist.packs.mechanisms.scene.Vec3;
import dev.scenarist.packs.mechanisms.internal.sim.ode.ModelSpec.Body;
import dev.scenarist.packs.mechanisms.internal.sim.ode.ModelSpec.Joint;
import dev.scenarist.packs.mechanisms.internal.sim.ode.ModelSpec.JointType;
import java.util.ArrayList;
import java.util.List;
import org.ode4j.math.DQuaternion;
import org.ode4j.math.DQuaternionC;
import org.ode4j.math.DVector3;
import org.ode4j.math.DVector3C;
import org.ode4j.ode.DAMotorJoint;
import org.ode4j.ode.DBallJoint;
import org.ode4j.ode.DBody;
import org.ode4j.ode.DFixedJoint;
import org.ode4j.ode.DHingeJoint;
import org.ode4j.ode.DJoint;
import org.ode4j.ode.DJoint.PARAM_N;
import org.ode4j.ode.DLMotorJoint;
import org.ode4j.ode.DMass;
import org.ode4j.ode.DSliderJoint;
import org.ode4j.ode.DWorld;
import org.ode4j.ode.OdeHelper;

/**
 * The ODE world of one run, built from a {@link ModelSpec}.
 *
 * <p><b>Bodies.</b> MuJoCo works in joint coordinates; ODE in maximal coordinates, one rigid body per set of MJCF
 * bodies that move together. So every MJCF body with joints starts an ODE body (placed at its group's centre of mass,
 * turned as the MJCF body) that also carries the jointless bodies below it; bodies welded to the world are static
 * geometry. A body with several joints becomes a chain of light helper bodies (mass and inertia
 * {@value #HELPER_FRACTION} of the real ones), one joint between each — the serial composition MuJoCo uses for them.
 *
 * <p><b>Joints</b> ({@link JointBinding}). hinge, slide, ball map to ODE hinge, slider, ball joints; free is no joint.
 * Limits are ODE stops (relative to the reference pose, where ODE's joint coordinate is zero) whose ERP/CFM follow
 * {@code solreflimit}/{@code solimplimit} at the current violation, see {@link Soft}. Damping is an ODE motor with
 * target velocity 0, unbounded force and CFM = 1/damping: an implicit damper, as MuJoCo's Euler integrator treats
 * damping. Friction loss is a motor capped at the friction force. Armature is added to the child body's inertia about
 * the joint axis — exact for a hinge on a fixed base, approximate further down a chain.
 *
 * <p><b>Inverse weights.</b> Softness is scaled as MuJoCo scales it, by inverse weights through the joints at qpos0,
 * measured here by probing the built world ({@link InverseWeights}).
 *
 * <p><b>Equality constraints</b> ({@link EqualityBinding}). connect becomes a ball joint, weld a fixed joint, with
 * ERP/CFM from their solref/solimp; when the two anchors (or site frames) do not coincide at the start, the joint is
 * set up as if they did, so ODE pulls them together as MuJoCo does.
 *
 * <p>Why one file of ~470 lines: bodies and joints are built in one pass that shares the per-body arrays (a body with
 * several joints creates its helper bodies while its joints are made), so splitting them would pass those arrays
 * back and forth. The inverse weights ({@link InverseWeights}) and the equality constraints
 * ({@link EqualityBinding#of}) are separate concepts and live in their own files.
 */
final class OdeWorld implements AutoCloseable {
    /** Mass and inertia of a helper body in a multi-joint chain, relative to the body it carries. */
    static final double HELPER_FRACTION = 1e-4;
    private static final double WORLD_ERP = 0.2;
    private static final double WORLD_CFM = 1e-10;
    /**
     * Below this impedance MuJoCo's constraint force is under 1 % of a rigid one: the ODE row is left out rather than
     * given a CFM so large that it spoils the conditioning of the whole step.
     */
    static final double MIN_IMPEDANCE = 0.01;
    static final String EQUALITY_NOTE = "connect and weld constraints are ODE joints with MuJoCo's stiffness: they "
            + "close a violation at MuJoCo's final speed but without its gradual start";
    /** Noted for every joint whose limit acted during the run. */
    static final String LIMIT_NOTE = "joint limits are ODE stops with MuJoCo's stiffness; a joint running into one "
            + "is stopped within a step rather than over MuJoCo's soft-constraint time constant (reached: %s)";
    /** See {@link JointBinding#broken()}. */
    static final double BREAK_MIN = 0.002;
    static final double BREAK_FRACTION = 0.1;
    static final double BREAK_ANGLE = 0.1;

    final ModelSpec spec;
    final double timestep;
    final DWorld world;
    /** Per MJCF body: the MuJoCo weld body (the body whose joints move it; 0 when welded to the world). */
    final int[] weld;
    /** Per MJCF body: its ODE body, or null when it does not move. */
    final DBody[] odeBody;
    /** Per MJCF body: its centre of mass (its origin when massless) in its ODE body's frame. */
    final Vec3[] comLocal;
    /** Every ODE body that moves, helpers included (for the NaN check). */
    final List<DBody> allBodies = new ArrayList<>();
    final List<JointBinding> joints = new ArrayList<>();
    /** Connect and weld constraints, updated every step. */
    final List<EqualityBinding> equalities = new ArrayList<>();
    /** Mass and inverse inertia (body frame) of every ODE body. */
    final java.util.Map<DBody, Inertia> inertias = new java.util.IdentityHashMap<>();
    /** MuJoCo's inverse weights at qpos0, probed once the bodies and joints are built. */
    private final InverseWeights weights;

    /** An ODE body's mass and inverse inertia tensor in its own frame. */
    record Inertia(double mass, double[] inverseInertia) {}

    OdeWorld(ModelSpec spec) {
        this.spec = spec;
        this.timestep = spec.options().timestep();
        int n = spec.bodies().size();
        this.weld = new int[n];
        this.odeBody = new DBody[n];
        this.comLocal = new Vec3[n];
        world = OdeHelper.createWorld();
        Vec3 g = spec.options().gravity();
        world.setGravity(g.x(), g.y(), g.z());
        world.setERP(WORLD_ERP);
        world.setCFM(WORLD_CFM);
        world.setAutoDisableFlag(false);
        world.setContactSurfaceLayer(0);
        buildBodies();
        for (Body b : spec.bodies()) {
            if (!b.world() && weld[b.id()] == b.id() && odeBody[b.id()] != null) {
                buildJoints(b);
            }
        }
        weights = InverseWeights.probe(this);
        joints.forEach(this::finishJoint);
        for (ModelSpec.Equality eq : spec.equalities()) {
            EqualityBinding.of(this, eq).ifPresent(e -> {
                equalities.add(e);
                notes.add(EQUALITY_NOTE);
            });
        }
    }

    // ------------------------------------------------------------------ bodies

    private boolean isStatic(int weldBody) {
        return weldBody == 0 || spec.bodies().get(weldBody).mocap();
    }

    private void buildBodies() {
        for (Body b : spec.bodies()) {
            if (b.world()) {
                weld[0] = 0;
            } else if (!b.joints().isEmpty() || b.mocap()) {
                weld[b.id()] = b.id();
            } else {
                weld[b.id()] = weld[b.parent()];
            }
        }
        for (Body root : spec.bodies()) {
            if (root.world() || weld[root.id()] != root.id() || isStatic(root.id())) {
                continue;
            }
            MassProperties group = MassProperties.NONE;
            for (Body b : spec.bodies()) {
                if (weld[b.id()] == root.id()) {
                    group = group.plus(b.mass());
                }
            }
            group = group.plusInertia(armature(root));
            Pose pose = new Pose(group.massless() ? root.frame().position() : group.com(), root.frame().rotation());
            DBody body = createBody(pose, group, 1);
            for (Body b : spec.bodies()) {
                if (weld[b.id()] == root.id()) {
                    odeBody[b.id()] = body;
                    comLocal[b.id()] = pose.applyInverse(b.mass().massless() ? b.frame().position() : b.mass().com());
                }
            }
        }
    }

    /** Armature as inertia about the joint axes, in world coordinates at qpos0 (approximation: see class comment). */
    private double[] armature(Body root) {
        double[] extra = new double[9];
        for (int jid : root.joints()) {
            Joint j = spec.joints().get(jid);
            if (j.armature() <= 0) {
                continue;
            }
            Vec3 a = j.axis();
            double[] u = {a.x(), a.y(), a.z()};
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) {
                    extra[3 * r + c] += switch (j.type()) {
                        case HINGE -> j.armature() * u[r] * u[c];
                        case BALL, FREE -> r == c ? j.armature() : 0;
                        case SLIDE -> 0;
                    };
                }
            }
        }
        return extra;
    }

    /** An ODE body at {@code pose} (its origin must be the centre of mass) with {@code mass} scaled by {@code k}. */
    private DBody createBody(Pose pose, MassProperties worldMass, double k) {
        DBody body = OdeHelper.createBody(world);
        body.setPosition(pose.position().x(), pose.position().y(), pose.position().z());
        Quat r = pose.rotation();
        body.setQuaternion(new DQuaternion(r.w(), r.x(), r.y(), r.z()));
        // the tensor in the body's frame: turn the world tensor by the body rotation's inverse
        MassProperties local = new MassProperties(worldMass.mass(), Vec3.ZERO, worldMass.inertia())
                .transformed(new Pose(Vec3.ZERO, r.inverse()));
        double mass = Math.max(worldMass.mass(), 1e-9) * k;
        double[] t = local.inertia();
        double floor = mass * 1e-8; // ODE needs a positive-definite tensor even for point masses
        double[] i = new double[9];
        for (int c = 0; c < 9; c++) {
            i[c] = t[c] * k;
        }
        i[0] = Math.max(i[0], floor);
        i[4] = Math.max(i[4], floor);
        i[8] = Math.max(i[8], floor);
        DMass m = OdeHelper.createMass();
        m.setParameters(mass, 0, 0, 0, i[0], i[4], i[8], i[1], i[2], i[5]);
        body.setMass(m);
        body.setFiniteRotationMode(true); // exact rotation per step, as MuJoCo integrates quaternions
        body.setAutoDisableFlag(false);
        allBodies.add(body);
        inertias.put(body, new Inertia(mass, invert(i)));
        return body;
    }

    private static double[] invert(double[] m) {
        double a = m[0], b = m[1], c = m[2], d = m[3], e = m[4], f = m[5], g = m[6], h = m[7], k = m[8];
        double det = a * (e * k - f * h) - b * (d * k - f * g) + c * (d * h - e * g);
        double s = 1 / det;
        return new double[] {
            (e * k - f * h) * s, (c * h - b * k) * s, (b * f - c * e) * s,
            (f * g - d * k) * s, (a * k - c * g) * s, (c * d - a * f) * s,
            (d * h - e * g) * s, (b * g - a * h) * s, (a * e - b * d) * s};
    }

    /** The ODE body the parent of {@code b} moves with, or null when that is the world. */
    private DBody parentBody(Body b) {
        return b.parent() < 0 ? null : odeBody[b.parent()];
    }

    // ------------------------------------------------------------------ joints

    private void buildJoints(Body b) {
        List<Joint> js = b.joints().stream().map(spec.joints()::get).toList();
        DBody target = odeBody[b.id()];
        DBody previous = parentBody(b);
        if (js.size() == 1 && js.get(0).type() == JointType.FREE) {
            joints.add(new JointBinding(js.get(0), null, target, null));
            return;
        }
        Pose pose = pose(target);
        for (int i = 0; i < js.size(); i++) {
            Joint j = js.get(i);
            DBody child = i == js.size() - 1 ? target : createBody(pose, helperMass(b), HELPER_FRACTION);
            if (j.type() == JointType.FREE) {
                continue; // a free joint among others cannot occur in a valid model
            }
            joints.add(joint(j, child, previous));
            previous = child;
        }
    }

    /**
     * An immovable (kinematic) body at the origin that stands in for the world where ode4j 0.5.3 gets the world
     * wrong: a slider attached to the static world spins a body that does not start axis-aligned (its fixed relative
     * rotation is computed wrongly); attached to a kinematic body it is right.
     */
    private DBody worldAnchor() {
        if (worldAnchor == null) {
            worldAnchor = OdeHelper.createBody(world);
            worldAnchor.setKinematic();
        }
        return worldAnchor;
    }

    private DBody worldAnchor;

    private MassProperties helperMass(Body b) {
        MassProperties group = MassProperties.NONE;
        for (Body o : spec.bodies()) {
            if (weld[o.id()] == b.id()) {
                group = group.plus(o.mass());
            }
        }
        return group;
    }

    /** The ODE joint that keeps the two bodies together; limits, damping and friction come later. */
    private JointBinding joint(Joint j, DBody child, DBody parent) {
        DJoint joint;
        switch (j.type()) {
            case HINGE -> {
                DHingeJoint h = OdeHelper.createHingeJoint(world);
                h.attach(child, parent);
                h.setAnchor(j.anchor().x(), j.anchor().y(), j.anchor().z());
                h.setAxis(j.axis().x(), j.axis().y(), j.axis().z());
                joint = h;
            }
            case SLIDE -> {
                DSliderJoint s = OdeHelper.createSliderJoint(world);
                s.attach(child, parent != null ? parent : worldAnchor());
                s.setAxis(j.axis().x(), j.axis().y(), j.axis().z());
                joint = s;
            }
            case BALL -> {
                DBallJoint ball = OdeHelper.createBallJoint(world);
                ball.attach(child, parent);
                ball.setAnchor(j.anchor().x(), j.anchor().y(), j.anchor().z());
                joint = ball;
            }
            default -> throw new IllegalStateException("free joints have no ODE joint");
        }
        return new JointBinding(j, joint, child, parent);
    }

    /** Joint limits, damping and friction loss, once the inverse weights they are scaled by are known. */
    private void finishJoint(JointBinding b) {
        ModelSpec.Options o = spec.options();
        Joint j = b.spec;
        if (b.joint == null) {
            freeJoint(j, b.child);
            return;
        }
        if (j.limited() && o.limit()) {
            if (j.type() == JointType.BALL) {
                notes.add("ball joint limits are not enforced (joint '" + j.label() + "')");
            } else if (j.type() == JointType.HINGE
                    && (j.lower() - j.ref() < -Math.PI || j.upper() - j.ref() > Math.PI)) {
                notes.add("hinge limits beyond ±180° from the reference pose are not enforced (joint '"
                        + j.label() + "')");
            } else {
                b.limited = true;
            }
        }
        if (j.damping() > 0 && o.damper()) {
            b.damped = true;
            damper(b);
        }
        if (j.frictionloss() > 0 && o.frictionloss()) {
            if (j.type() == JointType.BALL) {
                notes.add("ball joint friction loss is not modelled (joint '" + j.label() + "')");
            } else {
                b.friction = motor(j, b.child, b.parent, j.frictionloss(), WORLD_CFM);
            }
        }
        if (j.armature() > 0 && j.type() == JointType.SLIDE) {
            notes.add("slide joint armature is not modelled (joint '" + j.label() + "')");
        }
    }

    /**
     * Damping: a motor holding the joint velocity at 0 with CFM 1/damping — an implicit damper (force = -damping·v
     * at the end of the step), as MuJoCo's Euler integrator treats damping. While a hinge or slide sits at a limit the
     * motor is switched off (a second row on the stop's axis breaks ODE's direct solver) and the damping is applied
     * as a force instead, see {@link JointBinding#dampingForce}.
     */
    private void damper(JointBinding b) {
        if (b.spec.type() == JointType.BALL) {
            angularMotor(b.child, b.parent, 1 / b.spec.damping(), 1);
        } else {
            b.damper = motor(b.spec, b.child, b.parent, Double.POSITIVE_INFINITY, 1 / b.spec.damping());
        }
    }

    /** A one-axis motor along a hinge or slide joint's axis, target velocity 0. */
    private DJoint motor(Joint j, DBody child, DBody parent, double fmax, double cfm) {
        Vec3 a = j.axis();
        if (j.type() == JointType.HINGE) {
            DAMotorJoint m = OdeHelper.createAMotorJoint(world);
            m.attach(child, parent);
            m.setMode(DAMotorJoint.AMotorMode.dAMotorUser);
            m.setNumAxes(1);
            m.setAxis(0, 1, a.x(), a.y(), a.z());
            m.setParam(PARAM_N.dParamVel1, 0);
            m.setParam(PARAM_N.dParamFMax1, fmax);
            m.setParam(PARAM_N.dParamCFM1, cfm);
            return m;
        }
        DLMotorJoint m = OdeHelper.createLMotorJoint(world);
        m.attach(child, parent);
        m.setNumAxes(1);
        m.setAxis(0, 1, a.x(), a.y(), a.z());
        m.setParam(PARAM_N.dParamVel1, 0);
        m.setParam(PARAM_N.dParamFMax1, fmax);
        m.setParam(PARAM_N.dParamCFM1, cfm);
        return m;
    }

    /** Three-axis angular damper between two bodies (axes fixed in the child). */
    private void angularMotor(DBody child, DBody parent, double cfm, int rel) {
        DAMotorJoint m = OdeHelper.createAMotorJoint(world);
        m.attach(child, parent);
        m.setMode(DAMotorJoint.AMotorMode.dAMotorUser);
        m.setNumAxes(3);
        m.setAxis(0, rel, 1, 0, 0);
        m.setAxis(1, rel, 0, 1, 0);
        m.setAxis(2, rel, 0, 0, 1);
        for (PARAM_N[] p : new PARAM_N[][] {
            {PARAM_N.dParamVel1, PARAM_N.dParamFMax1, PARAM_N.dParamCFM1},
            {PARAM_N.dParamVel2, PARAM_N.dParamFMax2, PARAM_N.dParamCFM2},
            {PARAM_N.dParamVel3, PARAM_N.dParamFMax3, PARAM_N.dParamCFM3}}) {
            m.setParam(p[0], 0);
            m.setParam(p[1], Double.POSITIVE_INFINITY);
            m.setParam(p[2], cfm);
        }
    }

    private void freeJoint(Joint j, DBody body) {
        ModelSpec.Options o = spec.options();
        if (j.damping() > 0 && o.damper()) {
            double cfm = 1 / j.damping();
            DLMotorJoint m = OdeHelper.createLMotorJoint(world);
            m.attach(body, null);
            m.setNumAxes(3);
            m.setAxis(0, 0, 1, 0, 0);
            m.setAxis(1, 0, 0, 1, 0);
            m.setAxis(2, 0, 0, 0, 1);
            for (PARAM_N[] p : new PARAM_N[][] {
                {PARAM_N.dParamVel1, PARAM_N.dParamFMax1, PARAM_N.dParamCFM1},
                {PARAM_N.dParamVel2, PARAM_N.dParamFMax2, PARAM_N.dParamCFM2},
                {PARAM_N.dParamVel3, PARAM_N.dParamFMax3, PARAM_N.dParamCFM3}}) {
                m.setParam(p[0], 0);
                m.setParam(p[1], Double.POSITIVE_INFINITY);
                m.setParam(p[2], cfm);
            }
            angularMotor(body, null, cfm, 1);
            notes.add("free joint damping acts on the centre of mass, MuJoCo's on the body origin");
        }
        if (j.frictionloss() > 0 && o.frictionloss()) {
            notes.add("free joint friction loss is not modelled (joint '" + j.label() + "')");
        }
        if (j.stiffness() > 0 && o.spring()) {
            notes.add("free joint stiffness is not modelled (joint '" + j.label() + "')");
        }
    }

    // ------------------------------------------------------------------ inverse weights

    /** See {@link InverseWeights#contactInverseMass}. */
    double contactInverseMass(DBody body, Vec3 point, Vec3 n, double[] free) {
        return weights.contactInverseMass(body, point, n, free);
    }

    /** MuJoCo's translational inverse weight of a body at qpos0 (see {@link InverseWeights}). */
    double invWeight(DBody body) {
        return weights.invWeight(body);
    }

    // ------------------------------------------------------------------ poses

    static Pose relativePose(DBody a, DBody b) {
        Pose pa = pose(a);
        return b == null ? pa.relative(Pose.IDENTITY) : pa.relative(pose(b));
    }

    // ------------------------------------------------------------------ helpers

    /** Approximations found while building (limits ODE cannot express and the like). */
    final ModelCompiler.Approximations notes = new ModelCompiler.Approximations();

    static Vec3 vec(DVector3C v) {
        return new Vec3(v.get0(), v.get1(), v.get2());
    }

    static Quat rot(DQuaternionC q) {
        return Quat.of(q.get0(), q.get1(), q.get2(), q.get3()).normalized();
    }

    static Pose pose(DBody b) {
        return new Pose(vec(b.getPosition()), rot(b.getQuaternion()));
    }

    static void setPose(DBody b, Pose p) {
        b.setPosition(p.position().x(), p.position().y(), p.position().z());
        b.setQuaternion(new DQuaternion(p.rotation().w(), p.rotation().x(), p.rotation().y(), p.rotation().z()));
    }

    @Override
    public void close() {
        world.destroy();
    }
}
