package dev.scenarist.packs.mechanisms.internal.sim.ode;

import dev.scenarist.packs.mechanisms.internal.sim.ode.OdeWorld.Inertia;
import dev.scenarist.packs.mechanisms.scene.Quat;
import dev.scenarist.packs.mechanisms.scene.Vec3;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ode4j.math.DQuaternion;
import org.ode4j.math.DVector3;
import org.ode4j.ode.DBody;
import org.ode4j.ode.DHingeJoint;
import org.ode4j.ode.DSliderJoint;

/**
 * MuJoCo scales every soft constraint by an inverse weight taken at qpos0 through the joints: a body's
 * translational {@code body_invweight0}, a joint's {@code dof_invweight0}. They are measured here the same way
 * in ODE — one probe step from rest per direction, gravity off, only the articulation joints present: apply a
 * unit force (torque) at a jointed body's centre of mass and read the accelerations, or a unit generalized force
 * at a joint and read its acceleration. The state is restored after every probe. The body's full 6×6 response
 * is kept (in its own frame) to tell contacts that cannot act through the joints, see {@link #contactInverseMass}.
 */
final class InverseWeights {
    /** MuJoCo's body_invweight0 (translational) of every jointed ODE body but the helpers (free: 1/m). */
    private final Map<DBody, Double> invWeight = new IdentityHashMap<>();
    /** The 6×6 response of every jointed ODE body to a unit force and torque at its centre, in its own frame. */
    private final Map<DBody, double[]> response = new IdentityHashMap<>();
    private final Map<DBody, Inertia> inertias;

    private InverseWeights(Map<DBody, Inertia> inertias) {
        this.inertias = inertias;
    }

    /**
     * Probes {@code world}, built but not yet stepped (its bodies, their inertias and the articulation joints), and
     * sets every hinge's and slider's {@code dofInvWeight}.
     */
    static InverseWeights probe(OdeWorld world) {
        InverseWeights w = new InverseWeights(world.inertias);
        w.measure(world);
        return w;
    }

    private void measure(OdeWorld ode) {
        var world = ode.world;
        DVector3 gravity = new DVector3();
        world.getGravity(gravity);
        world.setGravity(0, 0, 0);
        List<Snapshot> saved = ode.allBodies.stream().map(Snapshot::of).toList();
        double h = ode.timestep;
        Set<DBody> jointed = Collections.newSetFromMap(new IdentityHashMap<>());
        for (JointBinding b : ode.joints) {
            if (b.joint != null) {
                jointed.add(b.child);
            }
        }
        Set<DBody> done = Collections.newSetFromMap(new IdentityHashMap<>());
        for (DBody body : ode.odeBody) {
            if (body == null || !done.add(body) || !jointed.contains(body)) {
                continue;
            }
            double[] w = new double[36]; // world frame: column k = response to unit force (k < 3) or torque
            for (int k = 0; k < 6; k++) {
                if (k < 3) {
                    body.addForce(k == 0 ? 1 : 0, k == 1 ? 1 : 0, k == 2 ? 1 : 0);
                } else {
                    body.addTorque(k == 3 ? 1 : 0, k == 4 ? 1 : 0, k == 5 ? 1 : 0);
                }
                world.step(h);
                for (int r = 0; r < 3; r++) {
                    w[6 * r + k] = body.getLinearVel().get(r) / h;
                    w[6 * (r + 3) + k] = body.getAngularVel().get(r) / h;
                }
                saved.forEach(Snapshot::restore);
            }
            invWeight.put(body, Math.max((w[0] + w[7] + w[14]) / 3, 1e-12));
            response.put(body, toBodyFrame(w, OdeWorld.rot(body.getQuaternion()).matrix()));
        }
        for (JointBinding b : ode.joints) {
            if (b.joint instanceof DHingeJoint || b.joint instanceof DSliderJoint) {
                b.addForce(1);
                world.step(h);
                b.dofInvWeight = Math.max(b.velocity() / h, 1e-12);
                saved.forEach(Snapshot::restore);
            }
        }
        world.setGravity(gravity);
    }

    /** Rᵀ W R block by block: the response in the body's frame, so that it turns with the body. */
    private static double[] toBodyFrame(double[] w, double[] r) {
        double[] out = new double[36];
        for (int bi = 0; bi < 2; bi++) {
            for (int bj = 0; bj < 2; bj++) {
                for (int i = 0; i < 3; i++) {
                    for (int j = 0; j < 3; j++) {
                        double s = 0;
                        for (int k = 0; k < 3; k++) {
                            for (int l = 0; l < 3; l++) {
                                s += r[3 * k + i] * w[6 * (3 * bi + k) + 3 * bj + l] * r[3 * l + j];
                            }
                        }
                        out[6 * (3 * bi + i) + 3 * bj + j] = s;
                    }
                }
            }
        }
        return out;
    }

    /**
     * {@code J M⁻¹ Jᵀ} of one body for a contact at {@code point} with normal {@code n}, through the body's joints
     * (from the probe, turned with the body) — and, in {@code free[0]}, the same without joints. A contact whose
     * constrained value is ~0 for both bodies cannot push anything: MuJoCo's contact Jacobian is zero there (a
     * hinged sphere touching a wall through its axle), and in ODE the row would only fight the joints.
     */
    double contactInverseMass(DBody body, Vec3 point, Vec3 n, double[] free) {
        if (body == null) {
            return 0;
        }
        Inertia in = inertias.get(body);
        Quat r = OdeWorld.rot(body.getQuaternion());
        Vec3 arm = point.minus(OdeWorld.vec(body.getPosition())).cross(n);
        Vec3 nl = r.inverse().rotate(n);
        Vec3 al = r.inverse().rotate(arm);
        double unconstrained = 1 / in.mass() + MassProperties.moment(in.inverseInertia(), al);
        free[0] += unconstrained;
        double[] w = response.get(body);
        if (w == null) {
            return unconstrained;
        }
        double[] j = {nl.x(), nl.y(), nl.z(), al.x(), al.y(), al.z()};
        double s = 0;
        for (int a = 0; a < 6; a++) {
            for (int b = 0; b < 6; b++) {
                s += j[a] * w[6 * a + b] * j[b];
            }
        }
        return s;
    }

    /** One body's state, to undo a probe step. */
    private record Snapshot(DBody body, DVector3 pos, DQuaternion quat, DVector3 lin, DVector3 ang) {
        static Snapshot of(DBody b) {
            return new Snapshot(b, new DVector3(b.getPosition()), new DQuaternion(b.getQuaternion()),
                    new DVector3(b.getLinearVel()), new DVector3(b.getAngularVel()));
        }

        void restore() {
            body.setPosition(pos);
            body.setQuaternion(quat);
            body.setLinearVel(lin);
            body.setAngularVel(ang);
        }
    }

    /** MuJoCo's translational inverse weight of a body at qpos0 (see the class comment). */
    double invWeight(DBody body) {
        if (body == null) {
            return 0;
        }
        Double w = invWeight.get(body);
        return w != null ? w : 1 / inertias.get(body).mass();
    }
}
