package dev.scenarist.core.store;

import dev.scenarist.core.model.Finding;
import dev.scenarist.core.model.Usage;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Where a run stands, committed with every attempt: enough to rebuild its workspace and continue after a crash.
 *
 * @param stageIndex        index of the stage in progress (== stage count when all passed)
 * @param stageAttempts     content attempts already spent in that stage
 * @param attemptSeq        attempts recorded for the run so far (the next attempt gets attemptSeq + 1)
 * @param lastFindings      findings of the last failed attempt, fed back to the next one
 * @param lastAttemptFiles  the files the last failed attempt wrote (re-applied on top of the stage's start snapshot on resume)
 * @param stageOutputs      text outputs of finished stages (reviews, gate notes, refine scores), by stage
 * @param trajectoryBytes   committed length of steps.jsonl; anything after it is an uncommitted tail and is cut on resume
 * @param usage             tokens and cost spent by this run
 * @param bestScore         refine stages: the best score so far, if a version has been scored (progress stored before
 *                          this was typed wrote -1 for none; any negative score read back means none)
 */
public record RunProgress(int stageIndex, int stageAttempts, int attemptSeq, List<Finding> lastFindings,
                          SortedMap<String, String> lastAttemptFiles, Map<String, String> stageOutputs,
                          long trajectoryBytes, Usage usage, OptionalDouble bestScore) {
    public static final RunProgress START =
            new RunProgress(0, 0, 0, List.of(), new TreeMap<>(), Map.of(), 0, Usage.ZERO, OptionalDouble.empty());

    public RunProgress {
        java.util.Objects.requireNonNull(usage, "usage");
        if (bestScore == null || (bestScore.isPresent() && bestScore.getAsDouble() < 0)) bestScore = OptionalDouble.empty();
        lastFindings = List.copyOf(lastFindings);
        lastAttemptFiles = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(lastAttemptFiles));
        stageOutputs = Map.copyOf(stageOutputs);
    }

    /** The stage passed: move to the next one with a clean slate. */
    public RunProgress stagePassed(int seq, Map<String, String> outputs, Usage spent) {
        return new RunProgress(stageIndex + 1, 0, seq, List.of(), new TreeMap<>(), outputs, trajectoryBytes, usage.plus(spent), OptionalDouble.empty());
    }

    /** Another attempt in the same stage was recorded. */
    public RunProgress attempted(int seq, int attemptsInStage, List<Finding> findings, SortedMap<String, String> files,
                                 OptionalDouble best, Usage spent) {
        return new RunProgress(stageIndex, attemptsInStage, seq, findings, files, stageOutputs, trajectoryBytes, usage.plus(spent), best);
    }

    public RunProgress withTrajectoryBytes(long bytes) {
        return new RunProgress(stageIndex, stageAttempts, attemptSeq, lastFindings, lastAttemptFiles, stageOutputs, bytes, usage, bestScore);
    }

    /** Back to the start of {@code stage}, forgetting the outputs of it and everything after. */
    public RunProgress rewoundTo(int stage, java.util.Collection<String> laterStages) {
        Map<String, String> kept = new java.util.HashMap<>(stageOutputs);
        kept.keySet().removeAll(laterStages);
        return new RunProgress(stage, 0, attemptSeq, List.of(), new TreeMap<>(), kept, trajectoryBytes, usage, OptionalDouble.empty());
    }
}
