package dev.scenarist.packs.mechanisms.sim.ode;

import dev.scenarist.packs.mechanisms.scene.Vec3;

/** A rigid frame: where a child frame's origin sits in its parent and how it is turned. */
record Pose(Vec3 pos, Rot rot) {
    static final Pose IDENTITY = new Pose(Vec3.ZERO, Rot.IDENTITY);

    /** The child frame {@code local} (given in this frame) expressed in this frame's parent. */
    Pose compose(Pose local) {
        return new Pose(apply(local.pos), rot.times(local.rot));
    }

    /** A point given in this frame, expressed in the parent frame. */
    Vec3 apply(Vec3 point) {
        return pos.plus(rot.apply(point));
    }

    /** A point given in the parent frame, expressed in this frame. */
    Vec3 applyInverse(Vec3 point) {
        return rot.inverse().apply(point.minus(pos));
    }

    /** {@code other} (given in the parent frame) expressed in this frame. */
    Pose relative(Pose other) {
        return new Pose(applyInverse(other.pos), rot.inverse().times(other.rot));
    }
}
