package dev.scenarist.packs.mechanisms.scene;

/** MuJoCo's three friction coefficients: sliding, torsional and rolling (MuJoCo's defaults are 1, 0.005, 0.0001). */
public record Friction(double sliding, double torsional, double rolling) {
    public Friction {
        Preconditions.nonNegative("friction sliding", sliding);
        Preconditions.nonNegative("friction torsional", torsional);
        Preconditions.nonNegative("friction rolling", rolling);
    }

    public static Friction sliding(double mu) {
        return new Friction(mu, 0.005, 0.0001);
    }
}
