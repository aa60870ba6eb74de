package dev.scenarist.packs.mechanisms.scene;

/**
 * One thing the agent may drive, declared by a {@link Task}. Its value is clamped to {@code [min, max]}.
 *
 * <ul>
 *   <li>{@link Actuator}: an actuator of the model, by name; the value is its {@code ctrl}.</li>
 *   <li>{@link Push}: a force in newtons along a fixed world direction, applied to a body at its centre of mass or at
 *       one of its sites (MuJoCo's {@code xfrc_applied}: force plus the torque of applying it off the centre). It
 *       needs nothing in the model, so passive scenes can be given a way to act on them.</li>
 * </ul>
 */
public sealed interface Control {
    String name();

    double min();

    double max();

    /** Drives the model's actuator {@code name}; {@code [min, max]} is the control range the agent may use. */
    record Actuator(String name, double min, double max) implements Control {
        public Actuator {
            Preconditions.name("control", name);
            Preconditions.range("control '" + name + "' range", min, max);
        }
    }

    /**
     * A push of {@code min..max} newtons along {@code direction} (normalized) on {@code body}, at {@code site} (a
     * site of that body) or, when the site is empty, at the body's centre of mass.
     */
    record Push(String name, String body, String site, Vec3 direction, double min, double max) implements Control {
        public Push {
            Preconditions.name("control", name);
            Preconditions.name("body", body);
            site = site == null ? "" : site;
            if (!site.isEmpty()) Preconditions.name("site", site);
            if (direction == null || direction.isZero()) {
                throw new IllegalArgumentException("push '" + name + "' needs a non-zero direction");
            }
            // normalized once: a direction read back from task.json is already unit length and stays bit-identical
            if (Math.abs(direction.length() - 1) > 1e-12) direction = direction.normalized();
            Preconditions.range("push '" + name + "' force range", min, max);
        }

        /** A push at the body's centre of mass. */
        public static Push atCenter(String name, String body, Vec3 direction, double maxForce) {
            return new Push(name, body, "", direction, -maxForce, maxForce);
        }

        /** A push at a site of the body. */
        public static Push atSite(String name, String body, String site, Vec3 direction, double min, double max) {
            return new Push(name, body, site, direction, min, max);
        }
    }
}
