package dev.scenarist.packs.mechanisms.internal.task;

import dev.scenarist.core.model.Finding;
import java.util.List;

/**
 * The proof for one variant that its task is solvable and not trivial: the reference passes, doing nothing fails, the
 * declared wrong solution fails, and the subject does not start inside the goal.
 *
 * @param reference the reference's verdict (its margin: {@code holdDepth} and {@code timeToSpare}); null when the
 *                  variant has no task or could not be played
 */
public record TaskProof(long seed, List<Double> scale, boolean hasTask, List<Finding> findings, Verdict reference,
                        Verdict noop, Verdict wrong) {
    public TaskProof {
        scale = List.copyOf(scale);
        findings = List.copyOf(findings);
    }

    public boolean passed() {
        return findings.stream().noneMatch(Finding::isError);
    }

    /** The margin the manifest records: how far inside the goal the reference stayed, and the time it had to spare. */
    public record Margin(double depthMetres, double timeToSpareSeconds) {}

    public Margin margin() {
        return reference == null || reference.measures().holdDepth() == null ? null
                : new Margin(reference.measures().holdDepth(), reference.measures().timeToSpare());
    }
}
