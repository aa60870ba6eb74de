package dev.scenarist.app.appworld;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The plays of a benchmark and their success rate per family and overall. A play not judged counts as not passed. */
public record BenchReport(String agent, String user, List<PlayOutcome> plays) {
    public BenchReport {
        plays = List.copyOf(plays);
    }

    /** One family's (or the whole set's) counts. */
    public record Rate(String family, int scenarios, int passed, int failed, int notJudged) {
        /** Passed over scenarios, 0 for none. */
        public double successRate() {
            return scenarios == 0 ? 0 : (double) passed / scenarios;
        }

        /** As printed: {@code 66.7%}. */
        public String percent() {
            return String.format(java.util.Locale.ROOT, "%.1f%%", 100 * successRate());
        }

        Rate plus(PlayOutcome p) {
            return new Rate(family, scenarios + 1, passed + (p.status() == PlayOutcome.Status.PASS ? 1 : 0),
                    failed + (p.status() == PlayOutcome.Status.FAIL ? 1 : 0), notJudged + (p.status() == PlayOutcome.Status.NOT_JUDGED ? 1 : 0));
        }

        Map<String, Object> json() {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("family", family);
            o.put("scenarios", scenarios);
            o.put("passed", passed);
            o.put("failed", failed);
            o.put("not_judged", notJudged);
            o.put("success_rate", successRate());
            return o;
        }
    }

    /** Per family, by family name. */
    public List<Rate> families() {
        Map<String, Rate> by = new TreeMap<>();
        for (PlayOutcome p : plays) by.merge(p.scenario().family(), new Rate(p.scenario().family(), 0, 0, 0, 0).plus(p), (a, b) -> a.plus(p));
        return new ArrayList<>(by.values());
    }

    public Rate overall() {
        Rate r = new Rate("overall", 0, 0, 0, 0);
        for (PlayOutcome p : plays) r = r.plus(p);
        return r;
    }

    /** The machine-readable result: every play's verdict and missed goals, the rates per family and overall. */
    public Map<String, Object> json(Map<String, Object> source) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("agent", agent);
        o.put("user", user);
        o.put("source", source);
        o.put("scenarios", plays.stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("scenario_id", p.scenario().scenario().id());
            m.put("family", p.scenario().family());
            m.put("source", p.scenario().source().toString());
            m.put("verdict", p.status().wire());
            p.reason().ifPresent(r -> m.put("reason", r));
            m.put("missed_goals", p.status() == PlayOutcome.Status.FAIL ? p.missed().stream().map(PlayOutcome.Goal::id).toList() : List.of());
            return m;
        }).toList());
        o.put("families", families().stream().map(Rate::json).toList());
        o.put("overall", overall().json());
        return o;
    }
}
