package dev.scenarist.packs.mechanisms.scene;

import java.util.List;

/**
 * What the agent of a {@link Task} may build besides driving its controls: {@link DesignedPart}s, each lying wholly
 * inside one of the {@code buildZones} (zone markers of the scene, {@link Zone#BUILD}) at t = 0, none overlapping
 * the scene's geometry, at most {@code maxParts} of them, of total mass at most {@code maxMass} kg and total volume
 * at most {@code maxVolume} m³ (0: no limit on that quantity).
 *
 * <pre>{@code
 * Design.inside("zone_build").parts(1).mass(4.0)
 * }</pre>
 */
public record Design(List<String> buildZones, int maxParts, double maxMass, double maxVolume) {
    private static final Design NONE = new Design(List.of(), 0, 0, 0);

    public Design {
        buildZones = List.copyOf(buildZones);
        buildZones.forEach(z -> Preconditions.name("build zone", z));
        if (maxParts < 0) throw new IllegalArgumentException("max parts must be >= 0, was " + maxParts);
        if (buildZones.isEmpty() != (maxParts == 0)) {
            throw new IllegalArgumentException("a design needs both build zones and max parts >= 1 (or neither), was zones "
                    + buildZones + " and max parts " + maxParts);
        }
        Preconditions.nonNegative("max mass", maxMass);
        Preconditions.nonNegative("max volume", maxVolume);
    }

    /** Nothing may be built: the agent only drives the task's controls. */
    public static Design none() {
        return NONE;
    }

    /** One part inside any of {@code zones}, with no mass or volume limit yet. */
    public static Design inside(String... zones) {
        if (zones.length == 0) throw new IllegalArgumentException("a design needs at least one build zone");
        return new Design(List.of(zones), 1, 0, 0);
    }

    public Design parts(int max) {
        return new Design(buildZones, max, maxMass, maxVolume);
    }

    /** The largest total mass of the parts, kg. */
    public Design mass(double maxKg) {
        return new Design(buildZones, maxParts, Preconditions.positive("max mass", maxKg), maxVolume);
    }

    /** The largest total volume of the parts, m³. */
    public Design volume(double maxCubicMetres) {
        return new Design(buildZones, maxParts, maxMass, Preconditions.positive("max volume", maxCubicMetres));
    }

    public boolean allowsParts() {
        return maxParts > 0;
    }
}
