package dev.scenarist.core.store;

import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * The aggregate reads analytics needs, answered by the database rather than by loading every run and attempt: a
 * 10 000-run campaign is a handful of grouped rows here. Every query is limited to the given campaigns (an empty
 * collection selects nothing).
 */
public interface AnalyticsStore {
    /** How many runs of each campaign are in each state (and, for rejected runs, for which reason). */
    List<RunTally> runTallies(Collection<String> campaignIds);

    /** Attempts of each campaign grouped by stage, attempt number within the stage and verdict, with their usage summed. */
    List<AttemptTally> attemptTallies(Collection<String> campaignIds);

    /**
     * Every failed attempt's findings, streamed to {@code sink} one check at a time (never collected into one list):
     * the findings of each check that reported any, and a failed attempt's findings that no check reported (the reply
     * could not be parsed, an edit outside the stage's policy) under the check name {@link FindingRow#GUARDRAIL}.
     * Rows come in no promised order.
     */
    void forEachFailure(Collection<String> campaignIds, Consumer<FindingRow> sink);
}
