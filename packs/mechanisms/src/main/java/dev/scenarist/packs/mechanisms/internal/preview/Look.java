package dev.scenarist.packs.mechanisms.internal.preview;

/**
 * The colours a part is drawn in: its own, and the second colour of a plane's checkerboard (other shapes ignore
 * it). Alpha below 1 is drawn semi-transparent.
 */
record Look(Colour colour, Colour alternate) {
    /** One colour for everything. */
    static Look plain(Colour c) {
        return new Look(c, c);
    }
}
