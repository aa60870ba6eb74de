package dev.scenarist.packs.mechanisms.scene;

import java.util.Locale;

/** The actuator kinds this API writes, each an MJCF element under {@code <actuator>}. */
public enum ActuatorType {
    /** Control is a force or torque (times gear). */
    MOTOR,
    /** Control is a target position, tracked with gain kp. */
    POSITION,
    /** Control is a target velocity, tracked with gain kv. */
    VELOCITY;

    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }
}
