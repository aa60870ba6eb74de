package dev.scenarist.app.cli;

import dev.scenarist.core.campaign.CampaignReport;
import dev.scenarist.core.campaign.Campaigns;
import dev.scenarist.core.store.CampaignStatus;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Watches a campaign that workers execute: reads its report from the store every second, prints a line when its
 * figures change, and returns the report once the campaign is no longer running (completed, stopped, waiting for
 * approval, cancelled). The campaign's events happen in the workers' processes, so the store is the only thing to watch.
 */
final class CampaignWatch {
    private static final Duration EVERY = Duration.ofSeconds(1);
    private final Campaigns campaigns;
    private final PrintStream err;

    CampaignWatch(Campaigns campaigns, PrintStream err) {
        this.campaigns = campaigns;
        this.err = err;
    }

    CampaignReport until(String campaignId) throws InterruptedException {
        String last = "";
        while (true) {
            CampaignReport r = campaigns.report(campaignId);
            String line = String.format("%s: %d of %d accepted, %d rejected, %d run(s) so far", r.status(), r.accepted(), r.requested(),
                    r.rejected(), r.runs());
            if (!line.equals(last)) err.println(line);
            last = line;
            if (!r.status().equals(CampaignStatus.RUNNING.label())) return r;
            Thread.sleep(EVERY);
        }
    }
}
