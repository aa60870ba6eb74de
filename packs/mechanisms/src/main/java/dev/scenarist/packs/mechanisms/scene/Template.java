package dev.scenarist.packs.mechanisms.scene;

/**
 * A parametric scene: the code a model writes once and the randomizer runs many times.
 *
 * <p>{@link #build} must be a pure function of its arguments: draw every random choice from {@code new Rng(seed)}
 * (never the clock, {@code Math.random()} or hash order), so the same seed and scale write byte-identical files.
 */
public interface Template {
    TemplateInfo info();

    Scene build(long seed, Scale scale);
}
