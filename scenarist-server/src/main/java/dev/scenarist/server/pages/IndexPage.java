package dev.scenarist.server.pages;

import dev.scenarist.core.store.CampaignRecord;
import dev.scenarist.core.store.Store;
import dev.scenarist.server.api.RouteTable;
import dev.scenarist.server.security.Access;
import io.javalin.http.Context;
import java.util.function.Predicate;

/** The minimal index at {@code /}: the campaigns, server-rendered with every value escaped (the dashboard comes next). */
public final class IndexPage {
    private final Store store;
    private final Access access;
    private final Predicate<String> runsHere;

    public IndexPage(Store store, Access access, Predicate<String> runsHere) {
        this.store = store;
        this.access = access;
        this.runsHere = runsHere;
    }

    public void register(RouteTable routes) {
        routes.get("/", "pages", "The index page: campaigns", "html", this::render);
    }

    private void render(Context ctx) {
        access.ensureCsrfCookie(ctx);
        StringBuilder h = new StringBuilder();
        h.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Scenarist</title>")
                .append("<style>body{font-family:system-ui,sans-serif;margin:2rem}table{border-collapse:collapse}")
                .append("td,th{padding:.3rem .8rem;border-bottom:1px solid #ddd;text-align:left}</style></head><body>\n")
                .append("<h1>Scenarist</h1>\n<p>Campaigns, newest first. API: <a href=\"/openapi.json\">/openapi.json</a></p>\n")
                .append("<table id=\"campaigns\"><thead><tr><th>campaign</th><th>pack</th><th>status</th><th>accepted</th>")
                .append("<th>created</th><th>here</th></tr></thead><tbody>\n");
        for (CampaignRecord c : store.campaigns().list()) {
            int accepted = store.catalog().byCampaign(c.id()).size();
            h.append("<tr><td><a href=\"/api/campaigns/").append(Html.escape(c.id())).append("\">").append(Html.escape(c.id()))
                    .append("</a></td><td>").append(Html.escape(c.pack())).append("</td><td>").append(Html.escape(c.status().label()))
                    .append(c.stopReason().isEmpty() ? "" : " (" + Html.escape(c.stopReason()) + ")")
                    .append("</td><td>").append(accepted).append(" / ").append(c.requested())
                    .append("</td><td>").append(Html.escape(c.createdAt())).append("</td><td>")
                    .append(runsHere.test(c.id()) ? "running" : "").append("</td></tr>\n");
        }
        h.append("</tbody></table>\n</body></html>\n");
        ctx.contentType("text/html; charset=utf-8").result(h.toString());
    }
}
