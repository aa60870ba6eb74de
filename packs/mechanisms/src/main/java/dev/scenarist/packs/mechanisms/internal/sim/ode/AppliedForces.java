package dev.scenarist.packs.mechanisms.internal.sim.ode;

import dev.scenarist.packs.mechanisms.scene.Quat;
import dev.scenarist.packs.mechanisms.scene.Vec3;
import dev.scenarist.packs.mechanisms.internal.sim.ode.ModelSpec.Body;
import dev.scenarist.packs.mechanisms.internal.sim.ode.ModelSpec.Joint;
import dev.scenarist.packs.mechanisms.internal.sim.ode.ModelSpec.JointType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ode4j.math.DVector3;
import org.ode4j.ode.DBody;

/**
 * The forces MuJoCo adds explicitly before each step, from the state at the start of the step — joint springs,
 * actuators at the run's constant control, gravity compensation and the inertia-box fluid model — applied to the
 * ODE bodies the same way. Before them, every joint and equality constraint re-tunes its rows to the current state
 * ({@link JointBinding#updateRows}, {@link EqualityBinding#update}); joint damping is an implicit motor, applied here
 * as a force only while a stop holds the joint ({@link JointBinding#dampingForce}).
 */
final class AppliedForces {
    private final OdeWorld w;
    private final List<Spring> springs = new ArrayList<>();
    private final List<Motor> actuators = new ArrayList<>();
    private final List<Fluid> fluid = new ArrayList<>();
    private final List<Body> gravcomp = new ArrayList<>();

    /** A hinge or slide spring {@code -k (q - springref)}, or a ball spring toward the reference orientation. */
    private record Spring(JointBinding joint, Quat reference) {}

    private record Motor(ModelSpec.Actuator spec, JointBinding joint) {}

    /**
     * One body in the inertia-box fluid model: its equivalent box (full side lengths) and its inertial frame in its
     * ODE body's frame.
     */
    private record Fluid(Body body, double[] box, Quat frameInOde) {}

    AppliedForces(OdeWorld w) {
        this.w = w;
        ModelSpec.Options o = w.spec.options();
        Map<Integer, JointBinding> byId = new HashMap<>();
        for (JointBinding j : w.joints) {
            byId.put(j.spec.id(), j);
        }
        for (JointBinding j : w.joints) {
            Joint s = j.spec;
            if (!(s.stiffness() > 0) || !o.spring()) {
                continue;
            }
            if (s.type() == JointType.HINGE || s.type() == JointType.SLIDE) {
                springs.add(new Spring(j, null));
            } else if (s.type() == JointType.BALL) {
                springs.add(new Spring(j, relative(j.child, j.parent)));
            }
        }
        for (ModelSpec.Actuator a : w.spec.actuators()) {
            JointBinding j = byId.get(a.joint());
            if (j != null && j.joint != null) {
                actuators.add(new Motor(a, j));
            }
        }
        for (Body b : w.spec.bodies()) {
            DBody ode = w.odeBody[b.id()];
            if (ode == null || b.mass().massless()) {
                continue;
            }
            if (b.gravcomp() != 0) {
                gravcomp.add(b);
            }
            if (o.density() > 0 || o.viscosity() > 0) {
                MassProperties.Principal p = b.mass().principal();
                double[] i = p.moments();
                double m = b.mass().mass();
                double[] box = {
                    Math.sqrt(Math.max(1e-15, i[1] + i[2] - i[0]) / m * 6),
                    Math.sqrt(Math.max(1e-15, i[0] + i[2] - i[1]) / m * 6),
                    Math.sqrt(Math.max(1e-15, i[0] + i[1] - i[2]) / m * 6)};
                Quat odeRot = OdeWorld.rot(ode.getQuaternion());
                fluid.add(new Fluid(b, box, odeRot.inverse().times(p.axes())));
            }
        }
    }

    private static Quat relative(DBody child, DBody parent) {
        Quat c = OdeWorld.rot(child.getQuaternion());
        return parent == null ? c : OdeWorld.rot(parent.getQuaternion()).inverse().times(c);
    }

    /** Adds this step's forces to the ODE bodies (ODE clears them after every step), and sets limit softness. */
    void apply() {
        for (JointBinding j : w.joints) {
            j.updateRows(w.timestep);
            double damping = j.dampingForce(w.timestep);
            if (damping != 0) {
                j.addForce(damping);
            }
        }
        for (EqualityBinding e : w.equalities) {
            e.update(w.timestep);
        }
        for (Spring s : springs) {
            Joint j = s.joint.spec;
            if (s.reference == null) {
                s.joint.addForce(-j.stiffness() * (s.joint.position() - j.springref()));
            } else {
                // MuJoCo: torque -k · (rotation from the reference to now), in the child's frame
                Quat now = relative(s.joint.child, s.joint.parent);
                Vec3 local = s.reference.inverse().times(now).rotationVector().times(-j.stiffness());
                Vec3 world = OdeWorld.rot(s.joint.child.getQuaternion()).rotate(local);
                s.joint.child.addTorque(world.x(), world.y(), world.z());
                if (s.joint.parent != null) {
                    s.joint.parent.addTorque(-world.x(), -world.y(), -world.z());
                }
            }
        }
        for (Motor m : actuators) {
            ModelSpec.Actuator a = m.spec;
            double length = a.gear() * m.joint.position();
            double velocity = a.gear() * m.joint.velocity();
            double force = a.c0() + a.cLength() * length + a.cVelocity() * velocity;
            force = Math.min(a.forceMax(), Math.max(a.forceMin(), force));
            m.joint.addForce(a.gear() * force);
        }
        Vec3 g = w.spec.options().gravity();
        for (Body b : gravcomp) {
            DBody ode = w.odeBody[b.id()];
            DVector3 at = new DVector3();
            Vec3 c = w.comLocal[b.id()];
            ode.getRelPointPos(c.x(), c.y(), c.z(), at);
            Vec3 f = g.times(-b.mass().mass() * b.gravcomp());
            ode.addForceAtPos(f.x(), f.y(), f.z(), at.get0(), at.get1(), at.get2());
        }
        for (Fluid f : fluid) {
            fluid(f);
        }
    }

    /** MuJoCo's {@code mj_inertiaBoxFluidModel}: Stokes drag plus quadratic drag on the equivalent inertia box. */
    private void fluid(Fluid f) {
        ModelSpec.Options o = w.spec.options();
        DBody ode = w.odeBody[f.body.id()];
        Vec3 c = w.comLocal[f.body.id()];
        DVector3 at = new DVector3();
        DVector3 v = new DVector3();
        ode.getRelPointPos(c.x(), c.y(), c.z(), at);
        ode.getRelPointVel(c.x(), c.y(), c.z(), v);
        Quat frame = OdeWorld.rot(ode.getQuaternion()).times(f.frameInOde);
        Quat toLocal = frame.inverse();
        Vec3 wl = toLocal.rotate(OdeWorld.vec(ode.getAngularVel()));
        Vec3 vl = toLocal.rotate(OdeWorld.vec(v).minus(o.wind()));
        double[] lv = {wl.x(), wl.y(), wl.z(), vl.x(), vl.y(), vl.z()};
        double[] box = f.box;
        double[] lf = new double[6];
        if (o.viscosity() > 0) {
            double diam = (box[0] + box[1] + box[2]) / 3;
            for (int k = 0; k < 3; k++) {
                lf[k] = -Math.PI * diam * diam * diam * o.viscosity() * lv[k];
                lf[3 + k] = -3 * Math.PI * diam * o.viscosity() * lv[3 + k];
            }
        }
        if (o.density() > 0) {
            double rho = o.density();
            lf[3] -= 0.5 * rho * box[1] * box[2] * Math.abs(lv[3]) * lv[3];
            lf[4] -= 0.5 * rho * box[0] * box[2] * Math.abs(lv[4]) * lv[4];
            lf[5] -= 0.5 * rho * box[0] * box[1] * Math.abs(lv[5]) * lv[5];
            lf[0] -= rho * box[0] * (pow4(box[1]) + pow4(box[2])) * Math.abs(lv[0]) * lv[0] / 64;
            lf[1] -= rho * box[1] * (pow4(box[0]) + pow4(box[2])) * Math.abs(lv[1]) * lv[1] / 64;
            lf[2] -= rho * box[2] * (pow4(box[0]) + pow4(box[1])) * Math.abs(lv[2]) * lv[2] / 64;
        }
        Vec3 torque = frame.rotate(new Vec3(lf[0], lf[1], lf[2]));
        Vec3 force = frame.rotate(new Vec3(lf[3], lf[4], lf[5]));
        ode.addForceAtPos(force.x(), force.y(), force.z(), at.get0(), at.get1(), at.get2());
        ode.addTorque(torque.x(), torque.y(), torque.z());
    }

    private static double pow4(double x) {
        return x * x * x * x;
    }
}
