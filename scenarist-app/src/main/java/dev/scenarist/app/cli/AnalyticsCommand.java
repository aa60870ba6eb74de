package dev.scenarist.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.scenarist.core.analytics.Analytics;
import dev.scenarist.core.analytics.AnalyticsFilter;
import dev.scenarist.core.analytics.AnalyticsReport;
import dev.scenarist.core.analytics.Comparison;
import dev.scenarist.core.analytics.Ratio;
import dev.scenarist.core.model.Json;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "analytics", mixinStandardHelpOptions = true,
        description = {"Success rates (per campaign, pack, category), first-attempt pass rate and attempts-to-pass per stage,",
                "spend per accepted scenario, failure patterns, and pass rates with and without lessons.",
                "A run counts as judged when it was accepted or rejected for its content; budget stops, infrastructure",
                "failures, cancelled and unfinished runs count neither way."},
        subcommands = {AnalyticsCommand.Compare.class})
final class AnalyticsCommand implements Callable<Integer> {
    /** The API's JSON shape (snake_case), so a script can read either. */
    /**
     * Built at first use, not when the class is: picocli creates every subcommand at every start, and a Jackson mapper
     * made then costs every command (even {@code --help}) about 0.1 s.
     */
    private static final class Snake {
        static final ObjectMapper MAPPER = Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    }

    @ParentCommand
    ScenaristCommand root;

    @Option(names = "--campaign", paramLabel = "ID", description = "Only this campaign.")
    String campaign;

    @Option(names = "--pack", paramLabel = "PACK", description = "Only the campaigns of this pack.")
    String pack;

    @Option(names = "--category", paramLabel = "C", description = "Only the campaigns of this category.")
    String category;

    @Override
    public Integer call() {
        Output out = root.output();
        try (var app = root.open()) {
            AnalyticsReport r = new Analytics(app.store()).report(new AnalyticsFilter(Optional.ofNullable(campaign), Optional.ofNullable(pack),
                    Optional.ofNullable(category)));
            out.human().print(render(r));
            if (out.json()) document(out, r);
        }
        return 0;
    }

    static void document(Output out, Object value) {
        out.document(Snake.MAPPER.convertValue(value, Object.class));
    }

    static String render(AnalyticsReport r) {
        StringBuilder b = new StringBuilder();
        var p = r.perAccepted();
        b.append(r.filter().describe()).append(": ").append(r.campaigns().size()).append(" campaign(s)\n");
        b.append("success rate ").append(ratio(r.successRate())).append(", first-attempt pass rate ").append(ratio(r.firstAttemptPassRate()))
                .append(", accepted ").append(p.accepted()).append('\n');
        b.append("per accepted scenario: ").append(p.costUsd().map(v -> String.format(Locale.ROOT, "$%.4f", v)).orElse("–")).append(", ")
                .append(p.tokens().map(v -> String.format(Locale.ROOT, "%.0f tokens", v)).orElse("– tokens")).append(", ")
                .append(p.seconds().map(v -> String.format(Locale.ROOT, "%.1f s", v)).orElse("– s")).append("\n\n");
        Table c = new Table("campaign", "pack", "category", "lessons", "runs", "accepted", "success", "first attempt", "cost");
        for (var row : r.campaigns()) {
            c.row(row.id(), row.pack(), row.category(), row.lessons() ? "on" : "off", row.runs().total(), row.runs().accepted(),
                    ratio(row.successRate()), ratio(row.firstAttemptPassRate()), String.format(Locale.ROOT, "$%.4f", row.usage().costUsd()));
        }
        b.append(c.isEmpty() ? "no campaigns match\n" : c.render()).append('\n');
        Table s = new Table("stage", "first attempt", "passed at attempt 1, 2, …", "attempts");
        for (var st : r.stages()) s.row(st.stage(), ratio(st.firstAttemptPassRate()), st.passedAtAttempt(), st.attempts());
        if (!s.isEmpty()) b.append(s.render()).append('\n');
        Table l = new Table("pack", "lessons", "campaigns", "success", "first attempt");
        for (var e : r.lessonEffect()) l.row(e.pack(), e.lessons() ? "with" : "without", e.campaigns(), ratio(e.successRate()), ratio(e.firstAttemptPassRate()));
        if (!l.isEmpty()) b.append(l.render()).append('\n');
        Table f = new Table("check", "code", "stage", "findings", "runs", "message", "example runs");
        for (var fp : r.failures()) {
            f.row(fp.check(), fp.code(), fp.stage(), fp.occurrences(), fp.runs(), fp.messagePattern(), String.join(" ", fp.exampleRunIds()));
        }
        b.append(f.isEmpty() ? "no failed checks\n" : "failure patterns:\n" + f.render());
        return b.toString();
    }

    static String ratio(Ratio r) {
        return r.percent() + " (" + r.part() + "/" + r.whole() + ")";
    }

    @Command(name = "compare", mixinStandardHelpOptions = true,
            description = "Compare a baseline campaign with a current one: pass rates, cost, failure codes, with Δ (current − baseline).")
    static final class Compare implements Callable<Integer> {
        @ParentCommand
        AnalyticsCommand parent;

        @Parameters(index = "0", paramLabel = "BASELINE", description = "The campaign to compare against.")
        String baseline;

        @Parameters(index = "1", paramLabel = "CURRENT", description = "The campaign to compare.")
        String current;

        @Override
        public Integer call() {
            Output out = parent.root.output();
            try (var app = parent.root.open()) {
                Comparison c = new Analytics(app.store()).compare(baseline, current);
                Table m = new Table("measure", "baseline", "current", "Δ");
                for (var d : c.metrics()) m.row(d.name(), num(d.name(), d.baseline()), num(d.name(), d.current()), delta(d.name(), d.delta()));
                StringBuilder b = new StringBuilder(c.baseline() + " → " + c.current() + "\n").append(m.render()).append('\n');
                Table s = new Table("stage", "baseline first attempt", "current first attempt", "Δ");
                for (var d : c.stages()) s.row(d.stage(), ratio(d.baseline()), ratio(d.current()), delta("rate", d.delta()));
                if (!s.isEmpty()) b.append(s.render()).append('\n');
                Table f = new Table("check", "code", "baseline", "current", "Δ");
                for (var d : c.failureCodes()) f.row(d.check(), d.code(), d.baseline(), d.current(), (d.delta() > 0 ? "+" : "") + d.delta());
                b.append(f.isEmpty() ? "no failed checks on either side\n" : f.render());
                out.human().print(b);
                if (out.json()) {
                    var doc = new java.util.LinkedHashMap<String, Object>();
                    doc.put("baseline", c.baseline());
                    doc.put("current", c.current());
                    doc.put("metrics", c.metrics());
                    doc.put("stages", c.stages());
                    doc.put("failure_codes", c.failureCodes());
                    document(out, doc);
                }
            }
            return 0;
        }

        private static String num(String name, Optional<Double> v) {
            if (v.isEmpty()) return "–";
            return name.contains("rate") ? String.format(Locale.ROOT, "%.1f%%", 100 * v.get()) : String.format(Locale.ROOT, "%.4f", v.get());
        }

        private static String delta(String name, Optional<Double> v) {
            if (v.isEmpty()) return "–";
            String sign = v.get() > 0 ? "+" : "";
            return sign + (name.contains("rate") ? String.format(Locale.ROOT, "%.1f pts", 100 * v.get()) : String.format(Locale.ROOT, "%.4f", v.get()));
        }
    }
}
