package dev.scenarist.core.analytics;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.scenarist.core.model.Usage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What analytics found for the campaigns of a filter.
 *
 * <p>Definitions, the same everywhere (CLI, API, pages): a run is <em>judged</em> when it was accepted or rejected for
 * its content (checks exhausted, duplicate, a gate); runs that failed on infrastructure, were stopped by the budget,
 * were cancelled or are unfinished are not judged, so they neither raise nor lower a success rate. The
 * <em>success rate</em> is accepted of judged runs. A stage's <em>first-attempt pass rate</em> is passed of judged
 * first attempts (passed or failed; infrastructure errors and budget stops are not judged). Spend per accepted
 * scenario is everything the campaigns spent (rejected runs included: they are the price of the accepted ones)
 * divided by the accepted count.
 *
 * <p>Its JSON is one flat object: the parts ({@link Totals}, {@link Groups}, {@link StageStats}, {@link FailureStats})
 * are unwrapped into it.
 */
public record AnalyticsReport(AnalyticsFilter filter, List<CampaignRow> campaigns, @JsonUnwrapped Totals totals,
                              @JsonUnwrapped Groups groups, @JsonUnwrapped StageStats stageStats, @JsonUnwrapped FailureStats failureStats) {

    /** Over all the filter's campaigns. */
    public record Totals(Ratio successRate, Ratio firstAttemptPassRate, PerAccepted perAccepted) {}

    /** Success rates per pack and per category, and per pack with and without lessons. */
    public record Groups(List<GroupRate> byPack, List<GroupRate> byCategory, List<LessonEffect> lessonEffect) {}

    /** Per stage, and the attempts-to-pass distribution over all stages. */
    public record StageStats(List<StageRate> stages, List<AttemptsBucket> attemptsToPass) {}

    /**
     * @param trendBucket {@code hour} or {@code day}: the width of the failure trend's buckets (hours unless the findings
     *                    span more than two days)
     */
    public record FailureStats(String trendBucket, List<FailurePattern> failures) {}

    public Ratio successRate() {
        return totals.successRate();
    }

    public Ratio firstAttemptPassRate() {
        return totals.firstAttemptPassRate();
    }

    public PerAccepted perAccepted() {
        return totals.perAccepted();
    }

    public List<GroupRate> byPack() {
        return groups.byPack();
    }

    public List<GroupRate> byCategory() {
        return groups.byCategory();
    }

    public List<LessonEffect> lessonEffect() {
        return groups.lessonEffect();
    }

    public List<StageRate> stages() {
        return stageStats.stages();
    }

    public List<AttemptsBucket> attemptsToPass() {
        return stageStats.attemptsToPass();
    }

    public String trendBucket() {
        return failureStats.trendBucket();
    }

    public List<FailurePattern> failures() {
        return failureStats.failures();
    }

    /** One campaign's numbers. */
    public record CampaignRow(String id, @JsonUnwrapped Labels labels, RunCounts runs, Ratio successRate, Ratio firstAttemptPassRate,
                              @JsonUnwrapped Spend spend) {
        public String pack() {
            return labels.pack();
        }

        public String category() {
            return labels.category();
        }

        public boolean lessons() {
            return labels.lessons();
        }

        public Usage usage() {
            return spend.usage();
        }

        public long activeMillis() {
            return spend.activeMillis();
        }
    }

    /** What a campaign is: its pack, category, whether it used lessons, its status and how many scenarios it asked for. */
    public record Labels(String pack, String category, boolean lessons, String status, int requested) {}

    /** What a campaign spent: tokens and dollars, and active wall time. */
    public record Spend(Usage usage, long activeMillis) {}

    /**
     * Runs by how they ended ({@code total} in JSON is their sum).
     *
     * @param rejectedForContent rejected for checks exhausted, duplicate or a gate (budget rejections are in {@code budgetStopped})
     * @param unfinished         queued, running or paused
     */
    public record RunCounts(long accepted, long rejectedForContent, long budgetStopped, long failedInfra, long cancelled, long unfinished) {
        public static final RunCounts ZERO = new RunCounts(0, 0, 0, 0, 0, 0);

        @JsonProperty("total")
        public long total() {
            return accepted + rejectedForContent + budgetStopped + failedInfra + cancelled + unfinished;
        }

        public RunCounts plus(RunCounts o) {
            return new RunCounts(accepted + o.accepted, rejectedForContent + o.rejectedForContent, budgetStopped + o.budgetStopped,
                    failedInfra + o.failedInfra, cancelled + o.cancelled, unfinished + o.unfinished);
        }

        public Ratio successRate() {
            return new Ratio(accepted, accepted + rejectedForContent);
        }
    }

    /** The success rate of a group of campaigns (a pack, a category: {@code key}; empty category is {@code ""}). */
    public record GroupRate(String key, int campaigns, RunCounts runs, Ratio successRate) {}

    /**
     * One stage.
     *
     * @param passedAtAttempt how many times the stage passed at its 1st, 2nd, … attempt (index 0 is the 1st)
     */
    public record StageRate(String stage, Ratio firstAttemptPassRate, List<Long> passedAtAttempt, long attempts,
                            long failedAttempts) {}

    /** The stages passed at their {@code attempt}-th attempt, over all stages. */
    public record AttemptsBucket(int attempt, long passes) {}

    /**
     * Spend per accepted scenario; the per-scenario values are absent when nothing was accepted.
     *
     * @param activeMillis campaigns' active wall time, summed
     */
    public record PerAccepted(long accepted, Usage total, long activeMillis, Optional<Double> costUsd, Optional<Double> tokens,
                              Optional<Double> seconds) {}

    /**
     * Findings of one check and code, over the failed attempts of the filter's campaigns (JSON: flat).
     *
     * @param stage the stage it was seen in most
     * @param trend occurrences per bucket (of {@link AnalyticsReport#trendBucket()}), oldest first, empty buckets included
     */
    public record FailurePattern(String check, String code, String stage, @JsonUnwrapped Seen seen, @JsonUnwrapped Words words,
                                 List<TrendPoint> trend) {
        public String key() {
            return check + ":" + code;
        }

        public long occurrences() {
            return seen.occurrences();
        }

        public long runs() {
            return seen.runs();
        }

        public List<String> exampleRunIds() {
            return seen.exampleRunIds();
        }

        public String messagePattern() {
            return words.messagePattern();
        }

        public String hint() {
            return words.hint();
        }

        public String fix() {
            return words.fix();
        }
    }

    /**
     * How often a pattern was seen.
     *
     * @param occurrences   error findings with its check and code
     * @param runs          distinct runs they occurred in
     * @param exampleRunIds up to three runs it occurred in, latest first
     */
    public record Seen(long occurrences, long runs, List<String> exampleRunIds) {}

    /**
     * What a pattern says.
     *
     * @param messagePattern its most frequent message, with values taken out ({@link MessagePattern})
     * @param hint           its most frequent hint for the model, empty when none
     * @param fix            its most frequent fix for people, empty when none
     */
    public record Words(String messagePattern, String hint, String fix) {}

    /** {@code count} occurrences in the bucket starting at {@code start}. */
    public record TrendPoint(Instant start, long count) {}

    /** Campaigns of one pack that did ({@code lessons}) or did not use lessons, measured side by side. */
    public record LessonEffect(String pack, boolean lessons, int campaigns, RunCounts runs, Ratio successRate,
                               Ratio firstAttemptPassRate) {}
}
