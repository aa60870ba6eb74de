package dev.scenarist.server.pages;

import dev.scenarist.core.analytics.Analytics;
import dev.scenarist.core.analytics.AnalyticsFilter;
import dev.scenarist.core.analytics.AnalyticsReport;
import dev.scenarist.core.analytics.AnalyticsReport.CampaignRow;
import dev.scenarist.core.analytics.AnalyticsReport.FailurePattern;
import dev.scenarist.core.analytics.AnalyticsReport.GroupRate;
import dev.scenarist.core.analytics.AnalyticsReport.LessonEffect;
import dev.scenarist.core.analytics.Comparison;
import dev.scenarist.core.analytics.Ratio;
import dev.scenarist.core.analytics.UnknownCampaignException;
import dev.scenarist.core.campaign.CampaignSpec;
import dev.scenarist.core.store.CampaignRecord;
import dev.scenarist.core.store.Store;
import dev.scenarist.server.api.RouteTable;
import dev.scenarist.server.charts.Bar;
import dev.scenarist.server.charts.BarChart;
import dev.scenarist.server.charts.Histogram;
import dev.scenarist.server.charts.LineChart;
import dev.scenarist.server.security.Access;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;

/**
 * {@code /analytics}: the analytics report as tables and server-rendered SVG charts, narrowed by a filter form;
 * {@code /analytics/compare}: two campaigns side by side with their differences. Same facade as the API and CLI.
 */
public final class AnalyticsPage {
    /** How many failure patterns the trend chart draws (the table lists them all). */
    private static final int TREND_LINES = 5;

    private final Store store;
    private final Analytics analytics;
    private final Access access;

    public AnalyticsPage(Store store, Analytics analytics, Access access) {
        this.store = store;
        this.analytics = analytics;
        this.access = access;
    }

    public void register(RouteTable routes) {
        routes.get("/analytics", "pages", "Analytics with charts (?campaign=C&pack=P&category=K)", "html", this::report);
        routes.get("/analytics/compare", "pages", "Compare two campaigns (?baseline=A&current=B)", "html", this::compare);
    }

    // --- the report ---

    private void report(Context ctx) {
        String csrf = access.ensureCsrfCookie(ctx);
        var filter = new AnalyticsFilter(Optional.ofNullable(ctx.queryParam("campaign")), Optional.ofNullable(ctx.queryParam("pack")),
                Optional.ofNullable(ctx.queryParam("category")));
        StringBuilder h = new StringBuilder();
        h.append("<div class=\"page-head\"><h1>Analytics</h1><div class=\"actions\"><a class=\"btn\" href=\"/analytics/compare\">")
                .append("Compare two campaigns</a> <a class=\"btn\" href=\"/lessons\">Lessons</a></div></div>\n");
        h.append(filterForm(filter));
        AnalyticsReport r;
        try {
            r = analytics.report(filter);
        } catch (UnknownCampaignException e) {
            h.append("<p class=\"error\" role=\"alert\">").append(Html.escape(e.getMessage())).append("</p>");
            ctx.status(404).contentType("text/html; charset=utf-8").result(Layout.page("Analytics", Layout.Section.ANALYTICS, csrf, h.toString()));
            return;
        }
        h.append("<p class=\"muted\">").append(Html.escape(r.filter().describe())).append(": ").append(r.campaigns().size())
                .append(" campaign(s). A run counts as judged when it was accepted or rejected for its content;")
                .append(" runs stopped by the budget, failed on infrastructure, cancelled or unfinished do not count either way.</p>\n");
        h.append(summary(r));
        h.append("<section class=\"charts\" id=\"charts\">");
        h.append(figure(BarChart.render("Success rate per pack", "accepted of judged runs", rates(r.byPack(), false), OptionalDouble.of(1))));
        h.append(figure(BarChart.render("Success rate per category", "accepted of judged runs", rates(r.byCategory(), true), OptionalDouble.of(1))));
        h.append(figure(BarChart.render("First-attempt pass rate per stage", "passed of judged first attempts",
                r.stages().stream().map(s -> bar(s.stage(), s.firstAttemptPassRate())).toList(), OptionalDouble.of(1))));
        h.append(figure(Histogram.render("Attempts to pass a stage", "attempt", "stages passed",
                r.attemptsToPass().stream().map(b -> new Bar("#" + b.attempt(), b.passes())).toList())));
        h.append(figure(trend(r)));
        h.append("</section>\n");
        h.append(campaignTable(r.campaigns()));
        h.append(lessonEffect(r.lessonEffect()));
        h.append(failures(r));
        ctx.contentType("text/html; charset=utf-8").result(Layout.page("Analytics", Layout.Section.ANALYTICS, csrf, h.toString()));
    }

    private String filterForm(AnalyticsFilter f) {
        List<CampaignRecord> all = store.campaigns().list();
        TreeSet<String> packs = new TreeSet<>(), categories = new TreeSet<>();
        for (CampaignRecord c : all) {
            packs.add(c.pack());
            String cat = CampaignSpec.of(c).category();
            if (!cat.isEmpty()) categories.add(cat);
        }
        StringBuilder h = new StringBuilder("<form class=\"filter\" method=\"get\" action=\"/analytics\">");
        h.append(select("campaign", "Campaign", all.stream().map(CampaignRecord::id).toList(), f.campaign()));
        h.append(select("pack", "Pack", List.copyOf(packs), f.pack()));
        h.append(select("category", "Category", List.copyOf(categories), f.category()));
        return h.append(" <button type=\"submit\">Show</button></form>\n").toString();
    }

    static String select(String name, String label, List<String> values, Optional<String> chosen) {
        StringBuilder h = new StringBuilder("<label>").append(Html.escape(label)).append(" <select name=\"").append(name).append("\">")
                .append("<option value=\"\">all</option>");
        for (String v : values) {
            h.append("<option value=\"").append(Html.escape(v)).append('"').append(chosen.filter(v::equals).isPresent() ? " selected" : "")
                    .append('>').append(Html.escape(v)).append("</option>");
        }
        return h.append("</select></label> ").toString();
    }

    private static String summary(AnalyticsReport r) {
        var p = r.perAccepted();
        return "<dl class=\"summary\" id=\"totals\">"
                + kv("success rate", ratio(r.successRate()))
                + kv("first-attempt pass rate", ratio(r.firstAttemptPassRate()))
                + kv("accepted", Long.toString(p.accepted()))
                + kv("cost per accepted", p.costUsd().map(v -> String.format(Locale.ROOT, "$%.4f", v)).orElse("–"))
                + kv("tokens per accepted", p.tokens().map(v -> String.format(Locale.ROOT, "%.0f", v)).orElse("–"))
                + kv("time per accepted", p.seconds().map(v -> String.format(Locale.ROOT, "%.1f s", v)).orElse("–"))
                + kv("spent in all", String.format(Locale.ROOT, "$%.4f, %d tokens", p.total().costUsd(), p.total().totalTokens()))
                + "</dl>\n";
    }

    private static String kv(String k, String v) {
        return "<div><dt class=\"k\">" + Html.escape(k) + "</dt><dd class=\"v\">" + Html.escape(v) + "</dd></div>";
    }

    static String ratio(Ratio r) {
        return r.percent() + " (" + r.part() + "/" + r.whole() + ")";
    }

    private static Bar bar(String label, Ratio r) {
        return new Bar(label, r.rate() == null ? 0 : r.rate(), ratio(r));
    }

    private static List<Bar> rates(List<GroupRate> groups, boolean category) {
        return groups.stream().map(g -> bar(category && g.key().isEmpty() ? "(none)" : g.key(), g.successRate())).toList();
    }

    private static String figure(String svg) {
        return "<figure class=\"chart\">" + svg + "</figure>";
    }

    private static String trend(AnalyticsReport r) {
        List<FailurePattern> top = r.failures().stream().limit(TREND_LINES).toList();
        List<String> x = top.isEmpty() ? List.of() : top.get(0).trend().stream().map(t -> label(t.start(), r.trendBucket())).toList();
        List<LineChart.Series> series = top.stream()
                .map(f -> new LineChart.Series(f.key(), f.trend().stream().map(t -> (double) t.count()).toList())).toList();
        return LineChart.render("Failures over time (per " + r.trendBucket() + ")", r.trendBucket() + " (UTC)", "findings", x, series);
    }

    private static String label(java.time.Instant start, String bucket) {
        String s = start.toString();
        return bucket.equals("day") ? s.substring(0, 10) : s.substring(5, 13).replace('T', ' ') + "h";
    }

    private static String campaignTable(List<CampaignRow> rows) {
        StringBuilder h = new StringBuilder("<h2>Campaigns</h2>\n<table class=\"list\" id=\"campaign-rates\"><thead><tr><th>campaign</th><th>pack</th>")
                .append("<th>category</th><th>lessons</th><th>status</th><th>runs</th><th>accepted</th><th>rejected</th><th>success</th>")
                .append("<th>first attempt</th><th>tokens</th><th>cost</th></tr></thead><tbody>");
        for (CampaignRow c : rows) {
            h.append("<tr><td><a class=\"mono\" href=\"/campaigns/").append(Html.escape(c.id())).append("\">").append(Html.escape(c.id()))
                    .append("</a></td><td>").append(Html.escape(c.pack())).append("</td><td>").append(Html.escape(c.category()))
                    .append("</td><td>").append(c.lessons() ? "on" : "off").append("</td><td>").append(Html.escape(c.labels().status()))
                    .append("</td><td>").append(c.runs().total()).append("</td><td>").append(c.runs().accepted())
                    .append("</td><td>").append(c.runs().rejectedForContent()).append("</td><td>").append(Html.escape(ratio(c.successRate())))
                    .append("</td><td>").append(Html.escape(ratio(c.firstAttemptPassRate()))).append("</td><td>").append(c.usage().totalTokens())
                    .append("</td><td>").append(String.format(Locale.ROOT, "$%.4f", c.usage().costUsd())).append("</td></tr>");
        }
        if (rows.isEmpty()) h.append("<tr><td colspan=\"12\" class=\"muted\">no campaigns match</td></tr>");
        return h.append("</tbody></table>\n").toString();
    }

    static String lessonEffect(List<LessonEffect> effect) {
        StringBuilder h = new StringBuilder("<h2>With and without lessons</h2>\n<p class=\"muted\">Campaigns of each pack grouped by whether")
                .append(" they used the pack's lessons, so their effect is measured, not assumed.</p>")
                .append("<table class=\"list\" id=\"lesson-effect\"><thead><tr><th>pack</th><th>lessons</th><th>campaigns</th><th>runs</th>")
                .append("<th>success</th><th>first attempt</th></tr></thead><tbody>");
        List<Bar> bars = new ArrayList<>();
        for (LessonEffect e : effect) {
            String on = e.lessons() ? "with lessons" : "without";
            h.append("<tr><td>").append(Html.escape(e.pack())).append("</td><td>").append(on).append("</td><td>").append(e.campaigns())
                    .append("</td><td>").append(e.runs().total()).append("</td><td>").append(Html.escape(ratio(e.successRate())))
                    .append("</td><td>").append(Html.escape(ratio(e.firstAttemptPassRate()))).append("</td></tr>");
            bars.add(bar(e.pack() + " " + on, e.firstAttemptPassRate()));
        }
        if (effect.isEmpty()) h.append("<tr><td colspan=\"6\" class=\"muted\">no campaigns yet</td></tr>");
        h.append("</tbody></table>\n");
        h.append(figure(BarChart.render("First-attempt pass rate with and without lessons", "passed of judged first attempts", bars, OptionalDouble.of(1))));
        return h.toString();
    }

    private static String failures(AnalyticsReport r) {
        StringBuilder h = new StringBuilder("<h2>Failure patterns</h2>\n<table class=\"list\" id=\"failures\"><thead><tr><th>check</th>")
                .append("<th>code</th><th>stage</th><th>findings</th><th>runs</th><th>message</th><th>fix</th><th>example runs</th></tr></thead><tbody>");
        for (FailurePattern f : r.failures()) {
            h.append("<tr><td>").append(Html.escape(f.check())).append("</td><td class=\"mono\">").append(Html.escape(f.code()))
                    .append("</td><td>").append(Html.escape(f.stage())).append("</td><td>").append(f.occurrences()).append("</td><td>")
                    .append(f.runs()).append("</td><td>").append(Html.escape(f.messagePattern())).append("</td><td>")
                    .append(Html.escape(f.fix().isEmpty() ? f.hint() : f.fix())).append("</td><td>");
            for (String run : f.exampleRunIds()) {
                h.append("<a class=\"mono small\" href=\"/runs/").append(Html.escape(run)).append("\">").append(Html.escape(run)).append("</a> ");
            }
            h.append("</td></tr>");
        }
        if (r.failures().isEmpty()) h.append("<tr><td colspan=\"8\" class=\"muted\">no failed checks</td></tr>");
        return h.append("</tbody></table>\n").toString();
    }

    // --- compare ---

    private void compare(Context ctx) {
        String csrf = access.ensureCsrfCookie(ctx);
        Optional<String> baseline = Optional.ofNullable(ctx.queryParam("baseline")).filter(s -> !s.isBlank());
        Optional<String> current = Optional.ofNullable(ctx.queryParam("current")).filter(s -> !s.isBlank());
        List<String> ids = store.campaigns().list().stream().map(CampaignRecord::id).toList();
        StringBuilder h = new StringBuilder("<div class=\"page-head\"><h1>Compare campaigns</h1><div class=\"actions\">")
                .append("<a class=\"btn\" href=\"/analytics\">Analytics</a></div></div>\n")
                .append("<form class=\"filter\" method=\"get\" action=\"/analytics/compare\">")
                .append(select("baseline", "Baseline", ids, baseline).replace("<option value=\"\">all</option>", "<option value=\"\">choose</option>"))
                .append(select("current", "Current", ids, current).replace("<option value=\"\">all</option>", "<option value=\"\">choose</option>"))
                .append(" <button type=\"submit\">Compare</button></form>\n");
        int status = 200;
        if (baseline.isPresent() && current.isPresent()) {
            try {
                h.append(comparison(analytics.compare(baseline.get(), current.get())));
            } catch (UnknownCampaignException e) {
                status = 404;
                h.append("<p class=\"error\" role=\"alert\">").append(Html.escape(e.getMessage())).append("</p>");
            }
        } else {
            h.append("<p class=\"muted\">Choose a baseline and a current campaign.</p>");
        }
        ctx.status(status).contentType("text/html; charset=utf-8").result(Layout.page("Compare campaigns", Layout.Section.ANALYTICS, csrf, h.toString()));
    }

    private static String comparison(Comparison c) {
        StringBuilder h = new StringBuilder("<h2>").append(Html.escape(c.baseline())).append(" → ").append(Html.escape(c.current())).append("</h2>\n");
        h.append("<table class=\"list\" id=\"compare-metrics\"><thead><tr><th>measure</th><th>baseline</th><th>current</th><th>Δ</th></tr></thead><tbody>");
        for (Comparison.MetricDelta m : c.metrics()) {
            h.append("<tr><td>").append(Html.escape(m.name().replace('_', ' '))).append("</td><td>").append(metric(m.name(), m.baseline()))
                    .append("</td><td>").append(metric(m.name(), m.current())).append("</td><td>").append(delta(m.name(), m.delta())).append("</td></tr>");
        }
        h.append("</tbody></table>\n<h3>First-attempt pass rate per stage</h3>")
                .append("<table class=\"list\" id=\"compare-stages\"><thead><tr><th>stage</th><th>baseline</th><th>current</th><th>Δ</th></tr></thead><tbody>");
        List<Bar> bars = new ArrayList<>();
        for (Comparison.StageDelta s : c.stages()) {
            h.append("<tr><td>").append(Html.escape(s.stage())).append("</td><td>").append(Html.escape(ratio(s.baseline()))).append("</td><td>")
                    .append(Html.escape(ratio(s.current()))).append("</td><td>").append(delta("rate", s.delta())).append("</td></tr>");
            bars.add(bar(s.stage() + " (baseline)", s.baseline()));
            bars.add(bar(s.stage() + " (current)", s.current()));
        }
        h.append("</tbody></table>\n");
        h.append(figure(BarChart.render("First-attempt pass rate per stage, baseline and current", "passed of judged first attempts", bars,
                OptionalDouble.of(1))));
        h.append("<h3>Failure codes</h3><table class=\"list\" id=\"compare-codes\"><thead><tr><th>check</th><th>code</th><th>baseline</th>")
                .append("<th>current</th><th>Δ</th></tr></thead><tbody>");
        for (Comparison.CodeDelta d : c.failureCodes()) {
            h.append("<tr><td>").append(Html.escape(d.check())).append("</td><td class=\"mono\">").append(Html.escape(d.code())).append("</td><td>")
                    .append(d.baseline()).append("</td><td>").append(d.current()).append("</td><td>").append(d.delta() > 0 ? "+" : "")
                    .append(d.delta()).append("</td></tr>");
        }
        if (c.failureCodes().isEmpty()) h.append("<tr><td colspan=\"5\" class=\"muted\">no failed checks on either side</td></tr>");
        return h.append("</tbody></table>\n").toString();
    }

    private static String metric(String name, Optional<Double> v) {
        if (v.isEmpty()) return "–";
        double x = v.get();
        if (name.contains("rate")) return String.format(Locale.ROOT, "%.1f%%", 100 * x);
        if (name.contains("usd")) return String.format(Locale.ROOT, "$%.4f", x);
        return String.format(Locale.ROOT, x == Math.rint(x) ? "%.0f" : "%.1f", x);
    }

    private static String delta(String name, Optional<Double> v) {
        if (v.isEmpty()) return "–";
        double x = v.get();
        String sign = x > 0 ? "+" : "";
        if (name.contains("rate")) return sign + String.format(Locale.ROOT, "%.1f pts", 100 * x);
        if (name.contains("usd")) return sign + String.format(Locale.ROOT, "$%.4f", x);
        return sign + String.format(Locale.ROOT, x == Math.rint(x) ? "%.0f" : "%.1f", x);
    }
}
