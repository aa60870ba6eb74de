package dev.scenarist.packs.mechanisms.scene;

/**
 * Directional scale limits from a template's plan: how far the scene may be stretched along x, y and z before it
 * stops making sense (a door squashed to a slot, a ramp too steep to climb).
 */
public record ScaleLimits(AxisRange x, AxisRange y, AxisRange z) {
    /** The randomizer's default when a plan states no limits. */
    public static final ScaleLimits DEFAULT = uniform(0.5, 2.0);

    public ScaleLimits {
        java.util.Objects.requireNonNull(x, "x");
        java.util.Objects.requireNonNull(y, "y");
        java.util.Objects.requireNonNull(z, "z");
    }

    public static ScaleLimits uniform(double min, double max) {
        AxisRange r = new AxisRange(min, max);
        return new ScaleLimits(r, r, r);
    }

    public boolean contains(Scale s) {
        return x.contains(s.x()) && y.contains(s.y()) && z.contains(s.z());
    }
}
