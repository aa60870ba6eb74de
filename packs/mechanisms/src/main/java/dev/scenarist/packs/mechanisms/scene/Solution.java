package dev.scenarist.packs.mechanisms.scene;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How an agent plays a {@link Task}: the parts it adds to the scene (when the task has a {@link Design}), and a
 * schedule of commands, each taking effect at its time and holding until the
 * next command for the same control (zero-order hold). A control with no command yet is 0.
 *
 * <p>A command either sets the value ({@link Command#set}, open loop) or, for a push, holds a position
 * ({@link Command#hold}: simple feedback — every step the value is {@code kp·(target − p) − kd·v}, clamped to the
 * control's range, where p and v are the pushed point's position and velocity along the push direction).
 */
public record Solution(List<DesignedPart> parts, List<Command> schedule) {
    public Solution {
        parts = List.copyOf(parts);
        if (parts.stream().map(DesignedPart::name).distinct().count() != parts.size()) {
            throw new IllegalArgumentException("part names must be unique: " + parts.stream().map(DesignedPart::name).toList());
        }
        schedule = schedule.stream().sorted(Comparator.comparingDouble(Command::t)).toList();
    }

    /** A schedule alone, no parts. */
    public Solution(List<Command> schedule) {
        this(List.of(), schedule);
    }

    /** Does nothing: no part, every control stays 0. */
    public static Solution none() {
        return new Solution(List.of(), List.of());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** One command of the schedule. {@code kp} and {@code kd} are 0 for an open-loop {@code set}. */
    public record Command(double t, String control, Mode mode, double value, double kp, double kd) {
        public enum Mode { SET, HOLD }

        public Command {
            Preconditions.nonNegative("command time", t);
            Preconditions.name("control", control);
            Preconditions.finite("command value", value);
            Preconditions.nonNegative("kp", kp);
            Preconditions.nonNegative("kd", kd);
        }

        public static Command set(double t, String control, double value) {
            return new Command(t, control, Mode.SET, value, 0, 0);
        }

        public static Command hold(double t, String control, double target, double kp, double kd) {
            Preconditions.positive("kp", kp);
            return new Command(t, control, Mode.HOLD, target, kp, kd);
        }
    }

    public static final class Builder {
        private final List<Command> commands = new ArrayList<>();
        private final List<DesignedPart> parts = new ArrayList<>();

        /** Adds a designed part to the scene. */
        public Builder part(DesignedPart p) {
            parts.add(p);
            return this;
        }

        public Builder set(double t, String control, double value) {
            commands.add(Command.set(t, control, value));
            return this;
        }

        public Builder hold(double t, String control, double target, double kp, double kd) {
            commands.add(Command.hold(t, control, target, kp, kd));
            return this;
        }

        public Solution build() {
            return new Solution(parts, commands);
        }
    }
}
