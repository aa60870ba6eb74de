package dev.scenarist.server.pages;

import dev.scenarist.core.campaign.Campaigns;
import dev.scenarist.core.review.ReviewItem;
import dev.scenarist.server.api.RouteTable;
import dev.scenarist.server.security.Access;
import io.javalin.http.Context;

/**
 * {@code /review}: the review queue, one row per accepted scenario awaiting final approval, with approve and reject
 * forms (posted to the review API with the CSRF field; the API sends the browser back here).
 */
public final class ReviewPage {
    private final Campaigns campaigns;
    private final Access access;

    public ReviewPage(Campaigns campaigns, Access access) {
        this.campaigns = campaigns;
        this.access = access;
    }

    public void register(RouteTable routes) {
        routes.get("/review", "pages", "The review queue: approve (promote) or reject accepted scenarios", "html", this::render);
    }

    private void render(Context ctx) {
        String csrf = access.ensureCsrfCookie(ctx);
        StringBuilder h = new StringBuilder("<h1>Review queue</h1>\n");
        var items = campaigns.reviewQueue(500);
        if (items.isEmpty()) {
            h.append("<p id=\"review-empty\">No accepted scenario is waiting for review.</p>\n");
        } else {
            h.append("<table id=\"review-queue\"><thead><tr><th>scenario</th><th>title</th><th>campaign</th><th>pack</th><th>accepted</th>")
                    .append("<th>decide</th></tr></thead><tbody>\n");
            for (ReviewItem i : items) {
                String id = Html.escape(i.scenarioId());
                h.append("<tr data-scenario=\"").append(id).append("\"><td><a href=\"/api/scenarios/").append(id).append("\">").append(id)
                        .append("</a></td><td>").append(Html.escape(i.title())).append("</td><td>").append(Html.escape(i.campaignId()))
                        .append("</td><td>").append(Html.escape(i.pack())).append("</td><td>").append(Html.escape(i.acceptedAt()))
                        .append("</td><td>")
                        .append("<form method=\"post\" action=\"/api/review/").append(id).append("/approve\" class=\"approve\">")
                        .append(csrfField(csrf)).append("<button type=\"submit\">Approve</button></form> ")
                        .append("<form method=\"post\" action=\"/api/review/").append(id).append("/reject\" class=\"reject\">")
                        .append(csrfField(csrf))
                        .append("<input name=\"reason\" required placeholder=\"why reject\" aria-label=\"reason to reject ").append(id).append("\">")
                        .append("<button type=\"submit\">Reject</button></form></td></tr>\n");
            }
            h.append("</tbody></table>\n");
        }
        ctx.contentType("text/html; charset=utf-8").result(Layout.page("Review", Layout.Section.REVIEW, csrf, h.toString()));
    }

    static String csrfField(String csrf) {
        return "<input type=\"hidden\" name=\"" + Access.CSRF_FIELD + "\" value=\"" + Html.escape(csrf) + "\">";
    }
}
