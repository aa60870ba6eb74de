package dev.scenarist.packs.mechanisms.scene;

import dev.scenarist.packs.mechanisms.internal.scenefile.Numbers;
import java.util.Objects;

/**
 * Explicit mass properties for a body, for when its geoms should not decide them (e.g. a body whose geoms are all
 * visual markers). Most bodies leave this out and get mass from geom density.
 */
public record Inertial(Vec3 pos, double mass, Vec3 diagInertia) {
    public Inertial {
        Objects.requireNonNull(pos, "pos");
        Preconditions.positive("inertial mass", mass);
        Objects.requireNonNull(diagInertia, "diagInertia");
        Preconditions.positive("inertial diaginertia x", diagInertia.x());
        Preconditions.positive("inertial diaginertia y", diagInertia.y());
        Preconditions.positive("inertial diaginertia z", diagInertia.z());
        double a = diagInertia.x();
        double b = diagInertia.y();
        double c = diagInertia.z();
        // Principal moments of a real body obey the triangle inequality; MuJoCo refuses any that do not.
        if (a + b < c || b + c < a || a + c < b) {
            throw new IllegalArgumentException("inertial diaginertia " + Numbers.format(a, b, c) + " is impossible:"
                    + " each moment must be at most the sum of the other two");
        }
    }

    public static Inertial of(double mass, Vec3 diagInertia) {
        return new Inertial(Vec3.ZERO, mass, diagInertia);
    }

    /** A solid sphere's inertia: a safe choice when only the mass matters. */
    public static Inertial pointLike(double mass, double radius) {
        double i = 0.4 * mass * radius * radius;
        return new Inertial(Vec3.ZERO, mass, new Vec3(i, i, i));
    }
}
