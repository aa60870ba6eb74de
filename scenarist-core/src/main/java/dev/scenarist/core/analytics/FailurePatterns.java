package dev.scenarist.core.analytics;

import dev.scenarist.core.analytics.AnalyticsReport.FailurePattern;
import dev.scenarist.core.analytics.AnalyticsReport.TrendPoint;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.store.FindingRow;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Folds the store's failure rows, one at a time, into patterns by check and code. Memory grows with the number of
 * distinct patterns, runs per pattern and hours of history, never with the number of findings.
 */
final class FailurePatterns implements Consumer<FindingRow> {
    /** Findings spanning longer than this are bucketed by day, shorter ones by hour. */
    static final Duration HOURLY_UP_TO = Duration.ofDays(2);
    private static final int EXAMPLES = 3;

    private final Map<String, Tally> tallies = new HashMap<>();
    private Instant first;
    private Instant last;

    /** A run a pattern was seen in, and when. */
    private record Seen(Instant at, String runId) {
        static final Comparator<Seen> NEWEST_FIRST = Comparator.comparing(Seen::at).reversed().thenComparing(Seen::runId);
    }

    /** One pattern while rows arrive. */
    private static final class Tally {
        final String check;
        final String code;
        long occurrences;
        final Set<String> runs = new HashSet<>();
        final Map<String, Long> stages = new HashMap<>();
        final Map<String, Long> messages = new HashMap<>();
        final Map<String, Long> hints = new HashMap<>();
        final Map<String, Long> fixes = new HashMap<>();
        final TreeMap<Instant, Long> hourly = new TreeMap<>();
        /** The latest runs it was seen in: (time, run id), newest first, at most {@link #EXAMPLES}. */
        final List<Seen> latest = new ArrayList<>();

        Tally(String check, String code) {
            this.check = check;
            this.code = code;
        }
    }

    @Override
    public void accept(FindingRow row) {
        Instant at = row.at() == null ? Instant.EPOCH : row.at();
        for (Finding f : row.findings()) {
            if (!f.isError()) continue; // warnings never failed an attempt
            Tally t = tallies.computeIfAbsent(row.check() + "\u0000" + f.code(), k -> new Tally(row.check(), f.code()));
            t.occurrences++;
            t.runs.add(row.runId());
            t.stages.merge(row.stage(), 1L, Long::sum);
            t.messages.merge(MessagePattern.of(f.message()), 1L, Long::sum);
            if (!f.hint().isBlank()) t.hints.merge(f.hint().strip(), 1L, Long::sum);
            if (!f.fix().isBlank()) t.fixes.merge(f.fix().strip(), 1L, Long::sum);
            t.hourly.merge(at.truncatedTo(ChronoUnit.HOURS), 1L, Long::sum);
            t.latest.removeIf(s -> s.runId().equals(row.runId()) && !s.at().isAfter(at));
            if (t.latest.stream().noneMatch(s -> s.runId().equals(row.runId()))) {
                t.latest.add(new Seen(at, row.runId()));
                t.latest.sort(Seen.NEWEST_FIRST);
                if (t.latest.size() > EXAMPLES) t.latest.removeLast();
            }
            first = first == null || at.isBefore(first) ? at : first;
            last = last == null || at.isAfter(last) ? at : last;
        }
    }

    /** {@code hour} or {@code day}. */
    String bucket() {
        return first != null && Duration.between(first, last).compareTo(HOURLY_UP_TO) > 0 ? "day" : "hour";
    }

    /** The patterns, most frequent first (ties by check, then code), each with its trend over the same buckets. */
    List<FailurePattern> patterns() {
        ChronoUnit unit = bucket().equals("day") ? ChronoUnit.DAYS : ChronoUnit.HOURS;
        List<FailurePattern> out = new ArrayList<>();
        for (Tally t : tallies.values()) {
            out.add(new FailurePattern(t.check, t.code, mostFrequent(t.stages),
                    new AnalyticsReport.Seen(t.occurrences, t.runs.size(), t.latest.stream().map(Seen::runId).toList()),
                    new AnalyticsReport.Words(mostFrequent(t.messages), mostFrequent(t.hints), mostFrequent(t.fixes)),
                    trend(t.hourly, unit)));
        }
        out.sort(Comparator.comparingLong(FailurePattern::occurrences).reversed()
                .thenComparing(FailurePattern::check).thenComparing(FailurePattern::code));
        return out;
    }

    /** Counts per bucket from the first to the last bucket of all findings, empty buckets as 0, so trends line up. */
    private List<TrendPoint> trend(TreeMap<Instant, Long> hourly, ChronoUnit unit) {
        if (first == null) return List.of();
        TreeMap<Instant, Long> buckets = new TreeMap<>();
        hourly.forEach((hour, n) -> buckets.merge(hour.truncatedTo(unit), n, Long::sum));
        List<TrendPoint> points = new ArrayList<>();
        for (Instant b = first.truncatedTo(unit); !b.isAfter(last.truncatedTo(unit)); b = b.plus(1, unit)) {
            points.add(new TrendPoint(b, buckets.getOrDefault(b, 0L)));
        }
        return points;
    }

    /** The most frequent key; ties go to the smallest, so the answer does not depend on the order rows came in. */
    private static String mostFrequent(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .min(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).orElse("");
    }
}
