package dev.scenarist.server.api;

import dev.scenarist.core.analytics.Analytics;
import dev.scenarist.core.analytics.AnalyticsFilter;
import dev.scenarist.core.analytics.UnknownCampaignException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Optional;

/** {@code /api/analytics}: the numbers of the analytics page as JSON, from the same facade as {@code scenarist analytics}. */
public final class AnalyticsApi {
    private final Analytics analytics;

    public AnalyticsApi(Analytics analytics) {
        this.analytics = analytics;
    }

    public void register(RouteTable r) {
        r.get("/api/analytics", "analytics", "Success rates (campaign, pack, category), first-attempt pass rate and attempts-to-pass per stage,"
                + " spend per accepted scenario, failure patterns with trend, pass rates with and without lessons;"
                + " ?campaign=C&pack=P&category=K narrow it", "json", this::report);
        r.get("/api/analytics/compare", "analytics", "Compare two campaigns (?baseline=A&current=B): pass rates, cost, failure codes, with deltas",
                "json", this::compare);
    }

    private void report(Context ctx) {
        var filter = new AnalyticsFilter(Optional.ofNullable(ctx.queryParam("campaign")), Optional.ofNullable(ctx.queryParam("pack")),
                Optional.ofNullable(ctx.queryParam("category")));
        ApiJson.send(ctx, 200, known(() -> analytics.report(filter)));
    }

    private void compare(Context ctx) {
        String baseline = required(ctx, "baseline"), current = required(ctx, "current");
        ApiJson.send(ctx, 200, known(() -> analytics.compare(baseline, current)));
    }

    static String required(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            throw new HttpResponseException(400, "query parameter '" + name + "' is missing; give a campaign id, e.g. ?baseline=A&current=B");
        }
        return v.strip();
    }

    /** An unknown campaign is a 404 naming the closest id, not a server error. */
    static <T> T known(java.util.function.Supplier<T> answer) {
        try {
            return answer.get();
        } catch (UnknownCampaignException e) {
            throw new HttpResponseException(404, e.getMessage());
        }
    }
}
