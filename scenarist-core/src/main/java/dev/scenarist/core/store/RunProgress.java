package dev.scenarist.core.store;

import dev.scenarist.core.model.Finding;
import dev.scenarist.core.model.Usage;
import java.util.List;
import java.util.Map;
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
 * @param bestScore         refine stages: the best score so far, or -1
 */
public record RunProgress(int stageIndex, int stageAttempts, int attemptSeq, List<Finding> lastFindings,
                          SortedMap<String, String> lastAttemptFiles, Map<String, String> stageOutputs,
                          long trajectoryBytes, Usage usage, double bestScore) {
    public static final RunProgress START =
            new RunProgress(0, 0, 0, List.of(), new TreeMap<>(), Map.of(), 0, Usage.ZERO, -1);

    public RunProgress {
        lastFindings = List.copyOf(lastFindings);
        lastAttemptFiles = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(lastAttemptFiles));
        stageOutputs = Map.copyOf(stageOutputs);
    }
}
