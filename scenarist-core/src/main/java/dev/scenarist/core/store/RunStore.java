package dev.scenarist.core.store;

import java.util.List;
import java.util.Optional;

public interface RunStore {
    void create(RunRecord run);

    Optional<RunRecord> find(String id);

    /** Runs of a campaign in ordinal order. */
    List<RunRecord> byCampaign(String campaignId);

    /**
     * How many runs of a campaign are in each state (states without runs absent): what a listing shows, without
     * reading and decoding every run (their parameters and progress are JSON; for {@code scenarist campaigns} that
     * decoding was a third of its CPU).
     */
    default java.util.Map<dev.scenarist.core.model.RunState, Integer> stateCounts(String campaignId) {
        java.util.Map<dev.scenarist.core.model.RunState, Integer> counts = new java.util.EnumMap<>(dev.scenarist.core.model.RunState.class);
        for (RunRecord r : byCampaign(campaignId)) counts.merge(r.state(), 1, Integer::sum);
        return counts;
    }

    /** The most recent runs of all campaigns, newest first. */
    List<RunRecord> recent(int limit);

    /** Stores {@code run} if the stored version is {@code run.version() - 1}; otherwise {@link StaleRunException}. */
    void update(RunRecord run);

    /** Attempt, calls, checks and the run's new version in one transaction (same version rule as {@link #update}). */
    void commitAttempt(AttemptCommit commit);

    List<AttemptRecord> attempts(String runId);

    List<AttemptRecord> attemptsOfCampaign(String campaignId);

    List<AuthorCallRecord> authorCalls(String runId);

    List<CheckRecord> checks(String runId);
}
