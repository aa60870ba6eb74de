package dev.scenarist.packs.mechanisms.internal.sim;

/**
 * What a simulation run is judged against.
 *
 * @param duration simulated seconds (at the model's own timestep)
 * @param speedLimit highest allowed linear speed of any moving body's centre of mass, m/s
 * @param bounds the box every moving body's centre of mass must stay in, or {@code null} for no bounds check
 * @param penetrationTolerance initial interpenetration (m) tolerated between two geoms at t = 0: resting contacts
 *     authored exactly touching show up as tiny negative distances
 */
public record SimulationLimits(double duration, double speedLimit, Bounds bounds, double penetrationTolerance) {

    /** Standard gravity, m/s². */
    public static final double G = 9.81;
    /** Multiplier on g·T in {@link #defaultSpeedLimit(double)}. */
    public static final double SPEED_FACTOR = 1.5;
    /** Additive margin in {@link #defaultSpeedLimit(double)}, m/s. */
    public static final double SPEED_MARGIN = 1.0;
    /** Default {@link #penetrationTolerance()}: 1 mm. */
    public static final double DEFAULT_PENETRATION_TOLERANCE = 1e-3;

    public SimulationLimits {
        if (!(duration > 0) || !Double.isFinite(duration)) {
            throw new IllegalArgumentException("duration must be a positive number of seconds, got " + duration);
        }
        if (!(speedLimit >= 0)) {
            throw new IllegalArgumentException("speedLimit must be >= 0 m/s, got " + speedLimit);
        }
        if (!(penetrationTolerance >= 0)) {
            throw new IllegalArgumentException("penetrationTolerance must be >= 0 m, got " + penetrationTolerance);
        }
    }

    public SimulationLimits(double duration, double speedLimit, Bounds bounds) {
        this(duration, speedLimit, bounds, DEFAULT_PENETRATION_TOLERANCE);
    }

    /**
     * The default speed limit for a run of {@code duration} seconds: {@code g·T·1.5 + 1 m/s}. A body in free fall
     * for T seconds reaches g·T (9.81 m/s after 1 s), which a legitimate scene may well do (something dropped or
     * tipping off a table); the factor 1.5 and the 1 m/s margin leave room for bounces, pendulums and actuated
     * parts, while anything faster than that within a second means energy came from nowhere (penetration
     * resolution, an unstable integrator, a mis-scaled actuator). 1 s → 15.715 m/s.
     */
    public static double defaultSpeedLimit(double duration) {
        return G * duration * SPEED_FACTOR + SPEED_MARGIN;
    }

    /** 1 s, {@link #defaultSpeedLimit(double) the default speed limit}, no bounds, 1 mm penetration tolerance. */
    public static SimulationLimits defaults() {
        return of(1.0);
    }

    /** {@code duration} seconds with the default speed limit for it, no bounds. */
    public static SimulationLimits of(double duration) {
        return new SimulationLimits(duration, defaultSpeedLimit(duration), null);
    }

    public SimulationLimits withSpeedLimit(double limit) {
        return new SimulationLimits(duration, limit, bounds, penetrationTolerance);
    }

    public SimulationLimits withBounds(Bounds b) {
        return new SimulationLimits(duration, speedLimit, b, penetrationTolerance);
    }

    public SimulationLimits withPenetrationTolerance(double tolerance) {
        return new SimulationLimits(duration, speedLimit, bounds, tolerance);
    }

    /** An axis-aligned box in world coordinates (metres). */
    public record Bounds(double minX, double minY, double minZ, double maxX, double maxY, double maxZ) {
        public Bounds {
            double[] all = {minX, minY, minZ, maxX, maxY, maxZ};
            for (double v : all) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("bounds must be finite: " + java.util.Arrays.toString(all));
                }
            }
            if (minX > maxX || minY > maxY || minZ > maxZ) {
                throw new IllegalArgumentException("bounds min must not exceed max: " + java.util.Arrays.toString(all));
            }
        }

        /** The cube {@code [-halfSize, halfSize]³}. */
        public static Bounds cube(double halfSize) {
            return new Bounds(-halfSize, -halfSize, -halfSize, halfSize, halfSize, halfSize);
        }

        public boolean contains(double x, double y, double z) {
            return x >= minX && x <= maxX && y >= minY && y <= maxY && z >= minZ && z <= maxZ;
        }

        @Override
        public String toString() {
            return "[%s, %s, %s]..[%s, %s, %s]".formatted(minX, minY, minZ, maxX, maxY, maxZ);
        }
    }
}
