package dev.scenarist.packs.mechanisms.internal.template;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Chooses the variants a template is tried on: K seeds, and for each a non-uniform scale vector drawn within the
 * plan's per-axis limits (default 0.5–2.0). Deterministic from the run's seed, so a resumed run tries the same ones.
 */
public final class Randomizer {
    /** Per-axis [min, max] scale limits. */
    public record Limits(double minX, double maxX, double minY, double maxY, double minZ, double maxZ) {
        public static final Limits DEFAULT = new Limits(0.5, 2.0, 0.5, 2.0, 0.5, 2.0);

        public Limits {
            check(minX, maxX, "x");
            check(minY, maxY, "y");
            check(minZ, maxZ, "z");
        }

        private static void check(double min, double max, String axis) {
            if (!(min > 0) || !(max >= min) || max > 10) {
                throw new IllegalArgumentException("scale limits for " + axis + " must satisfy 0 < min ≤ max ≤ 10, got [" + min + ", " + max + "]");
            }
        }
    }

    /** A seed and the scale vector to build with. */
    public record Draw(long seed, double[] scale) {
        public Draw {
            scale = scale.clone();
        }
    }

    private Randomizer() {}

    /** {@code k} draws from {@code runSeed}: the first at unit scale (the template as designed), the rest scaled. */
    public static List<Draw> draws(long runSeed, int k, Limits limits) {
        if (k < 1 || k > 100) throw new IllegalArgumentException("variants per template must be 1..100, got " + k);
        SplittableRandom random = new SplittableRandom(runSeed);
        List<Draw> out = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            long seed = runSeed * 1000 + i + 1;
            double[] scale = i == 0 ? new double[] {1, 1, 1}
                    : new double[] {pick(random, limits.minX(), limits.maxX()), pick(random, limits.minY(), limits.maxY()),
                            pick(random, limits.minZ(), limits.maxZ())};
            out.add(new Draw(seed, scale));
        }
        return out;
    }

    /** Rounded to 3 decimals so file names, manifests and prompts show the same numbers the template received. */
    private static double pick(SplittableRandom r, double min, double max) {
        return Math.round((min + (max - min) * r.nextDouble()) * 1000) / 1000.0;
    }
}
