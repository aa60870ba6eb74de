package dev.scenarist.packs.mechanisms.scene;

import dev.scenarist.packs.mechanisms.internal.scenefile.Numbers;

/** The allowed scale factors along one axis, both ends included. */
public record AxisRange(double min, double max) {
    public AxisRange {
        Preconditions.positive("scale limit min", min);
        Preconditions.positive("scale limit max", max);
        if (min > max) {
            throw new IllegalArgumentException("scale limit min " + Numbers.format(min) + " exceeds max "
                    + Numbers.format(max));
        }
    }

    public boolean contains(double v) {
        return v >= min && v <= max;
    }
}
