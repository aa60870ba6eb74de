package dev.scenarist.packs.mechanisms.scene;

/**
 * A non-uniform scale vector passed to {@link Template#build}. The randomizer draws it within
 * {@link TemplateInfo#scaleLimits()}; a template stretches its dimensions by it along each axis.
 */
public record Scale(double x, double y, double z) {
    public static final Scale UNIT = new Scale(1, 1, 1);

    public Scale {
        Preconditions.positive("scale x", x);
        Preconditions.positive("scale y", y);
        Preconditions.positive("scale z", z);
    }

    public static Scale of(double x, double y, double z) {
        return new Scale(x, y, z);
    }

    public static Scale uniform(double s) {
        return new Scale(s, s, s);
    }
}
