package dev.scenarist.packs.mechanisms.internal.sim.ode;

import dev.scenarist.packs.mechanisms.scene.Quat;
import dev.scenarist.packs.mechanisms.internal.sim.ode.ModelSpec.Joint;
import dev.scenarist.packs.mechanisms.internal.sim.ode.ModelSpec.JointType;
import org.ode4j.math.DQuaternionC;
import org.ode4j.math.DVector3;
import org.ode4j.ode.DAMotorJoint;
import org.ode4j.ode.DBallJoint;
import org.ode4j.ode.DBody;
import org.ode4j.ode.DHingeJoint;
import org.ode4j.ode.DJoint;
import org.ode4j.ode.DJoint.PARAM_N;
import org.ode4j.ode.DLMotorJoint;
import org.ode4j.ode.DSliderJoint;

/**
 * One MJCF joint in the ODE world: the ODE joint (or null for free), its two ODE bodies (child first), and its
 * coordinate, unwrapped for hinges so that it grows past ±π as MuJoCo's does.
 */
final class JointBinding {
    final Joint spec;
    final DJoint joint;
    final DBody child;
    final DBody parent;
    private double lastRaw;
    private double turns;
    /** Whether the joint's limits are enforced (as an ODE stop). */
    boolean limited;
    /** MuJoCo's dof_invweight0 of a hinge or slide joint (see probeInverseWeights). */
    double dofInvWeight;
    /** The friction-loss motor, or null. */
    DJoint friction;
    /** Whether the joint's damping acts. */
    boolean damped;
    /** The damping motor of a hinge or slide, or null. */
    DJoint damper;
    /** Whether the stop holds the joint this step (set by updateRows). */
    private boolean atLimit;
    /** Whether the stop has held the joint at some step of the run. */
    boolean limitReached;

    /** How far apart a hinge's or ball's two anchor points may drift before the solution is not trusted, m. */
    private final double tolerance;
    /** A slider's relative rotation at the start: ODE's slider holds it. */
    private final Quat sliderRotation;

    JointBinding(Joint spec, DJoint joint, DBody child, DBody parent) {
        this.spec = spec;
        this.joint = joint;
        this.child = child;
        this.parent = parent;
        double reach = OdeWorld.vec(child.getPosition()).minus(spec.anchor()).length();
        this.tolerance = Math.max(OdeWorld.BREAK_MIN, OdeWorld.BREAK_FRACTION * reach);
        this.sliderRotation = joint instanceof DSliderJoint ? relativeRotation() : null;
    }

    private static boolean finite(DBody b) {
        DQuaternionC q = b.getQuaternion();
        return Double.isFinite(q.get0()) && Double.isFinite(q.get1()) && Double.isFinite(q.get2())
                && Double.isFinite(q.get3());
    }

    private Quat relativeRotation() {
        Quat c = OdeWorld.rot(child.getQuaternion());
        return parent == null ? c : OdeWorld.rot(parent.getQuaternion()).inverse().times(c);
    }

    /**
     * Whether ODE's solution has pulled this joint apart: its two anchor points separated by more than a tenth
     * of the child's reach (at least {@value OdeWorld#BREAK_MIN} m), or a slider turned by more than
     * {@value OdeWorld#BREAK_ANGLE} rad. A physically unstable scene keeps its joints; a solver that lost its way
     * does not.
     */
    String broken() {
        if (joint instanceof DHingeJoint || joint instanceof DBallJoint) {
            DVector3 a = new DVector3();
            DVector3 b = new DVector3();
            if (joint instanceof DHingeJoint h) {
                h.getAnchor(a);
                h.getAnchor2(b);
            } else {
                ((DBallJoint) joint).getAnchor(a);
                ((DBallJoint) joint).getAnchor2(b);
            }
            double gap = a.distance(b);
            return gap > tolerance || !Double.isFinite(gap) ? "joint '" + spec.label() + "' came apart by " + gap
                    + " m" : null;
        }
        if (sliderRotation != null) {
            if (!finite(child) || (parent != null && !finite(parent))) {
                return "slide joint '" + spec.label() + "' has a non-finite state";
            }
            double angle = sliderRotation.inverse().times(relativeRotation()).rotationVector().length();
            return angle > OdeWorld.BREAK_ANGLE || !Double.isFinite(angle) ? "slide joint '" + spec.label()
                    + "' twisted by " + angle + " rad" : null;
        }
        return null;
    }

    /**
     * Sets this step's limit and friction-loss rows from the state: the stop is on only where MuJoCo's impedance
     * (solimplimit, growing with the violation) is not negligible, with ERP/CFM per {@link Soft}; the friction
     * motor gets MuJoCo's reference velocity {@code (1 - h·b)·q̇} and CFM {@code h·(1-d)/d·invweight}.
     */
    void updateRows(double h) {
        atLimit = false;
        if (limited) {
            double q = position();
            double violation = Math.max(0, Math.max(spec.lower() - q, q - spec.upper()));
            Soft soft = spec.limitSoft();
            boolean on = soft.impedance(violation) >= OdeWorld.MIN_IMPEDANCE;
            atLimit = on && violation > 0;
            limitReached |= atLimit;
            // "off" must stay finite: ode4j's hinge re-tests its limit only for stops within ±π and otherwise
            // keeps the last test's result, writing a row it did not count
            double lo = on ? spec.lower() - spec.ref() : -Math.PI;
            double hi = on ? spec.upper() - spec.ref() : Math.PI;
            double erp = soft.erp(h);
            double cfm = soft.cfm(h, violation, 1 / dofInvWeight);
            if (joint instanceof DHingeJoint hinge) {
                hinge.setParamLoStop(lo);
                hinge.setParamHiStop(hi);
                hinge.setParam(PARAM_N.dParamStopERP1, erp);
                hinge.setParam(PARAM_N.dParamStopCFM1, cfm);
            } else if (joint instanceof DSliderJoint slider) {
                slider.setParamLoStop(lo);
                slider.setParamHiStop(hi);
                slider.setParam(PARAM_N.dParamStopERP1, erp);
                slider.setParam(PARAM_N.dParamStopCFM1, cfm);
            }
        }
        if (damper != null) {
            setFMax(damper, atLimit ? 0 : Double.POSITIVE_INFINITY);
        }
        if (friction != null) {
            // at a limit the stop's row takes the axis: a second row on it breaks ODE's direct solver
            Soft soft = spec.frictionSoft();
            double d = soft.impedance(0);
            double vel = (1 - h * soft.damping(h)) * velocity();
            double cfm = h * (1 - d) / d * dofInvWeight;
            double fmax = atLimit ? 0 : spec.frictionloss();
            if (friction instanceof DAMotorJoint m) {
                m.setParam(PARAM_N.dParamVel1, vel);
                m.setParam(PARAM_N.dParamCFM1, cfm);
                m.setParam(PARAM_N.dParamFMax1, fmax);
            } else if (friction instanceof DLMotorJoint m) {
                m.setParam(PARAM_N.dParamVel1, vel);
                m.setParam(PARAM_N.dParamCFM1, cfm);
                m.setParam(PARAM_N.dParamFMax1, fmax);
            }
        }
    }

    /**
     * The damping force of a hinge or slide held by its stop this step (its damping motor is off then):
     * {@code -damping·q̇ / (1 + h·damping·invweight)}, the force of an implicit damper on a joint of inverse
     * inertia {@code invweight} (MuJoCo's dof_invweight0). Zero otherwise: the motor damps.
     */
    double dampingForce(double h) {
        if (!damped || !atLimit || damper == null) {
            return 0;
        }
        return -spec.damping() * velocity() / (1 + h * spec.damping() * dofInvWeight);
    }

    private static void setFMax(DJoint motor, double fmax) {
        if (motor instanceof DAMotorJoint m) {
            m.setParam(PARAM_N.dParamFMax1, fmax);
        } else if (motor instanceof DLMotorJoint m) {
            m.setParam(PARAM_N.dParamFMax1, fmax);
        }
    }

    /** The MuJoCo joint coordinate q (ref at the start). */
    double position() {
        if (joint instanceof DHingeJoint h) {
            double raw = h.getAngle();
            double d = raw - lastRaw;
            if (d > Math.PI) {
                turns -= 2 * Math.PI;
            } else if (d < -Math.PI) {
                turns += 2 * Math.PI;
            }
            lastRaw = raw;
            return spec.ref() + raw + turns;
        }
        if (joint instanceof DSliderJoint s) {
            return spec.ref() + s.getPosition();
        }
        return 0;
    }

    double velocity() {
        if (joint instanceof DHingeJoint h) {
            return h.getAngleRate();
        }
        if (joint instanceof DSliderJoint s) {
            return s.getPositionRate();
        }
        return 0;
    }

    /** Adds a generalized force (torque for a hinge, force for a slide) in the direction q grows. */
    void addForce(double f) {
        if (joint instanceof DHingeJoint h) {
            h.addTorque(f);
        } else if (joint instanceof DSliderJoint s) {
            s.addForce(f);
        }
    }
}
