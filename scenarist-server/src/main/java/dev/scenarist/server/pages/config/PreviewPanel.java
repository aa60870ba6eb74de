package dev.scenarist.server.pages.config;

import dev.scenarist.core.store.Store;
import dev.scenarist.server.pages.Html;
import dev.scenarist.server.pages.PackCatalog;
import dev.scenarist.server.pages.campaigns.RunCard;
import dev.scenarist.server.pages.campaigns.CampaignStats;
import dev.scenarist.server.pages.campaigns.CampaignStream;
import dev.scenarist.server.pages.campaigns.CampaignSummary;
import dev.scenarist.server.pages.campaigns.ScenarioList;
import dev.scenarist.server.jobs.CampaignJobs;

/**
 * Beside the configuration panel after "Generate 3 as a preview": the preview campaign live — its summary, its run cards
 * and the scenarios it accepts as they come — from the same stream as the campaign page.
 */
final class PreviewPanel {
    private PreviewPanel() {}

    static String render(String campaignId, Store store, PackCatalog packs, CampaignJobs jobs) {
        return store.campaigns().find(campaignId).map(c -> {
            CampaignStats s = CampaignStats.of(c, store, jobs);
            String id = Html.escape(c.id());
            return "<section id=\"preview\" class=\"preview\" hx-ext=\"sse\" sse-connect=\"/campaigns/" + id + "/stream\"><h2>Preview <a class=\"mono small\" href=\"/campaigns/"
                    + id + "\">" + id + "</a></h2><p class=\"small muted\">The scenarios of the preview appear below as they are accepted. Happy with them?"
                    + " Adjust the form if you like, then generate the full count with the same configuration: it starts from the seed after the"
                    + " preview's runs, so it makes new scenarios rather than the preview's again.</p>"
                    + CampaignSummary.outer(s) + "<h3>Scenarios</h3>" + ScenarioList.outer(store.catalog().byCampaign(c.id()))
                    + "<h3>Runs</h3><div id=\"cards-wrap\" sse-swap=\"" + CampaignStream.CARDS + "\">" + RunCard.grid(s.runs(), packs.stages(c.pack()))
                    + "</div></section>";
        }).orElse("<p class=\"notice error\">No preview campaign " + Html.escape(campaignId) + ".</p>");
    }
}
