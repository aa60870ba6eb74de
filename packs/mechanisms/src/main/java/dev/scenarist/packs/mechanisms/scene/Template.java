package dev.scenarist.packs.mechanisms.scene;

import java.util.Optional;

/**
 * A parametric scene: the code a model writes once and the randomizer runs many times.
 *
 * <p>{@link #build} must be a pure function of its arguments: draw every random choice from {@code new Rng(seed)}
 * (never the clock, {@code Math.random()} or hash order), so the same seed and scale write byte-identical files.
 */
public interface Template {
    TemplateInfo info();

    Scene build(long seed, Scale scale);

    /**
     * What the scenario asks of an agent for this variant; empty for a scene without a task (the pack then judges
     * only the scene). A template that declares a task must also give a {@link #reference} solution.
     */
    default Optional<Task> task(long seed, Scale scale) {
        return Optional.empty();
    }

    /** A solution that passes {@link #task} in MuJoCo for this variant: the proof that the task can be done. */
    default Optional<Solution> reference(long seed, Scale scale) {
        return Optional.empty();
    }

    /** Optionally, a plausible wrong solution that must fail (a near miss an agent might try). */
    default Optional<Solution> wrong(long seed, Scale scale) {
        return Optional.empty();
    }
}
