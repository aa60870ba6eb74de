package dev.scenarist.packs.mechanisms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.scenarist.packs.mechanisms.scene.Vec3;

/** Assertions on vectors, for the geometry tests. */
public final class Vectors {
    private Vectors() {}

    /** {@code actual} is (x, y, z) to 1e-12 in each coordinate. */
    public static void assertVec(Vec3 actual, double x, double y, double z) {
        assertThat(actual.x()).as("x of %s", actual).isCloseTo(x, within(1e-12));
        assertThat(actual.y()).as("y of %s", actual).isCloseTo(y, within(1e-12));
        assertThat(actual.z()).as("z of %s", actual).isCloseTo(z, within(1e-12));
    }
}
