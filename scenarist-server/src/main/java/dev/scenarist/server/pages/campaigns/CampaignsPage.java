package dev.scenarist.server.pages.campaigns;

import dev.scenarist.core.store.CampaignRecord;
import dev.scenarist.core.store.Store;
import dev.scenarist.server.api.RouteTable;
import dev.scenarist.server.jobs.CampaignJobs;
import dev.scenarist.server.pages.Badge;
import dev.scenarist.server.pages.Bar;
import dev.scenarist.server.pages.Html;
import dev.scenarist.server.pages.Layout;
import dev.scenarist.server.pages.Numbers;
import dev.scenarist.server.security.Access;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /}: the campaigns as tabs, one per category (a campaign without one is "uncategorized"), the tab of the newest
 * campaign first. Each row: status, accepted of requested as a bar, cost, links. The table refreshes itself every few
 * seconds ({@code /campaigns/list}), so the bars move without a reload.
 */
public final class CampaignsPage {
    private final Store store;
    private final Access access;
    private final CampaignJobs jobs;

    public CampaignsPage(Store store, Access access, CampaignJobs jobs) {
        this.store = store;
        this.access = access;
        this.jobs = jobs;
    }

    public void register(RouteTable routes) {
        routes.get("/", "pages", "Campaigns, as tabs by category (?category=C picks one)", "html", this::page);
        routes.get("/campaigns/list", "pages", "The campaigns table of one tab (fragment, ?category=C)", "html", this::list);
    }

    private void page(Context ctx) {
        String csrf = access.ensureCsrfCookie(ctx);
        Map<String, List<CampaignStats>> groups = groups();
        String current = chosen(ctx, groups);
        StringBuilder b = new StringBuilder();
        b.append("<div class=\"page-head\"><div><h1>Campaigns</h1><p class=\"muted\">Grouped by category. API: <a href=\"/openapi.json\">/openapi.json</a></p></div>")
                .append("<div class=\"actions\"><a class=\"btn primary\" href=\"/campaigns/new\">New campaign</a></div></div>");
        if (groups.isEmpty()) {
            b.append("<p class=\"empty\" id=\"no-campaigns\">No campaigns yet. <a href=\"/campaigns/new\">Create one</a>, or run <code>scenarist generate</code>.</p>");
        } else {
            b.append("<nav class=\"tabs\" id=\"category-tabs\" aria-label=\"categories\">");
            for (var e : groups.entrySet()) {
                boolean on = e.getKey().equals(current);
                b.append("<a href=\"/?category=").append(Html.escape(url(e.getKey()))).append('"').append(on ? " class=\"current\" aria-current=\"page\"" : "")
                        .append(" data-category=\"").append(Html.escape(e.getKey())).append("\">").append(Html.escape(e.getKey()))
                        .append("<span class=\"count\">").append(e.getValue().size()).append("</span></a>");
            }
            b.append("</nav>");
            b.append(table(current, groups.getOrDefault(current, List.of())));
        }
        ctx.contentType("text/html; charset=utf-8").result(Layout.page("Campaigns", Layout.Section.CAMPAIGNS, csrf, b.toString()));
    }

    private void list(Context ctx) {
        Map<String, List<CampaignStats>> groups = groups();
        String current = chosen(ctx, groups);
        ctx.contentType("text/html; charset=utf-8").result(table(current, groups.getOrDefault(current, List.of())));
    }

    /** Categories in the order of their newest campaign (the store lists newest first). */
    private Map<String, List<CampaignStats>> groups() {
        Map<String, List<CampaignStats>> groups = new LinkedHashMap<>();
        for (CampaignRecord c : store.campaigns().list()) {
            CampaignStats s = CampaignStats.of(c, store, jobs);
            groups.computeIfAbsent(s.category(), k -> new ArrayList<>()).add(s);
        }
        return groups;
    }

    private static String chosen(Context ctx, Map<String, List<CampaignStats>> groups) {
        String asked = ctx.queryParam("category");
        if (asked != null && groups.containsKey(asked)) return asked;
        return groups.isEmpty() ? "" : groups.keySet().iterator().next();
    }

    private static String table(String category, List<CampaignStats> rows) {
        StringBuilder b = new StringBuilder();
        b.append("<section id=\"campaign-list\" hx-get=\"/campaigns/list?category=").append(Html.escape(url(category)))
                .append("\" hx-trigger=\"every 3s\" hx-swap=\"outerHTML\">");
        b.append("<table class=\"list\" id=\"campaigns\"><thead><tr><th>campaign</th><th>pack</th><th>status</th><th>accepted</th>")
                .append("<th>runs</th><th>cost</th><th>created</th><th></th></tr></thead><tbody>");
        for (CampaignStats s : rows) {
            CampaignRecord c = s.campaign();
            String tone = s.accepted() >= c.requested() ? "done" : "";
            b.append("<tr data-campaign=\"").append(Html.escape(c.id())).append("\"><td><a href=\"/campaigns/").append(Html.escape(c.id())).append("\">")
                    .append(Html.escape(c.id())).append("</a>").append(s.preview() ? " <span class=\"state queued\">preview</span>" : "").append("</td><td>")
                    .append(Html.escape(c.pack())).append("</td><td>").append(Badge.state(s.shownStatus()))
                    .append(s.activeHere() ? " <span class=\"small muted\">here</span>" : "")
                    .append(c.stopReason().isEmpty() ? "" : "<div class=\"small muted\">" + Html.escape(c.stopReason()) + "</div>")
                    .append("</td><td>").append(Bar.of(s.accepted(), c.requested(), tone, "accepted"))
                    .append("<span class=\"progress-label\">").append(s.accepted()).append(" / ").append(c.requested()).append("</span></td><td>")
                    .append(s.runs().size()).append(s.inFlight() > 0 ? " <span class=\"small muted\">(" + s.inFlight() + " in flight)</span>" : "")
                    .append("</td><td>").append(Numbers.usd(s.usage().costUsd())).append("</td><td class=\"small\">").append(Html.escape(Numbers.when(c.createdAt())))
                    .append("</td><td class=\"small\"><a href=\"/campaigns/").append(Html.escape(c.id())).append("\">cards</a> · <a href=\"/api/campaigns/")
                    .append(Html.escape(c.id())).append("\">json</a></td></tr>");
        }
        b.append("</tbody></table></section>");
        return b.toString();
    }

    private static String url(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
