package dev.scenarist.packs.mechanisms.scene;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A degree of freedom between a body and its parent. Immutable: setters return changed copies. Angles (hinge
 * ranges) are radians.
 */
public final class Joint implements Cloneable {
    private final String name;
    private final JointType type;
    private Vec3 pos;
    private Vec3 axis;
    private double[] range;
    private Double damping;
    private Double stiffness;
    private Double armature;

    private Joint(String name, JointType type) {
        this.name = Preconditions.name("joint", name);
        this.type = type;
    }

    public static Joint hinge(String name) {
        return new Joint(name, JointType.HINGE);
    }

    public static Joint slide(String name) {
        return new Joint(name, JointType.SLIDE);
    }

    public static Joint ball(String name) {
        return new Joint(name, JointType.BALL);
    }

    /** Six free degrees of freedom, for objects that fall, roll and get pushed around. */
    public static Joint free(String name) {
        return new Joint(name, JointType.FREE);
    }

    /** The joint's anchor in the body frame. */
    public Joint at(double x, double y, double z) {
        return at(new Vec3(x, y, z));
    }

    public Joint at(Vec3 position) {
        Objects.requireNonNull(position, "position");
        refuseOnFree("a position");
        return with(j -> j.pos = position);
    }

    public Joint axis(double x, double y, double z) {
        return axis(new Vec3(x, y, z));
    }

    public Joint axis(Vec3 direction) {
        if (!type.hasAxis()) throw new IllegalArgumentException(this + " has no axis: only hinge and slide joints do");
        if (direction.isZero()) throw new IllegalArgumentException(this + " axis must not be zero");
        return with(j -> j.axis = direction);
    }

    /**
     * Limits the joint: radians for hinges, metres for slides. A ball joint's range is {@code (0, maxAngle)}: MuJoCo
     * limits its total rotation, so use {@link #maxAngle} for it.
     */
    public Joint range(double min, double max) {
        refuseOnFree("a range");
        if (type == JointType.BALL && min != 0) {
            throw new IllegalArgumentException(this + " range must start at 0 (MuJoCo limits a ball joint's total"
                    + " rotation): use maxAngle(angle)");
        }
        double[] r = Preconditions.range(this + " range", min, max);
        return with(j -> j.range = r);
    }

    /** A ball joint's limit on its total rotation angle. */
    public Joint maxAngle(double radians) {
        return range(0, radians);
    }

    /** Velocity-proportional resistance; a little damping keeps passive mechanisms from oscillating forever. */
    public Joint damping(double d) {
        Preconditions.nonNegative(this + " damping", d);
        return with(j -> j.damping = d);
    }

    /** Spring stiffness towards the joint's reference position. */
    public Joint stiffness(double k) {
        Preconditions.nonNegative(this + " stiffness", k);
        refuseOnFree("stiffness");
        return with(j -> j.stiffness = k);
    }

    /** Rotor inertia added to the joint; stabilizes stiff actuated joints at large timesteps. */
    public Joint armature(double a) {
        Preconditions.nonNegative(this + " armature", a);
        return with(j -> j.armature = a);
    }

    public String name() {
        return name;
    }

    public JointType type() {
        return type;
    }

    public Optional<Vec3> pos() {
        return Optional.ofNullable(pos);
    }

    public Optional<Vec3> axis() {
        return Optional.ofNullable(axis);
    }

    public Optional<double[]> range() {
        return Optional.ofNullable(range).map(double[]::clone);
    }

    public Optional<Double> damping() {
        return Optional.ofNullable(damping);
    }

    public Optional<Double> stiffness() {
        return Optional.ofNullable(stiffness);
    }

    public Optional<Double> armature() {
        return Optional.ofNullable(armature);
    }

    @Override
    public String toString() {
        return type.keyword() + " joint '" + name + "'";
    }

    private void refuseOnFree(String what) {
        if (type == JointType.FREE) throw new IllegalArgumentException(this + " cannot have " + what);
    }

    private Joint with(Consumer<Joint> change) {
        try {
            Joint copy = (Joint) clone();
            change.accept(copy);
            return copy;
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }
}
