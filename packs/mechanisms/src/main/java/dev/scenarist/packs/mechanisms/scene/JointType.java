package dev.scenarist.packs.mechanisms.scene;

import java.util.Locale;

/** MuJoCo joint types. */
public enum JointType {
    /** Rotation about an axis (1 dof). */
    HINGE,
    /** Translation along an axis (1 dof). */
    SLIDE,
    /** Rotation about a point (3 dof). */
    BALL,
    /** Unconstrained motion (6 dof); only on bodies directly in the world body. */
    FREE;

    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Hinge and slide joints have an axis and can be driven by the actuators this API writes. */
    public boolean hasAxis() {
        return this == HINGE || this == SLIDE;
    }
}
