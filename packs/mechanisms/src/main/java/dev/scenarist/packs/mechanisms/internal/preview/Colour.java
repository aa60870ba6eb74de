package dev.scenarist.packs.mechanisms.internal.preview;

/** A drawing colour, channels in [0, 1]; alpha below 1 is blended over what lies behind. */
record Colour(double r, double g, double b, double a) {
    Colour {
        r = clamp(r);
        g = clamp(g);
        b = clamp(b);
        a = clamp(a);
    }

    static Colour rgb(double r, double g, double b) {
        return new Colour(r, g, b, 1);
    }

    /** MJCF {@code rgba} numbers (3 or 4 of them). */
    static Colour of(double[] rgba) {
        return new Colour(rgba[0], rgba[1], rgba[2], rgba.length > 3 ? rgba[3] : 1);
    }

    Colour times(Colour o) {
        return new Colour(r * o.r, g * o.g, b * o.b, a * o.a);
    }

    /** Brightness scaled by {@code k}, alpha kept. */
    Colour shade(double k) {
        return new Colour(r * k, g * k, b * k, a);
    }

    Colour withAlpha(double alpha) {
        return new Colour(r, g, b, alpha);
    }

    Colour mix(Colour o, double t) {
        return new Colour(r + (o.r - r) * t, g + (o.g - g) * t, b + (o.b - b) * t, a + (o.a - a) * t);
    }

    /** Opaque 0xRRGGBB, rounding each channel to 8 bits. */
    int rgb() {
        return (channel(r) << 16) | (channel(g) << 8) | channel(b);
    }

    private static int channel(double v) {
        return (int) Math.round(v * 255);
    }

    private static double clamp(double v) {
        return Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
    }
}
