package dev.scenarist.packs.mechanisms.internal.task;

import dev.scenarist.core.model.Finding;
import java.util.List;

/**
 * The proof for one variant that its task is solvable and not trivial: the reference passes, doing nothing fails, the
 * declared wrong solution fails, and the subject does not start inside the goal.
 *
 * @param plays the verdicts of the reference (its margin: {@code holdDepth} and {@code timeToSpare}), of doing
 *              nothing and of the wrong solution
 */
public record TaskProof(long seed, List<Double> scale, boolean hasTask, List<Finding> findings, Plays plays) {
    public TaskProof {
        scale = List.copyOf(scale);
        findings = List.copyOf(findings);
        plays = plays == null ? new Plays(null, null, null) : plays;
    }

    /** The three solutions' verdicts; each null when it was not played (no task, no wrong solution, not playable). */
    public record Plays(Verdict reference, Verdict noop, Verdict wrong) {}

    public Verdict reference() {
        return plays.reference();
    }

    public Verdict noop() {
        return plays.noop();
    }

    public Verdict wrong() {
        return plays.wrong();
    }

    public boolean passed() {
        return findings.stream().noneMatch(Finding::isError);
    }

    /** The margin the manifest records: how far inside the goal the reference stayed, and the time it had to spare. */
    public record Margin(double depthMetres, double timeToSpareSeconds) {}

    public Margin margin() {
        Verdict reference = plays.reference();
        return reference == null || reference.measures().holdDepth() == null ? null
                : new Margin(reference.measures().holdDepth(), reference.measures().timeToSpare());
    }
}
