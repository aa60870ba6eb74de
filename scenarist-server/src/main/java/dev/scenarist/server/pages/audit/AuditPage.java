package dev.scenarist.server.pages.audit;

import dev.scenarist.server.api.RouteTable;
import dev.scenarist.server.audit.AuditEntry;
import dev.scenarist.server.audit.AuditLog;
import dev.scenarist.server.pages.Html;
import dev.scenarist.server.pages.Layout;
import dev.scenarist.server.pages.Numbers;
import dev.scenarist.server.security.Access;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.List;

/**
 * {@code /audit}: every mutation made through the server — who, what, to which target, the answer's status, when —
 * newest first ({@code ?limit=N}, default 200). Refused mutations are listed too: a 4xx status says so.
 */
public final class AuditPage {
    private static final int DEFAULT_LIMIT = 200;

    private final AuditLog audit;
    private final Access access;

    public AuditPage(AuditLog audit, Access access) {
        this.audit = audit;
        this.access = access;
    }

    public void register(RouteTable routes) {
        routes.get("/audit", "pages", "The audit log: who did what, to what, when (newest first, ?limit=N)", "html", this::page);
    }

    private void page(Context ctx) {
        String csrf = access.ensureCsrfCookie(ctx);
        int limit = limit(ctx.queryParam("limit"));
        List<AuditEntry> entries = audit.recent(limit);
        StringBuilder b = new StringBuilder("<div class=\"page-head\"><div><h1>Audit log</h1><p class=\"muted\">Every change made through this server,")
                .append(" newest first; the latest ").append(limit).append(". Also at <a href=\"/api/audit\">/api/audit</a>.</p></div></div>");
        if (entries.isEmpty()) {
            b.append("<p class=\"empty\">Nothing has been changed through the server yet.</p>");
        } else {
            b.append("<table class=\"list\" id=\"audit\"><thead><tr><th>when</th><th>who</th><th>what</th><th>target</th><th>status</th><th>detail</th></tr></thead><tbody>");
            for (AuditEntry e : entries) {
                String target = link(e.target());
                b.append("<tr class=\"audit-entry\" data-action=\"").append(Html.escape(e.action())).append("\"><td class=\"small\">")
                        .append(Html.escape(Numbers.when(e.at()))).append("</td><td><code>").append(Html.escape(e.who())).append("</code></td><td>")
                        .append(Html.escape(e.action())).append("</td><td>").append(target).append("</td><td><span class=\"state ")
                        .append(e.status() < 400 ? "passed" : "failed").append("\">").append(e.status()).append("</span></td><td class=\"small\">")
                        .append(Html.escape(e.detail())).append("</td></tr>");
            }
            b.append("</tbody></table>");
        }
        ctx.contentType("text/html; charset=utf-8").result(Layout.page("Audit", Layout.Section.AUDIT, csrf, b.toString()));
    }

    /** A run or campaign id links to its page; any other target (a path of a refused call) is shown as text. */
    private static String link(String target) {
        String page = target.matches("run-[A-Za-z0-9_-]+") ? "/runs/" : target.matches("cmp-[A-Za-z0-9_-]+") ? "/campaigns/" : null;
        return page == null ? Html.escape(target) : "<a href=\"" + page + Html.escape(target) + "\">" + Html.escape(target) + "</a>";
    }

    private static int limit(String given) {
        if (given == null) return DEFAULT_LIMIT;
        if (!given.matches("[0-9]{1,5}") || Integer.parseInt(given) < 1) {
            throw new HttpResponseException(400, "limit must be a whole number from 1 to 99999, got " + given);
        }
        return Integer.parseInt(given);
    }
}
