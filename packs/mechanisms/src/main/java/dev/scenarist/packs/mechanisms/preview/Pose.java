package dev.scenarist.packs.mechanisms.preview;

import dev.scenarist.packs.mechanisms.scene.Vec3;

/** Where a frame sits in its parent: translation, then rotation. */
record Pose(Vec3 position, Rotation rotation) {
    static final Pose IDENTITY = new Pose(Vec3.ZERO, Rotation.IDENTITY);

    /** {@code child}, given in this frame, expressed in this frame's parent. */
    Pose then(Pose child) {
        return new Pose(apply(child.position), rotation.times(child.rotation));
    }

    Vec3 apply(Vec3 local) {
        return position.plus(rotation.apply(local));
    }

    /** A direction (normal) of this frame in the parent: rotated, not moved. */
    Vec3 applyToDirection(Vec3 local) {
        return rotation.apply(local);
    }

    /** A parent-frame point in this frame's coordinates. */
    Vec3 toLocal(Vec3 parent) {
        return rotation.inverse().apply(parent.minus(position));
    }
}
