package dev.scenarist.packs.mechanisms.scene;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * Drives one hinge or slide joint. Immutable. Add it with {@link Scene#actuator} after its joint is in the scene,
 * so the reference is known to resolve.
 */
public final class Actuator implements Cloneable {
    private final String name;
    private final ActuatorType type;
    private final String joint;
    private Double gear;
    private double[] ctrlRange;
    private double[] forceRange;
    private Double kp;
    private Double kv;

    private Actuator(String name, ActuatorType type, Joint joint) {
        this.name = Preconditions.name("actuator", name);
        this.type = type;
        if (!joint.type().hasAxis()) {
            throw new IllegalArgumentException("actuator '" + name + "' drives " + joint
                    + ": only hinge and slide joints can be driven by this API");
        }
        this.joint = joint.name();
    }

    public static Actuator motor(String name, Joint joint) {
        return new Actuator(name, ActuatorType.MOTOR, joint);
    }

    /** A servo: the control is the joint's target position, tracked with stiffness {@code kp}. */
    public static Actuator position(String name, Joint joint, double kp) {
        return new Actuator(name, ActuatorType.POSITION, joint).kp(kp);
    }

    /** The control is the joint's target velocity, tracked with gain {@code kv}. */
    public static Actuator velocity(String name, Joint joint, double kv) {
        return new Actuator(name, ActuatorType.VELOCITY, joint).kv(kv);
    }

    /** Scales the control into joint force or torque. */
    public Actuator gear(double g) {
        Preconditions.finite(this + " gear", g);
        if (g == 0) throw new IllegalArgumentException(this + " gear must not be 0: the actuator would do nothing");
        return with(a -> a.gear = g);
    }

    /** Clamps the control signal. */
    public Actuator ctrlRange(double min, double max) {
        double[] r = Preconditions.range(this + " ctrlrange", min, max);
        return with(a -> a.ctrlRange = r);
    }

    /** Clamps the produced force or torque. */
    public Actuator forceRange(double min, double max) {
        double[] r = Preconditions.range(this + " forcerange", min, max);
        return with(a -> a.forceRange = r);
    }

    public Actuator kp(double gain) {
        if (type != ActuatorType.POSITION) throw new IllegalArgumentException(this + " has no kp: only position");
        Preconditions.positive(this + " kp", gain);
        return with(a -> a.kp = gain);
    }

    public Actuator kv(double gain) {
        if (type != ActuatorType.VELOCITY) throw new IllegalArgumentException(this + " has no kv: only velocity");
        Preconditions.positive(this + " kv", gain);
        return with(a -> a.kv = gain);
    }

    public String name() {
        return name;
    }

    public ActuatorType type() {
        return type;
    }

    /** The name of the driven joint. */
    public String joint() {
        return joint;
    }

    public Optional<Double> gear() {
        return Optional.ofNullable(gear);
    }

    public Optional<double[]> ctrlRange() {
        return Optional.ofNullable(ctrlRange).map(double[]::clone);
    }

    public Optional<double[]> forceRange() {
        return Optional.ofNullable(forceRange).map(double[]::clone);
    }

    public Optional<Double> kp() {
        return Optional.ofNullable(kp);
    }

    public Optional<Double> kv() {
        return Optional.ofNullable(kv);
    }

    @Override
    public String toString() {
        return type.keyword() + " actuator '" + name + "'";
    }

    private Actuator with(Consumer<Actuator> change) {
        try {
            Actuator copy = (Actuator) clone();
            change.accept(copy);
            return copy;
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }
}
