package dev.scenarist.core.analytics;

import dev.scenarist.core.analytics.AnalyticsReport.AttemptsBucket;
import dev.scenarist.core.analytics.AnalyticsReport.CampaignRow;
import dev.scenarist.core.analytics.AnalyticsReport.GroupRate;
import dev.scenarist.core.analytics.AnalyticsReport.LessonEffect;
import dev.scenarist.core.analytics.AnalyticsReport.PerAccepted;
import dev.scenarist.core.analytics.AnalyticsReport.RunCounts;
import dev.scenarist.core.analytics.AnalyticsReport.StageRate;
import dev.scenarist.core.campaign.CampaignSpec;
import dev.scenarist.core.model.RejectReason;
import dev.scenarist.core.model.Usage;
import dev.scenarist.core.store.AttemptTally;
import dev.scenarist.core.store.AttemptVerdict;
import dev.scenarist.core.store.CampaignRecord;
import dev.scenarist.core.store.RunTally;
import dev.scenarist.core.store.Store;
import dev.scenarist.core.text.DidYouMean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The analytics facade: the CLI ({@code scenarist analytics}), the API ({@code /api/analytics}) and the dashboard's
 * {@code /analytics} page all get their numbers here, so they agree. Reads only; three grouped store reads per
 * report whatever the campaigns' size (see {@link dev.scenarist.core.store.AnalyticsStore}).
 */
public final class Analytics {
    private final Store store;

    public Analytics(Store store) {
        this.store = store;
    }

    /** @throws UnknownCampaignException when the filter names a campaign the store does not hold */
    public AnalyticsReport report(AnalyticsFilter filter) {
        List<Scoped> scoped = campaigns(filter);
        List<String> ids = scoped.stream().map(s -> s.record().id()).toList();
        Map<String, RunCounts> runs = runCounts(store.analytics().runTallies(ids));
        List<AttemptTally> attempts = store.analytics().attemptTallies(ids);
        Map<String, List<AttemptTally>> attemptsByCampaign = new HashMap<>();
        for (AttemptTally t : attempts) attemptsByCampaign.computeIfAbsent(t.campaignId(), k -> new ArrayList<>()).add(t);
        FailurePatterns failures = new FailurePatterns();
        store.analytics().forEachFailure(ids, failures);

        List<CampaignRow> rows = new ArrayList<>();
        for (Scoped s : scoped) {
            CampaignRecord c = s.record();
            RunCounts rc = runs.getOrDefault(c.id(), RunCounts.ZERO);
            List<AttemptTally> ta = attemptsByCampaign.getOrDefault(c.id(), List.of());
            rows.add(new CampaignRow(c.id(), new AnalyticsReport.Labels(c.pack(), s.spec().category(), s.spec().lessons(), c.status().label(),
                    c.requested()), rc, rc.successRate(), firstAttempts(ta), new AnalyticsReport.Spend(usage(ta), c.activeMillis())));
        }
        RunCounts all = rows.stream().map(CampaignRow::runs).reduce(RunCounts.ZERO, RunCounts::plus);
        return new AnalyticsReport(filter, rows,
                new AnalyticsReport.Totals(all.successRate(), firstAttempts(attempts), perAccepted(rows)),
                new AnalyticsReport.Groups(groups(rows, CampaignRow::pack), groups(rows, CampaignRow::category), lessonEffect(rows, attemptsByCampaign)),
                new AnalyticsReport.StageStats(stages(attempts), attemptsToPass(attempts)),
                new AnalyticsReport.FailureStats(failures.bucket(), failures.patterns()));
    }

    /** Only the failure patterns of the filter's campaigns, most frequent first (what lessons are learnt from). */
    public List<AnalyticsReport.FailurePattern> failurePatterns(AnalyticsFilter filter) {
        List<String> ids = campaigns(filter).stream().map(s -> s.record().id()).toList();
        FailurePatterns failures = new FailurePatterns();
        store.analytics().forEachFailure(ids, failures);
        return failures.patterns();
    }

    /** Baseline against current, with the differences. */
    public Comparison compare(String baselineId, String currentId) {
        return Comparison.of(report(AnalyticsFilter.campaign(baselineId)), report(AnalyticsFilter.campaign(currentId)));
    }

    // --- scope ---

    private record Scoped(CampaignRecord record, CampaignSpec spec) {}

    private List<Scoped> campaigns(AnalyticsFilter filter) {
        List<CampaignRecord> all = store.campaigns().list();
        if (filter.campaign().isPresent()) {
            String id = filter.campaign().get();
            if (all.stream().noneMatch(c -> c.id().equals(id))) {
                throw new UnknownCampaignException("no campaign " + id + "; "
                        + DidYouMean.hint(id, all.stream().map(CampaignRecord::id).toList()) + "list them with 'scenarist campaigns'");
            }
        }
        List<Scoped> out = new ArrayList<>();
        for (CampaignRecord c : all) {
            if (filter.campaign().filter(id -> !id.equals(c.id())).isPresent()) continue;
            if (filter.pack().filter(p -> !p.equals(c.pack())).isPresent()) continue;
            CampaignSpec spec = CampaignSpec.of(c);
            if (filter.category().filter(cat -> !cat.equals(spec.category())).isPresent()) continue;
            out.add(new Scoped(c, spec));
        }
        return out;
    }

    // --- runs ---

    private static Map<String, RunCounts> runCounts(List<RunTally> tallies) {
        Map<String, RunCounts> out = new HashMap<>();
        for (RunTally t : tallies) out.merge(t.campaignId(), counts(t), RunCounts::plus);
        return out;
    }

    private static RunCounts counts(RunTally t) {
        long n = t.runs();
        return switch (t.state()) {
            case ACCEPTED -> new RunCounts(n, 0, 0, 0, 0, 0);
            case REJECTED -> t.rejectReason().filter(r -> r == RejectReason.BUDGET).isPresent()
                    ? new RunCounts(0, 0, n, 0, 0, 0) : new RunCounts(0, n, 0, 0, 0, 0);
            case FAILED_INFRA -> new RunCounts(0, 0, 0, n, 0, 0);
            case CANCELLED -> new RunCounts(0, 0, 0, 0, n, 0);
            case QUEUED, RUNNING, PAUSED -> new RunCounts(0, 0, 0, 0, 0, n);
        };
    }

    private static List<GroupRate> groups(List<CampaignRow> rows, Function<CampaignRow, String> key) {
        Map<String, List<CampaignRow>> by = new TreeMap<>();
        for (CampaignRow r : rows) by.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r);
        List<GroupRate> out = new ArrayList<>();
        by.forEach((k, rs) -> {
            RunCounts sum = rs.stream().map(CampaignRow::runs).reduce(RunCounts.ZERO, RunCounts::plus);
            out.add(new GroupRate(k, rs.size(), sum, sum.successRate()));
        });
        return out;
    }

    // --- attempts ---

    /** Passed of judged first attempts (passed or failed). */
    private static Ratio firstAttempts(List<AttemptTally> tallies) {
        long passed = 0, judged = 0;
        for (AttemptTally t : tallies) {
            if (t.stageAttempt() != 1) continue;
            if (t.verdict() == AttemptVerdict.PASSED) passed += t.attempts();
            if (t.verdict() == AttemptVerdict.PASSED || t.verdict() == AttemptVerdict.FAILED) judged += t.attempts();
        }
        return new Ratio(passed, judged);
    }

    private static Usage usage(List<AttemptTally> tallies) {
        return tallies.stream().map(AttemptTally::usage).reduce(Usage.ZERO, Usage::plus);
    }

    private static List<StageRate> stages(List<AttemptTally> tallies) {
        Map<String, List<AttemptTally>> by = new LinkedHashMap<>();
        for (AttemptTally t : tallies) by.computeIfAbsent(t.stage(), k -> new ArrayList<>()).add(t);
        List<StageRate> out = new ArrayList<>();
        by.forEach((stage, ts) -> {
            TreeMap<Integer, Long> passed = new TreeMap<>();
            long attempts = 0, failed = 0;
            for (AttemptTally t : ts) {
                attempts += t.attempts();
                if (t.verdict() == AttemptVerdict.FAILED) failed += t.attempts();
                if (t.verdict() == AttemptVerdict.PASSED && t.stageAttempt() >= 1) passed.merge(t.stageAttempt(), t.attempts(), Long::sum);
            }
            out.add(new StageRate(stage, firstAttempts(ts), dense(passed), attempts, failed));
        });
        out.sort(java.util.Comparator.comparing(StageRate::stage));
        return out;
    }

    private static List<AttemptsBucket> attemptsToPass(List<AttemptTally> tallies) {
        TreeMap<Integer, Long> passed = new TreeMap<>();
        for (AttemptTally t : tallies) {
            if (t.verdict() == AttemptVerdict.PASSED && t.stageAttempt() >= 1) passed.merge(t.stageAttempt(), t.attempts(), Long::sum);
        }
        List<Long> counts = dense(passed);
        List<AttemptsBucket> out = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) out.add(new AttemptsBucket(i + 1, counts.get(i)));
        return out;
    }

    /** Counts for attempts 1..max, zeros included. */
    private static List<Long> dense(TreeMap<Integer, Long> byAttempt) {
        if (byAttempt.isEmpty()) return List.of();
        List<Long> out = new ArrayList<>();
        for (int a = 1; a <= byAttempt.lastKey(); a++) out.add(byAttempt.getOrDefault(a, 0L));
        return out;
    }

    private static PerAccepted perAccepted(List<CampaignRow> rows) {
        long accepted = rows.stream().mapToLong(r -> r.runs().accepted()).sum();
        Usage total = rows.stream().map(CampaignRow::usage).reduce(Usage.ZERO, Usage::plus);
        long active = rows.stream().mapToLong(CampaignRow::activeMillis).sum();
        if (accepted == 0) return new PerAccepted(0, total, active, Optional.empty(), Optional.empty(), Optional.empty());
        return new PerAccepted(accepted, total, active, Optional.of(total.costUsd() / accepted),
                Optional.of((double) total.totalTokens() / accepted), Optional.of(active / 1000.0 / accepted));
    }

    private static List<LessonEffect> lessonEffect(List<CampaignRow> rows, Map<String, List<AttemptTally>> attempts) {
        record Key(String pack, boolean lessons) {}
        Map<Key, List<CampaignRow>> by = new TreeMap<>(java.util.Comparator.comparing(Key::pack).thenComparing(Key::lessons));
        for (CampaignRow r : rows) by.computeIfAbsent(new Key(r.pack(), r.lessons()), k -> new ArrayList<>()).add(r);
        List<LessonEffect> out = new ArrayList<>();
        by.forEach((k, rs) -> {
            RunCounts sum = rs.stream().map(CampaignRow::runs).reduce(RunCounts.ZERO, RunCounts::plus);
            List<AttemptTally> ta = rs.stream().flatMap(r -> attempts.getOrDefault(r.id(), List.of()).stream()).toList();
            out.add(new LessonEffect(k.pack(), k.lessons(), rs.size(), sum, sum.successRate(), firstAttempts(ta)));
        });
        return out;
    }
}
