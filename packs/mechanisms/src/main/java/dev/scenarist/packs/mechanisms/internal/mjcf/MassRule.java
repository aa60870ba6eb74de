package dev.scenarist.packs.mechanisms.internal.mjcf;

import java.util.OptionalDouble;

/**
 * MuJoCo's compiler rule for where a body's own mass comes from, read once from {@code <compiler>}: its
 * {@code <inertial>} unless {@code inertiafromgeom="true"}; otherwise, unless {@code inertiafromgeom="false"}, its
 * geoms whose group lies in {@code inertiagrouprange}, each at its {@code mass} or at {@code density × volume};
 * {@code boundmass}/{@code boundinertia} then raise what is too small. The validator's mass rules and the ODE
 * fallback's compiler both ask this one rule, so they cannot disagree on which elements weigh.
 *
 * @param fromGeom {@code inertiafromgeom}
 * @param lowestGroup {@code inertiagrouprange[0]}
 * @param highestGroup {@code inertiagrouprange[1]}
 * @param boundMass {@code boundmass} (0: none; NaN when unreadable)
 * @param boundInertia {@code boundinertia} (0: none; NaN when unreadable)
 */
public record MassRule(FromGeom fromGeom, double lowestGroup, double highestGroup, double boundMass, double boundInertia) {
    /** {@code inertiafromgeom}: whether geoms give the mass even where an {@code <inertial>} is written. */
    public enum FromGeom {
        /** Never from geoms: a body without {@code <inertial>} has no mass of its own. */
        FALSE,
        /** Always from geoms: an {@code <inertial>} is ignored. */
        TRUE,
        /** From geoms where there is no {@code <inertial>} (MuJoCo's default). */
        AUTO;

        static FromGeom of(String attribute) {
            return switch (attribute) {
                case "false" -> FALSE;
                case "true" -> TRUE;
                default -> AUTO;
            };
        }
    }

    /** MuJoCo's default density of a geom without {@code mass} or {@code density}, kg/m³. */
    public static final double DEFAULT_DENSITY = 1000;

    /** The rule as {@code <compiler>} sets it; an unreadable group range falls back to MuJoCo's default 0 5. */
    static MassRule of(String inertiaFromGeom, String inertiaGroupRange, String boundMass, String boundInertia) {
        double[] range = MjcfValues.reals(inertiaGroupRange);
        boolean readable = range != null && range.length == 2;
        return new MassRule(FromGeom.of(inertiaFromGeom), readable ? range[0] : 0, readable ? range[1] : 5,
                single(boundMass), single(boundInertia));
    }

    /** Whether a body's {@code <inertial>}, when it has one, is its mass. */
    public boolean inertialCounts() {
        return fromGeom != FromGeom.TRUE;
    }

    /** Whether a body's geoms give its mass, given whether it has an {@code <inertial>}. */
    public boolean geomsCount(boolean hasInertial) {
        return fromGeom != FromGeom.FALSE && !(hasInertial && inertialCounts());
    }

    /** Whether a geom of this {@code group} is within {@code inertiagrouprange}. */
    public boolean inGroupRange(double group) {
        return group >= lowestGroup && group <= highestGroup;
    }

    /**
     * A geom's mass: its own {@code mass} when written (negative read as none), else {@code density × volume} (a
     * non-positive density weighs nothing).
     */
    public static double geomMass(OptionalDouble mass, double density, double volume) {
        if (mass.isPresent()) return Math.max(0, mass.getAsDouble());
        return density <= 0 ? 0 : density * volume;
    }

    private static double single(String v) {
        double[] d = MjcfValues.reals(v);
        return d != null && d.length == 1 ? d[0] : Double.NaN;
    }
}
