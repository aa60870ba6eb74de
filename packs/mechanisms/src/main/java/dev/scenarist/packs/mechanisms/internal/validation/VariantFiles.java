package dev.scenarist.packs.mechanisms.internal.validation;

import java.util.List;

/**
 * What the sandboxed build wrote for one variant, paths relative to the build folder.
 *
 * @param failure the exception {@code build(seed, scale)} threw, or empty when the scene was written
 */
public record VariantFiles(long seed, List<Double> scale, String scene, List<String> meshes, String failure) {
    public VariantFiles {
        scale = List.copyOf(scale);
        meshes = List.copyOf(meshes);
        failure = failure == null ? "" : failure;
    }

    public boolean built() {
        return failure.isEmpty();
    }

    /** How findings name this variant, e.g. {@code variant seed=5001 scale=[1.0, 1.0, 1.0]}. */
    public String label() {
        return "variant seed=" + seed + " scale=" + scale;
    }
}
