package dev.scenarist.server.pages;

import dev.scenarist.core.campaign.Campaigns;
import dev.scenarist.core.review.GateFile;
import dev.scenarist.core.review.PausedRun;
import dev.scenarist.core.review.ReviewRefusedException;
import dev.scenarist.server.api.RouteTable;
import dev.scenarist.server.security.Access;
import io.javalin.http.Context;

/**
 * {@code /runs/{id}/gate}: a run paused for a person — its files (a text box for each one the reviewed stage may write),
 * "re-run checks", "approve" and "reject". The forms post to the review API, which sends the browser back here (or to the
 * run's page once it is approved or rejected). The run page itself belongs to the dashboard; this one links to it.
 */
public final class GatePage {
    private final Campaigns campaigns;
    private final Access access;

    public GatePage(Campaigns campaigns, Access access) {
        this.campaigns = campaigns;
        this.access = access;
    }

    public void register(RouteTable routes) {
        routes.get("/runs/{id}/gate", "pages", "A paused run's gate: edit its files, re-run checks, approve or reject", "html", this::render);
    }

    /** After a file was saved: which one, and the lines it changed (from the save's redirect; numbers only). */
    private static String saved(Context ctx) {
        String file = ctx.queryParam("saved");
        if (file == null || file.isBlank()) return "";
        String added = ctx.queryParam("added"), removed = ctx.queryParam("removed");
        boolean counted = added != null && removed != null && added.matches("[0-9]{1,9}") && removed.matches("[0-9]{1,9}");
        return "<p class=\"notice ok\" id=\"gate-saved\" role=\"status\">Saved " + Html.escape(file)
                + (counted ? ": +" + added + " −" + removed + " lines" : "") + ". Re-run the checks to see whether the stage still passes.</p>\n";
    }

    private static int lines(String text) {
        return (int) text.chars().filter(c -> c == '\n').count() + 1;
    }

    private void render(Context ctx) {
        String csrf = access.ensureCsrfCookie(ctx);
        String runId = ctx.pathParam("id");
        PausedRun p;
        try {
            p = campaigns.pausedRun(runId);
        } catch (ReviewRefusedException e) {
            ctx.status(e.kind() == ReviewRefusedException.Kind.NOT_FOUND ? 404 : 409);
            ctx.contentType("text/html; charset=utf-8").result(Layout.page("Gate", Layout.Section.CAMPAIGNS, csrf,
                    "<h1>Run " + Html.escape(runId) + "</h1>\n<p class=\"error\">" + Html.escape(e.getMessage()) + "</p>\n"
                            + "<p><a href=\"/runs/" + Html.escape(runId) + "\">The run</a></p>"));
            return;
        }
        String id = Html.escape(p.runId());
        String csrfField = ReviewPage.csrfField(csrf);
        StringBuilder h = new StringBuilder();
        h.append("<h1>Run <a href=\"/runs/").append(id).append("\">").append(id).append("</a> waits for you</h1>\n")
                .append("<p id=\"gate-detail\">").append(Html.escape(p.detail())).append(" — reviewing stage <b>").append(Html.escape(p.stage()))
                .append("</b> of pack ").append(Html.escape(p.pack())).append(", campaign ").append(Html.escape(p.campaignId())).append(".</p>\n")
                .append(saved(ctx))
                .append("<p>Editable: ").append(Html.escape(p.editable().isEmpty() ? "nothing" : String.join(", ", p.editable()))).append("</p>\n");
        h.append("<section id=\"gate-files\">\n");
        for (GateFile f : p.files()) {
            String path = Html.escape(f.path());
            h.append("<article class=\"gate-file\" data-path=\"").append(path).append("\"><h2>").append(path).append(" <small>")
                    .append(f.bytes()).append(" bytes</small></h2>\n");
            if (f.editable()) {
                h.append("<form method=\"post\" action=\"/api/runs/").append(id).append("/gate/files\">").append(csrfField)
                        .append("<input type=\"hidden\" name=\"path\" value=\"").append(path).append("\">")
                        .append("<textarea name=\"content\" rows=\"").append(Math.min(24, Math.max(6, lines(f.content().orElse("")) + 1)))
                        .append("\" spellcheck=\"false\" aria-label=\"").append(path).append("\">")
                        .append(Html.escape(f.content().orElse(""))).append("</textarea>")
                        .append("<button type=\"submit\">Save ").append(path).append("</button></form>\n");
            } else {
                h.append("<p>not editable at this gate</p>\n");
            }
            h.append("</article>\n");
        }
        h.append("</section>\n<section id=\"gate-actions\">\n")
                .append("<form method=\"post\" action=\"/api/runs/").append(id).append("/checks\" id=\"recheck\" hx-post=\"/api/runs/").append(id)
                .append("/checks\" hx-target=\"#recheck-result\">").append(csrfField)
                .append("<button type=\"submit\">Re-run checks</button></form>\n<div id=\"recheck-result\" aria-live=\"polite\"></div>\n")
                .append("<form method=\"post\" action=\"/api/runs/").append(id).append("/approve\" id=\"approve\">").append(csrfField)
                .append("<button type=\"submit\" class=\"primary\">Approve</button></form>\n")
                .append("<form method=\"post\" action=\"/api/runs/").append(id).append("/reject\" id=\"reject\">").append(csrfField)
                .append("<input name=\"reason\" required placeholder=\"why reject\" aria-label=\"reason to reject\">")
                .append("<button type=\"submit\" class=\"danger\">Reject</button></form>\n</section>\n");
        h.append("<p class=\"small muted\">Approve continues the run from the next stage with these files; reject ends it (reason: person).")
                .append(" Every edit, re-check and decision goes into the run's timeline and the <a href=\"/audit\">audit log</a>.</p>\n");
        ctx.contentType("text/html; charset=utf-8").result(Layout.page("Run " + p.runId() + " · gate", Layout.Section.CAMPAIGNS, csrf, h.toString()));
    }
}
