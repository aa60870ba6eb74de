package dev.scenarist.core.analytics;

import dev.scenarist.core.analytics.AnalyticsReport.FailurePattern;
import dev.scenarist.core.analytics.AnalyticsReport.StageRate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A baseline campaign against a current one: the same measures side by side, with their difference
 * ({@code current - baseline}; absent when either side has no value).
 */
public record Comparison(String baseline, String current, List<MetricDelta> metrics, List<StageDelta> stages,
                         List<CodeDelta> failureCodes) {

    /** A named measure; rates are fractions (0.75), spend in dollars, tokens and seconds per accepted scenario. */
    public record MetricDelta(String name, Optional<Double> baseline, Optional<Double> current, Optional<Double> delta) {
        static MetricDelta of(String name, Optional<Double> b, Optional<Double> c) {
            return new MetricDelta(name, b, c, b.isPresent() && c.isPresent() ? Optional.of(c.get() - b.get()) : Optional.empty());
        }
    }

    /** A stage's first-attempt pass rate on both sides. */
    public record StageDelta(String stage, Ratio baseline, Ratio current, Optional<Double> delta) {}

    /** How often a check and code failed on both sides. */
    public record CodeDelta(String check, String code, long baseline, long current, long delta) {}

    static Comparison of(AnalyticsReport b, AnalyticsReport c) {
        List<MetricDelta> metrics = List.of(
                MetricDelta.of("success_rate", rate(b.successRate()), rate(c.successRate())),
                MetricDelta.of("first_attempt_pass_rate", rate(b.firstAttemptPassRate()), rate(c.firstAttemptPassRate())),
                MetricDelta.of("accepted", Optional.of((double) b.perAccepted().accepted()), Optional.of((double) c.perAccepted().accepted())),
                MetricDelta.of("cost_usd_per_accepted", b.perAccepted().costUsd(), c.perAccepted().costUsd()),
                MetricDelta.of("tokens_per_accepted", b.perAccepted().tokens(), c.perAccepted().tokens()),
                MetricDelta.of("seconds_per_accepted", b.perAccepted().seconds(), c.perAccepted().seconds()),
                MetricDelta.of("cost_usd_total", Optional.of(b.perAccepted().total().costUsd()), Optional.of(c.perAccepted().total().costUsd())));

        Map<String, Ratio> bs = new LinkedHashMap<>(), cs = new LinkedHashMap<>();
        for (StageRate s : b.stages()) bs.put(s.stage(), s.firstAttemptPassRate());
        for (StageRate s : c.stages()) cs.put(s.stage(), s.firstAttemptPassRate());
        List<StageDelta> stages = new ArrayList<>();
        for (String stage : new TreeSet<>(union(bs.keySet(), cs.keySet()))) {
            Ratio x = bs.getOrDefault(stage, Ratio.NONE), y = cs.getOrDefault(stage, Ratio.NONE);
            stages.add(new StageDelta(stage, x, y, x.rate() != null && y.rate() != null ? Optional.of(y.rate() - x.rate()) : Optional.empty()));
        }

        Map<String, FailurePattern> bf = new LinkedHashMap<>(), cf = new LinkedHashMap<>();
        for (FailurePattern f : b.failures()) bf.put(f.key(), f);
        for (FailurePattern f : c.failures()) cf.put(f.key(), f);
        List<CodeDelta> codes = new ArrayList<>();
        for (String key : union(bf.keySet(), cf.keySet())) {
            FailurePattern any = bf.containsKey(key) ? bf.get(key) : cf.get(key);
            long x = bf.containsKey(key) ? bf.get(key).occurrences() : 0, y = cf.containsKey(key) ? cf.get(key).occurrences() : 0;
            codes.add(new CodeDelta(any.check(), any.code(), x, y, y - x));
        }
        // the biggest changes first: that is what a person comparing two campaigns looks for
        codes.sort(java.util.Comparator.comparingLong((CodeDelta d) -> -Math.abs(d.delta()))
                .thenComparing(CodeDelta::check).thenComparing(CodeDelta::code));
        String baseline = b.filter().campaign().orElse(""), current = c.filter().campaign().orElse("");
        return new Comparison(baseline, current, metrics, stages, codes);
    }

    private static Optional<Double> rate(Ratio r) {
        return Optional.ofNullable(r.rate());
    }

    private static List<String> union(java.util.Collection<String> a, java.util.Collection<String> b) {
        List<String> out = new ArrayList<>(a);
        for (String k : b) if (!out.contains(k)) out.add(k);
        return out;
    }
}
