package dev.scenarist.packs.mechanisms.internal.sim.ode;

import dev.scenarist.packs.mechanisms.internal.mjcf.Pose;
import org.ode4j.math.DVector3;
import org.ode4j.ode.DBallJoint;
import org.ode4j.ode.DBody;
import org.ode4j.ode.DFixedJoint;
import org.ode4j.ode.DJoint;
import org.ode4j.ode.DJoint.PARAM_N;

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
}
