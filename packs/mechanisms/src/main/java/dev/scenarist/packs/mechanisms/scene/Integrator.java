package dev.scenarist.packs.mechanisms.scene;

/** MuJoCo's numerical integrators, with their MJCF keywords. */
public enum Integrator {
    EULER("Euler"), RK4("RK4"), IMPLICIT("implicit"), IMPLICITFAST("implicitfast");

    private final String keyword;

    Integrator(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }
}
