package dev.scenarist.server.pages.campaigns;

import dev.scenarist.core.campaign.CampaignSpec;
import dev.scenarist.core.model.RunState;
import dev.scenarist.core.store.CampaignRecord;
import dev.scenarist.server.pages.Badge;
import dev.scenarist.server.pages.Bar;
import dev.scenarist.server.pages.Html;
import dev.scenarist.server.pages.Numbers;

/** The head of a campaign page: status, accepted of requested, runs by state, spend; swapped in by the {@code summary} event. */
public final class CampaignSummary {
    public static final String EVENT = "summary";

    private CampaignSummary() {}

    /** The listening wrapper, which also re-reads itself when an action button asks ({@code refresh}). */
    public static String outer(CampaignStats s) {
        String id = Html.escape(s.campaign().id());
        return "<section id=\"campaign-summary\" sse-swap=\"" + EVENT + "\" hx-get=\"/campaigns/" + id + "/summary\" hx-trigger=\"refresh\">"
                + inner(s) + "</section>";
    }

    public static String inner(CampaignStats s) {
        CampaignRecord c = s.campaign();
        StringBuilder b = new StringBuilder("<div class=\"summary\">");
        item(b, "status", Badge.state(s.shownStatus()) + (s.activeHere() ? " <span class=\"small muted\" id=\"runs-here\">running in this server</span>" : "")
                + (s.shownStatus().equals("paused") ? " <span class=\"small muted\" id=\"paused-here\">Resume continues it</span>" : "")
                + (c.stopReason().isEmpty() ? "" : "<div class=\"small muted\">" + Html.escape(c.stopReason()) + "</div>"));
        item(b, "accepted", "<span id=\"accepted-count\">" + s.accepted() + "</span> / " + c.requested()
                + Bar.of(s.accepted(), c.requested(), s.accepted() >= c.requested() ? "done" : "", "accepted"));
        item(b, "runs", s.runs().size() + " <span class=\"small muted\">" + states(s) + "</span>");
        item(b, "cost", Html.escape(Numbers.usd(s.usage().costUsd())) + " <span class=\"small muted\">" + Html.escape(Numbers.tokens(s.usage().totalTokens()))
                + " tokens</span>");
        item(b, "pack", Html.escape(c.pack()));
        item(b, "category", Html.escape(s.category()));
        spec(c).ifPresent(spec -> {
            item(b, "author", Html.escape(spec.author()));
            item(b, "concurrency", String.valueOf(spec.concurrency()));
            if (!spec.approvalGates().isEmpty()) item(b, "approval after", Html.escape(String.join(", ", spec.approvalGates())));
            item(b, "lessons", spec.lessons() ? "on" : "off");
        });
        item(b, "active", Html.escape(Numbers.millis(c.activeMillis())));
        return b.append("</div>").toString();
    }

    private static String states(CampaignStats s) {
        StringBuilder b = new StringBuilder();
        for (RunState st : RunState.values()) {
            int n = s.count(st);
            if (n == 0) continue;
            if (!b.isEmpty()) b.append(", ");
            b.append(n).append(' ').append(st.label().replace('_', ' '));
        }
        return Html.escape(b.toString());
    }

    private static java.util.Optional<CampaignSpec> spec(CampaignRecord c) {
        try {
            return java.util.Optional.of(CampaignSpec.of(c));
        } catch (RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    private static void item(StringBuilder b, String key, String valueHtml) {
        b.append("<div><div class=\"k\">").append(Html.escape(key)).append("</div><div class=\"v\">").append(valueHtml).append("</div></div>");
    }
}
