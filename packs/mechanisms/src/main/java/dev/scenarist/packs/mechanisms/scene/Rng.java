package dev.scenarist.packs.mechanisms.scene;

import java.util.List;
import java.util.Random;

/**
 * The random source for templates. It wraps {@link java.util.Random}, whose algorithm the Java specification fixes,
 * so a seed gives the same draws on every JVM.
 */
public final class Rng {
    private final Random random;

    public Rng(long seed) {
        this.random = new Random(seed);
    }

    /** Uniform in [min, max). */
    public double uniform(double min, double max) {
        Preconditions.range("uniform", min, max);
        return min + (max - min) * random.nextDouble();
    }

    /** Uniform integer in [min, max], both included. */
    public int integer(int min, int max) {
        if (min > max) throw new IllegalArgumentException("integer range [" + min + ", " + max + "] is empty");
        return min + random.nextInt(max - min + 1);
    }

    public boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    public <T> T pick(List<T> options) {
        if (options.isEmpty()) throw new IllegalArgumentException("cannot pick from an empty list");
        return options.get(random.nextInt(options.size()));
    }
}
