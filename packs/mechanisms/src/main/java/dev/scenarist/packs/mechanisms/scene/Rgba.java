package dev.scenarist.packs.mechanisms.scene;

/** A colour with each channel in [0, 1]; alpha below 1 is drawn semi-transparent. */
public record Rgba(double r, double g, double b, double a) {
    public static final Rgba GREY = new Rgba(0.6, 0.6, 0.6, 1);
    public static final Rgba RED = new Rgba(0.85, 0.2, 0.2, 1);
    public static final Rgba GREEN = new Rgba(0.2, 0.75, 0.3, 1);
    public static final Rgba BLUE = new Rgba(0.2, 0.4, 0.85, 1);

    public Rgba {
        channel("r", r);
        channel("g", g);
        channel("b", b);
        channel("a", a);
    }

    public static Rgba of(double r, double g, double b, double a) {
        return new Rgba(r, g, b, a);
    }

    public static Rgba of(double r, double g, double b) {
        return new Rgba(r, g, b, 1);
    }

    public Rgba withAlpha(double alpha) {
        return new Rgba(r, g, b, alpha);
    }

    private static void channel(String name, double v) {
        Preconditions.finite("rgba " + name, v);
        if (v < 0 || v > 1) throw new IllegalArgumentException("rgba " + name + " must be in [0, 1], was " + v);
    }
}
