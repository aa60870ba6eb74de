package dev.scenarist.packs.mechanisms.internal.preview;

import dev.scenarist.packs.mechanisms.internal.mjcf.Pose;
import dev.scenarist.packs.mechanisms.scene.PartLabel;

/**
 * One drawable thing of a scene: a geom (or a zone-labelled site) placed in the world, with the colour it is drawn
 * in, already decided by its label.
 *
 * @param name the geom's name, or empty
 * @param body the name of the body the geom is attached to (empty for the world body or an unnamed body): a task's
 *     subject may name it
 * @param label what the name (or the nearest labelled body above it) says the part is
 * @param look the colours drawn (already the label's when it has one)
 */
record Part(String name, String body, PartLabel label, Shape shape, Pose pose, Look look) {
    /** The colour drawn; alpha below 1 is drawn semi-transparent. */
    Colour colour() {
        return look.colour();
    }

    /** The second colour of a plane's checkerboard (ignored by other shapes). */
    Colour alternate() {
        return look.alternate();
    }

    /** Zones are drawn with their edges outlined, so that a see-through marker still reads as a region. */
    boolean outlined() {
        return label.isZone();
    }
}
