package dev.scenarist.packs.mechanisms.internal.sim.ode;

import dev.scenarist.packs.mechanisms.internal.mjcf.Pose;
import dev.scenarist.packs.mechanisms.scene.Vec3;
import java.util.Optional;
import org.ode4j.math.DVector3;
import org.ode4j.ode.DBallJoint;
import org.ode4j.ode.DBody;
import org.ode4j.ode.DFixedJoint;
import org.ode4j.ode.DJoint;
import org.ode4j.ode.DJoint.PARAM_N;
import org.ode4j.ode.OdeHelper;

/**
 * A connect (ball joint) or weld (fixed joint) and what its softness depends on: MuJoCo's impedance grows with the
 * violation (solimp), so the CFM is set every step from it, and the joint is left out while the impedance is
 * negligible (see {@link OdeWorld#MIN_IMPEDANCE}).
 *
 * @param held for a weld, the second body's pose relative to the first that the joint holds; null for connect
 */
record EqualityBinding(DJoint joint, DBody first, DBody second, Soft soft, double effectiveMass, Pose held) {
    void update(double h) {
        double violation;
        if (joint instanceof DBallJoint ball) {
            DVector3 a = new DVector3();
            DVector3 b = new DVector3();
            ball.getAnchor(a);
            ball.getAnchor2(b);
            violation = a.distance(b);
        } else {
            Pose now = OdeWorld.relativePose(first, second);
            double dp = now.position().minus(held.position()).length();
            double angle = held.rotation().inverse().times(now.rotation()).rotationVector().length();
            violation = Math.sqrt(dp * dp + angle * angle);
        }
        if (!Double.isFinite(violation)) {
            return;
        }
        if (soft.impedance(violation) < OdeWorld.MIN_IMPEDANCE) {
            joint.disable();
            return;
        }
        joint.enable();
        double cfm = soft.cfm(h, violation, effectiveMass);
        if (joint instanceof DBallJoint ball) {
            ball.setParam(PARAM_N.dParamCFM1, cfm);
        } else if (joint instanceof DFixedJoint fixed) {
            fixed.setParam(PARAM_N.dParamCFM1, cfm);
        }
    }

    /**
     * The binding of one connect or weld in {@code w}, its joint created in {@code w}'s world; empty when both sides
     * are static or in the same rigid group (nothing can move apart). When the two anchors (or site frames) do not
     * coincide at the start, the joint is set up as if they did, so ODE pulls them together as MuJoCo does.
     */
    static Optional<EqualityBinding> of(OdeWorld w, ModelSpec.Equality eq) {
        return switch (eq) {
            case ModelSpec.Connect c -> connect(w, c);
            case ModelSpec.Weld weld -> weld(w, weld);
        };
    }

    private static Optional<EqualityBinding> connect(OdeWorld w, ModelSpec.Connect c) {
        DBody b1 = w.odeBody[c.body1()];
        DBody b2 = w.odeBody[c.body2()];
        if (b1 == b2) {
            return Optional.empty(); // both static, or in the same rigid group: nothing can move apart
        }
        // the joint anchors where the two points coincide: move one body there for the set-up, then back
        DBody moved = b2 != null ? b2 : b1;
        Vec3 shift = b2 != null ? c.anchor1().minus(c.anchor2()) : c.anchor2().minus(c.anchor1());
        Vec3 at = b2 != null ? c.anchor1() : c.anchor2();
        DBallJoint ball = OdeHelper.createBallJoint(w.world);
        DBody first = b1 != null ? b1 : b2;
        DBody second = b1 != null ? b2 : null;
        Vec3 home = OdeWorld.vec(moved.getPosition());
        moved.setPosition(home.x() + shift.x(), home.y() + shift.y(), home.z() + shift.z());
        ball.attach(first, second);
        ball.setAnchor(at.x(), at.y(), at.z());
        moved.setPosition(home.x(), home.y(), home.z());
        ball.setParam(PARAM_N.dParamERP1, c.soft().erp(w.timestep));
        return Optional.of(new EqualityBinding(ball, first, second, c.soft(), 1 / (w.invWeight(first) + w.invWeight(second)),
                null));
    }

    private static Optional<EqualityBinding> weld(OdeWorld w, ModelSpec.Weld eq) {
        DBody b1 = w.odeBody[eq.body1()];
        DBody b2 = w.odeBody[eq.body2()];
        if (b1 == b2) {
            return Optional.empty();
        }
        Pose frame1 = w.spec.bodies().get(eq.body1()).frame();
        Pose frame2 = w.spec.bodies().get(eq.body2()).frame();
        DBody moved;
        Pose movedFrame;
        Pose movedTarget;
        if (b2 != null) {
            moved = b2;
            movedFrame = frame2;
            movedTarget = eq.target();
        } else { // body2 cannot move: place body1 so that body2 sits at its target relative to it
            moved = b1;
            movedFrame = frame1;
            Pose rel = frame1.relative(eq.target());
            movedTarget = frame2.compose(rel.inverse());
        }
        Pose odeNow = OdeWorld.pose(moved);
        Pose odeInFrame = movedFrame.relative(odeNow);
        Pose odeTarget = movedTarget.compose(odeInFrame);
        OdeWorld.setPose(moved, odeTarget);
        DFixedJoint fixed = OdeHelper.createFixedJoint(w.world);
        DBody first = b1 != null ? b1 : b2;
        DBody second = b1 != null ? b2 : null;
        fixed.attach(first, second);
        fixed.setFixed();
        Pose held = OdeWorld.relativePose(first, second);
        OdeWorld.setPose(moved, odeNow);
        fixed.setParam(PARAM_N.dParamERP1, eq.soft().erp(w.timestep));
        return Optional.of(new EqualityBinding(fixed, first, second, eq.soft(), 1 / (w.invWeight(b1) + w.invWeight(b2)), held));
    }
}
