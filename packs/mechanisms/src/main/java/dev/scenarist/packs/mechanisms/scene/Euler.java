package dev.scenarist.packs.mechanisms.scene;

/** Euler angles in radians, in MuJoCo's default sequence: intrinsic rotations about x, then y, then z. */
public record Euler(double x, double y, double z) implements Orientation {
    public Euler {
        Preconditions.finite("euler x", x);
        Preconditions.finite("euler y", y);
        Preconditions.finite("euler z", z);
    }

    public static Euler of(double x, double y, double z) {
        return new Euler(x, y, z);
    }

    public static Euler degrees(double x, double y, double z) {
        return new Euler(Math.toRadians(x), Math.toRadians(y), Math.toRadians(z));
    }

    @Override
    public String attribute() {
        return "euler";
    }

    @Override
    public double[] values() {
        return new double[] {x, y, z};
    }
}
