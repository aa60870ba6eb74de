package dev.scenarist.packs.mechanisms.scene;

/**
 * How a body, geom or site is rotated relative to its parent. All angles in this API are radians: the writer sets
 * {@code <compiler angle="radian">} so MJCF and Java agree (MuJoCo's own default is degrees).
 */
public sealed interface Orientation permits Quat, Euler {
    /** The MJCF attribute this orientation is written as: {@code quat} or {@code euler}. */
    String attribute();

    double[] values();
}
