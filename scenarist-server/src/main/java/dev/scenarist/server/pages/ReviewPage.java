package dev.scenarist.server.pages;

import dev.scenarist.core.campaign.Campaigns;
import dev.scenarist.core.review.ReviewItem;
import dev.scenarist.core.store.ReviewDecision;
import dev.scenarist.core.store.Store;
import dev.scenarist.server.api.RouteTable;
import dev.scenarist.server.security.Access;
import io.javalin.http.Context;

/**
 * {@code /review}: the review queue, one row per accepted scenario awaiting final approval, with approve and reject
 * forms (posted to the review API with the CSRF field; the API sends the browser back here).
 */
public final class ReviewPage {
    private final Campaigns campaigns;
    private final Store store;
    private final Access access;

    public ReviewPage(Campaigns campaigns, Store store, Access access) {
        this.campaigns = campaigns;
        this.store = store;
        this.access = access;
    }

    public void register(RouteTable routes) {
        routes.get("/review", "pages", "The review queue: approve (promote) or reject accepted scenarios", "html", this::render);
    }

    private void render(Context ctx) {
        String csrf = access.ensureCsrfCookie(ctx);
        StringBuilder h = new StringBuilder("<div class=\"page-head\"><div><h1>Review queue</h1><p class=\"muted\">Accepted scenarios wait here")
                .append(" for a person: approve promotes one into the dataset (<code>datasets/&lt;pack&gt;/</code>), reject keeps it in staging.")
                .append(" Each decision is final.</p></div></div>\n");
        h.append(decided(ctx));
        var items = campaigns.reviewQueue(500);
        if (items.isEmpty()) {
            h.append("<p id=\"review-empty\">No accepted scenario is waiting for review.</p>\n");
        } else {
            h.append("<table class=\"list review\" id=\"review-queue\"><thead><tr><th>scenario</th><th>title</th><th>campaign</th><th>pack</th><th>accepted</th>")
                    .append("<th>decide</th></tr></thead><tbody>\n");
            for (ReviewItem i : items) {
                String id = Html.escape(i.scenarioId());
                h.append("<tr data-scenario=\"").append(id).append("\"><td><a href=\"/api/scenarios/").append(id).append("\">").append(id)
                        .append("</a></td><td><a href=\"/runs/").append(Html.escape(i.runId())).append("\" title=\"the run that made it\">")
                        .append(Html.escape(i.title())).append("</a></td><td><a class=\"mono\" href=\"/campaigns/")
                        .append(Html.escape(i.campaignId())).append("\">").append(Html.escape(i.campaignId())).append("</a></td><td>").append(Html.escape(i.pack())).append("</td><td class=\"small\">").append(Html.escape(Numbers.when(i.acceptedAt())))
                        .append("</td><td class=\"decide\">")
                        .append("<form method=\"post\" action=\"/api/review/").append(id).append("/approve\" class=\"approve\">")
                        .append(csrfField(csrf)).append("<button type=\"submit\" class=\"primary\">Approve</button></form> ")
                        .append("<form method=\"post\" action=\"/api/review/").append(id).append("/reject\" class=\"reject\">")
                        .append(csrfField(csrf))
                        .append("<input name=\"reason\" required placeholder=\"why reject\" aria-label=\"reason to reject ").append(id).append("\">")
                        .append("<button type=\"submit\">Reject</button></form></td></tr>\n");
            }
            h.append("</tbody></table>\n");
        }
        ctx.contentType("text/html; charset=utf-8").result(Layout.page("Review", Layout.Section.REVIEW, csrf, h.toString()));
    }

    /**
     * After a decision: what it was, read from the store (so the page says what really happened), and for an approval
     * where the scenario went (the path the decision's redirect carries; shown as text only).
     */
    private String decided(Context ctx) {
        String id = ctx.queryParam("decided");
        if (id == null || id.isBlank()) return "";
        return store.reviews().find(id).map(d -> {
            String sid = "<a class=\"mono\" href=\"/api/scenarios/" + Html.escape(id) + "\">" + Html.escape(id) + "</a>";
            if (d.verdict() == ReviewDecision.Verdict.APPROVED) {
                String to = ctx.queryParam("to");
                return "<p class=\"notice ok\" id=\"review-decided\" role=\"status\" data-decision=\"approved\">Approved " + sid
                        + (to == null || to.isBlank() ? " and promoted into the dataset." : " and promoted to <code id=\"promoted-to\">" + Html.escape(to) + "</code>.")
                        + "</p>\n";
            }
            return "<p class=\"notice\" id=\"review-decided\" role=\"status\" data-decision=\"rejected\">Rejected " + sid + ": "
                    + Html.escape(d.reason()) + ". It stays in staging and has left the queue.</p>\n";
        }).orElse("");
    }

    static String csrfField(String csrf) {
        return "<input type=\"hidden\" name=\"" + Access.CSRF_FIELD + "\" value=\"" + Html.escape(csrf) + "\">";
    }
}
