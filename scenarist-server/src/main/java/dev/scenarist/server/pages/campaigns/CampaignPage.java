package dev.scenarist.server.pages.campaigns;

import dev.scenarist.core.store.AttemptRecord;
import dev.scenarist.core.store.CampaignRecord;
import dev.scenarist.core.store.RunRecord;
import dev.scenarist.core.store.Store;
import dev.scenarist.server.CampaignRequests.StageInfo;
import dev.scenarist.server.api.RouteTable;
import dev.scenarist.server.jobs.CampaignJobs;
import dev.scenarist.server.pages.Html;
import dev.scenarist.server.pages.Layout;
import dev.scenarist.server.pages.PackCatalog;
import dev.scenarist.server.security.Access;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /campaigns/{id}}: the campaign's summary and buttons, one card per run, its accepted scenarios and its live log —
 * all kept current by the campaign's stream ({@link CampaignStream}) without a reload. The buttons call the REST API
 * ({@code /api/campaigns/{id}/pause|resume|retry|cancel}) with the page's CSRF header.
 */
public final class CampaignPage {
    private static final int LOG_LINES = 100;

    private final Store store;
    private final Access access;
    private final PackCatalog packs;
    private final CampaignJobs jobs;
    private final dev.scenarist.core.campaign.Campaigns campaigns;

    public CampaignPage(Store store, Access access, PackCatalog packs, CampaignJobs jobs, dev.scenarist.core.campaign.Campaigns campaigns) {
        this.store = store;
        this.access = access;
        this.packs = packs;
        this.jobs = jobs;
        this.campaigns = campaigns;
    }

    public void register(RouteTable routes) {
        routes.get("/campaigns/{id}", "pages", "A campaign: live run cards, scenarios, log and controls", "html", this::page);
        routes.get("/campaigns/{id}/summary", "pages", "A campaign's summary (fragment)", "html",
                ctx -> ctx.contentType("text/html; charset=utf-8").result(CampaignSummary.inner(stats(campaign(ctx)))));
    }

    private void page(Context ctx) {
        String csrf = access.ensureCsrfCookie(ctx);
        CampaignRecord c = campaign(ctx);
        CampaignStats s = stats(c);
        List<StageInfo> stages = packs.stages(c.pack());
        String id = Html.escape(c.id());
        StringBuilder b = new StringBuilder();
        b.append("<div class=\"page-head\"><div><h1>Campaign <span class=\"mono\">").append(id).append("</span></h1><p class=\"muted\">")
                .append(Html.escape(c.pack())).append(" · ").append(Html.escape(s.category())).append(" · <a href=\"/?category=")
                .append(Html.escape(java.net.URLEncoder.encode(s.category(), java.nio.charset.StandardCharsets.UTF_8))).append("\">all in this category</a>")
                .append(" · <a href=\"/api/campaigns/").append(id).append("\">json</a></p></div>").append(actions(c)).append("</div>");
        b.append("<div hx-ext=\"sse\" sse-connect=\"/campaigns/").append(id).append("/stream\" id=\"live\">");
        b.append(CampaignSummary.outer(s));
        b.append("<div class=\"layout-2\"><div><h2>Runs</h2><div id=\"cards-wrap\" sse-swap=\"").append(CampaignStream.CARDS).append("\">")
                .append(RunCard.grid(s.runs(), stages)).append("</div>");
        b.append("<h2>Accepted scenarios</h2>").append(ScenarioList.outer(store.catalog().byCampaign(c.id())));
        b.append(packFigures(c)).append("</div>");
        b.append("<div><h2>Live log</h2><ol id=\"live-log\" class=\"log\" sse-swap=\"").append(LogLine.EVENT).append("\" hx-swap=\"afterbegin\">")
                .append(pastLog(c, s.runs())).append("</ol></div></div></div>");
        b.append(ACTION_SCRIPT);
        ctx.contentType("text/html; charset=utf-8").result(Layout.page("Campaign " + c.id(), Layout.Section.CAMPAIGNS, csrf, b.toString()));
    }

    /** The pack's own figures (the services pack: success per category, first-attempt validation, …), as the summary prints them. */
    private String packFigures(CampaignRecord c) {
        var figures = campaigns.report(c.id()).packFigures();
        if (figures.isEmpty()) return "";
        StringBuilder b = new StringBuilder("<h2>Pack figures</h2><table class=\"pack-figures\"><tbody>");
        for (var f : figures) {
            b.append("<tr data-figure=\"").append(Html.escape(f.key())).append("\"><th scope=\"row\">").append(Html.escape(f.label()))
                    .append("</th><td>").append(Html.escape(f.text())).append("</td></tr>");
        }
        return b.append("</tbody></table>").toString();
    }

    private static String actions(CampaignRecord c) {
        String base = "/api/campaigns/" + Html.escape(c.id());
        return "<div class=\"actions\" id=\"campaign-actions\">"
                + button(base + "/pause", "Pause", "", "")
                + button(base + "/resume", "Resume", "", "")
                + button(base + "/retry", "Retry failed", "", "")
                + button(base + "/cancel", "Cancel", "danger", "Cancel campaign " + c.id() + " for good? Its unfinished runs are cancelled.")
                + "<span id=\"action-result\" class=\"small muted\" role=\"status\"></span></div>";
    }

    private static String button(String url, String label, String cls, String confirm) {
        return "<button type=\"button\" class=\"" + cls + "\" hx-post=\"" + url + "\" hx-swap=\"none\"" + (confirm.isEmpty() ? "" : " hx-confirm=\"" + Html.escape(confirm) + "\"")
                + " data-action=\"" + Html.escape(label.toLowerCase(java.util.Locale.ROOT).split(" ")[0]) + "\">" + Html.escape(label) + "</button>";
    }

    /** Says what an action did (or why not, from the API's error), then has the summary re-read. */
    private static final String ACTION_SCRIPT = """
            <script>
            document.body.addEventListener('htmx:afterRequest', function (e) {
              var path = e.detail.pathInfo && e.detail.pathInfo.requestPath || '';
              if (!/^\\/api\\/campaigns\\/[^/]+\\/[a-z]+$/.test(path)) return;
              var out = document.getElementById('action-result');
              var text;
              try {
                var j = JSON.parse(e.detail.xhr.responseText);
                text = j.error ? j.error.message : path.split('/').pop() + ': ' + (j.result || j.status);
              } catch (x) { text = 'HTTP ' + e.detail.xhr.status; }
              out.textContent = text;
              htmx.trigger('#campaign-summary', 'refresh');
            });
            </script>""";

    /** The log as it stood before the page opened: the campaign's attempts so far, newest first. */
    private String pastLog(CampaignRecord c, List<RunRecord> runs) {
        Map<String, Integer> ordinals = new HashMap<>();
        runs.forEach(r -> ordinals.put(r.id(), r.ordinal()));
        List<AttemptRecord> attempts = store.runs().attemptsOfCampaign(c.id()).stream()
                .sorted(Comparator.comparing(AttemptRecord::finishedAt, Comparator.nullsFirst(Comparator.naturalOrder())).reversed())
                .limit(LOG_LINES).toList();
        StringBuilder b = new StringBuilder();
        for (AttemptRecord a : attempts) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("type", "attempt-finished");
            e.put("run_id", a.runId());
            e.put("stage", a.stage());
            e.put("stage_attempt", a.stageAttempt());
            e.put("verdict", a.verdict().label());
            e.put("error_findings", a.findings().stream().filter(f -> f.isError()).count());
            b.append(LogLine.render(a.finishedAt() == null ? c.updatedAt() : a.finishedAt(), e,
                    id -> ordinals.containsKey(id) ? "run #" + ordinals.get(id) : id));
        }
        return b.toString();
    }

    private CampaignStats stats(CampaignRecord c) {
        return CampaignStats.of(c, store, jobs);
    }

    private CampaignRecord campaign(Context ctx) {
        String id = ctx.pathParam("id");
        return store.campaigns().find(id).orElseThrow(() -> new HttpResponseException(404, "no campaign " + id + "; see the list at /"));
    }
}
