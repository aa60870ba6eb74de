package dev.scenarist.packs.mechanisms.internal.mjcf;

import dev.scenarist.packs.mechanisms.scene.Quat;
import dev.scenarist.packs.mechanisms.scene.Vec3;

/**
 * A rigid frame: where a child frame's origin sits in its parent ({@code position}) and how it is turned
 * ({@code rotation}, a unit quaternion). An element's pose is read by {@link MjcfFrames}; composing poses down the
 * body tree places it in the world.
 */
public record Pose(Vec3 position, Quat rotation) {
    public static final Pose IDENTITY = new Pose(Vec3.ZERO, Quat.IDENTITY);

    /** {@code child}, given in this frame, expressed in this frame's parent. */
    public Pose compose(Pose child) {
        return new Pose(apply(child.position), rotation.times(child.rotation));
    }

    /** A point given in this frame, expressed in the parent frame. */
    public Vec3 apply(Vec3 point) {
        return position.plus(rotation.rotate(point));
    }

    /** A direction (a normal, an axis) given in this frame, expressed in the parent frame: turned, not moved. */
    public Vec3 applyToDirection(Vec3 direction) {
        return rotation.rotate(direction);
    }

    /** A point given in the parent frame, expressed in this frame. */
    public Vec3 applyInverse(Vec3 point) {
        return rotation.inverse().rotate(point.minus(position));
    }

    /** {@code other} (given in the parent frame) expressed in this frame. */
    public Pose relative(Pose other) {
        return new Pose(applyInverse(other.position), rotation.inverse().times(other.rotation));
    }

    /** The parent frame expressed in this one: {@code compose(inverse())} is the identity. */
    public Pose inverse() {
        Quat inv = rotation.inverse();
        return new Pose(inv.rotate(position).times(-1), inv);
    }
}
