package dev.scenarist.core.pack;

import dev.scenarist.core.model.Finding;
import dev.scenarist.core.model.RunState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What the store holds of one campaign, in the pack API's terms, for a pack's own figures: its runs (parameters,
 * state), every attempt (stage, attempt number, outcome, findings, times) and every check's score (refine stages keep
 * the scores that rank their rounds).
 */
public record CampaignEvidence(List<RunFacts> runs, List<AttemptFacts> attempts, List<CheckScore> scores) {
    public CampaignEvidence {
        runs = List.copyOf(runs);
        attempts = List.copyOf(attempts);
        scores = List.copyOf(scores);
    }

    /** One run: the parameters its seed chose and where it ended (or stands). */
    public record RunFacts(String runId, Map<String, Object> parameters, RunState state) {
        public RunFacts {
            Objects.requireNonNull(runId, "runId");
            parameters = Map.copyOf(parameters);
            Objects.requireNonNull(state, "state");
        }
    }

    /** How an attempt ended: its checks passed, they failed, or it was not judged (infrastructure, budget). */
    public enum Outcome { PASSED, FAILED, NOT_JUDGED }

    /**
     * Which attempt: its run, its position among the run's attempts ({@code seq}, what {@link CheckScore} refers to),
     * its stage and its number within the stage (1-based; a refine stage numbers its rounds from 0).
     */
    public record AttemptRef(String runId, int seq, String stage, int stageAttempt) {
        public AttemptRef {
            Objects.requireNonNull(runId, "runId");
            Objects.requireNonNull(stage, "stage");
        }
    }

    /** One attempt: which, how it ended, what its checks found and when it ran. */
    public record AttemptFacts(AttemptRef ref, Outcome outcome, List<Finding> findings, Instant startedAt, Instant finishedAt) {
        public AttemptFacts {
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(outcome, "outcome");
            findings = List.copyOf(findings);
        }
    }

    /** The score one check gave in one attempt ({@code attemptSeq} is the attempt's {@link AttemptRef#seq}), if it scored. */
    public record CheckScore(String runId, int attemptSeq, String check, OptionalDouble score) {}
}
