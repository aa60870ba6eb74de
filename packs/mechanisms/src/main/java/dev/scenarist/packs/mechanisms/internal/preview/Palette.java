package dev.scenarist.packs.mechanisms.internal.preview;

import dev.scenarist.packs.mechanisms.scene.PartLabel;
import java.util.List;

/**
 * The fixed colours of labelled parts, which override the model's own colours so that every preview reads the same
 * way: goal green, start blue, forbidden red (all see-through), obstacles in oranges, the agent in violets. Hues
 * are far apart so a zone never looks like the part inside it.
 */
final class Palette {
    /** Per-layer opacity of zones: a zone's front and back faces both blend, so parts inside show through. */
    static final double ZONE_ALPHA = 0.35;

    private static final Colour GOAL = Colour.rgb(0.10, 0.78, 0.25);
    private static final Colour START = Colour.rgb(0.15, 0.42, 0.95);
    private static final Colour FORBID = Colour.rgb(0.92, 0.12, 0.12);
    private static final Colour BUILD = Colour.rgb(0.98, 0.80, 0.10);
    /** Several shades per family, so that neighbouring obstacles (or agent parts) can be told apart. */
    private static final List<Colour> OBSTACLES = List.of(Colour.rgb(0.96, 0.58, 0.12), Colour.rgb(0.86, 0.45, 0.08),
            Colour.rgb(1.00, 0.70, 0.30), Colour.rgb(0.78, 0.52, 0.18));
    private static final List<Colour> AGENTS = List.of(Colour.rgb(0.58, 0.30, 0.86), Colour.rgb(0.70, 0.45, 0.95),
            Colour.rgb(0.46, 0.22, 0.70));

    private Palette() {}

    /**
     * The colour of a part labelled {@code label}.
     *
     * @param shade which shade of the family: the index of the labelled name among those of its kind
     */
    static Colour of(PartLabel label, int shade) {
        return switch (label) {
            case ZONE_GOAL -> GOAL.withAlpha(ZONE_ALPHA);
            case ZONE_START -> START.withAlpha(ZONE_ALPHA);
            case ZONE_FORBID -> FORBID.withAlpha(ZONE_ALPHA);
            case ZONE_BUILD -> BUILD.withAlpha(ZONE_ALPHA);
            case OBSTACLE -> OBSTACLES.get(Math.floorMod(shade, OBSTACLES.size()));
            case AGENT -> AGENTS.get(Math.floorMod(shade, AGENTS.size()));
            case NONE -> throw new IllegalArgumentException("unlabelled parts keep the model's colour");
        };
    }

    /** The legend's swatch: the family's first shade, opaque. */
    static Colour swatch(PartLabel label) {
        return of(label, 0).withAlpha(1);
    }

    /** The outline of a zone: its colour, darker and opaque, so the edges read against floor and zone alike. */
    static Colour outline(Colour zone) {
        return zone.shade(0.65).withAlpha(1);
    }

    /** The legend's words (upper case: the legend's font has no lower case). */
    static String legendText(PartLabel label) {
        return switch (label) {
            case ZONE_GOAL -> "GOAL ZONE";
            case ZONE_START -> "START ZONE";
            case ZONE_FORBID -> "FORBIDDEN ZONE";
            case ZONE_BUILD -> "BUILD ZONE";
            case OBSTACLE -> "OBSTACLE";
            case AGENT -> "AGENT";
            case NONE -> "";
        };
    }
}
