package dev.scenarist.server.pages.campaigns;

import dev.scenarist.core.store.CatalogEntry;
import dev.scenarist.server.pages.Html;
import dev.scenarist.server.pages.Numbers;
import java.util.List;

/** The accepted scenarios of a campaign, as they come in (the {@code scenarios} event re-renders the list). */
public final class ScenarioList {
    public static final String EVENT = "scenarios";

    private ScenarioList() {}

    public static String outer(List<CatalogEntry> entries) {
        return "<div id=\"scenarios\" sse-swap=\"" + EVENT + "\">" + inner(entries) + "</div>";
    }

    public static String inner(List<CatalogEntry> entries) {
        if (entries.isEmpty()) return "<p class=\"empty\">No scenario accepted yet.</p>";
        StringBuilder b = new StringBuilder("<table class=\"list\" id=\"scenario-table\"><thead><tr><th>scenario</th><th>title</th><th>stage</th><th>accepted</th></tr></thead><tbody>");
        for (CatalogEntry e : entries) {
            b.append("<tr class=\"scenario\" data-scenario=\"").append(Html.escape(e.scenarioId())).append("\"><td><a href=\"/runs/").append(Html.escape(e.runId()))
                    .append("\">").append(Html.escape(e.scenarioId())).append("</a><div class=\"small\"><a href=\"/api/scenarios/")
                    .append(Html.escape(e.scenarioId())).append("/files\">files</a></div></td><td>").append(Html.escape(e.title()))
                    .append("</td><td>").append(Html.escape(e.stage())).append("</td><td class=\"small\">").append(Html.escape(Numbers.when(e.acceptedAt())))
                    .append("</td></tr>");
        }
        return b.append("</tbody></table>").toString();
    }
}
