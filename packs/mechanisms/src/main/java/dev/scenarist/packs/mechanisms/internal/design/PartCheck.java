package dev.scenarist.packs.mechanisms.internal.design;

import java.util.Locale;

/**
 * Where one designed part lies at t = 0, as MuJoCo measured it.
 *
 * @param zone        the build zone that holds it, or the nearest one when none does
 * @param outsideBy   how far its bounding box reaches out of that zone, metres (0 when inside)
 * @param overlapWith the geom it overlaps most deeply, or empty
 * @param overlap     how deep that overlap is, metres (0 when none)
 */
public record PartCheck(String part, String zone, double outsideBy, String overlapWith, double overlap) {
    /** Deeper than this, an overlap at t = 0 refuses the part (the benchmark rules' initial-penetration limit). */
    public static final double OVERLAP_TOLERANCE = 0.001;

    public PartCheck {
        overlapWith = overlapWith == null ? "" : overlapWith;
    }

    public boolean inside() {
        return outsideBy <= 0;
    }

    public boolean overlaps() {
        return overlap > OVERLAP_TOLERANCE;
    }

    public boolean ok() {
        return inside() && !overlaps();
    }

    /** In words, with the fix when the part is refused. */
    public String describe() {
        String where = inside() ? "inside " + zone
                : String.format(Locale.ROOT, "%.4f m outside every build zone (nearest %s): move it or shrink it into one", outsideBy, zone);
        String overlapText = overlaps()
                ? String.format(Locale.ROOT, "; overlaps %s by %.4f m at t=0: move it clear (overlap up to %.3f m is tolerated)", overlapWith, overlap, OVERLAP_TOLERANCE)
                : "; overlaps nothing";
        return part + " " + where + overlapText;
    }
}
