package dev.scenarist.server.pages;

import dev.scenarist.core.campaign.Validation;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.review.Recheck;

/**
 * A gate's re-check, as the gate page shows it in place (htmx): passed or not, then each check with its status and
 * findings — code, where, the message and the fix — so a person sees what to change before approving.
 */
public final class RecheckView {
    private RecheckView() {}

    public static String render(Recheck r) {
        StringBuilder h = new StringBuilder("<div class=\"recheck ").append(r.passed() ? "passed" : "failed").append("\" data-passed=\"")
                .append(r.passed()).append("\"><p class=\"notice ").append(r.passed() ? "ok" : "error").append("\">")
                .append(r.passed() ? "Every check of stage " : "Not passed: the checks of stage ").append("<b>").append(Html.escape(r.stage())).append("</b>")
                .append(r.passed() ? " passed on these files." : " found problems (below). Fix the file, save it and re-run the checks.").append("</p>")
                .append("<ul class=\"recheck-checks\">");
        for (Validation.CheckOutcome c : r.checks()) {
            h.append("<li class=\"check\" data-check=\"").append(Html.escape(c.check())).append("\">").append(Badge.state(c.status().label()))
                    .append(" <b>").append(Html.escape(c.check())).append("</b>");
            c.error().ifPresent(e -> h.append(" <span class=\"muted\">").append(Html.escape(e)).append("</span>"));
            if (!c.findings().isEmpty()) {
                h.append("<ul class=\"findings\">");
                for (Finding f : c.findings()) {
                    h.append("<li class=\"finding\"><code>").append(Html.escape(f.code())).append("</code> ")
                            .append(f.location().isEmpty() ? "" : "<span class=\"mono small\">" + Html.escape(f.location()) + "</span> ")
                            .append(Html.escape(f.message()));
                    String fix = f.fix().isEmpty() ? f.hint() : f.fix();
                    if (!fix.isEmpty()) h.append(" <span class=\"muted\">— ").append(Html.escape(fix)).append("</span>");
                    h.append("</li>");
                }
                h.append("</ul>");
            }
            h.append("</li>");
        }
        return h.append("</ul></div>").toString();
    }
}
