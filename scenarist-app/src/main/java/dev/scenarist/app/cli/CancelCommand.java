package dev.scenarist.app.cli;

import dev.scenarist.core.campaign.Campaigns;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "cancel", mixinStandardHelpOptions = true,
        description = {"Cancel a campaign, for good: its queued, paused and running runs are cancelled, and it cannot be resumed.",
                "A 'scenarist generate' or 'resume' running it (in another terminal, on another machine sharing the store)",
                "starts no further run, and its runs in flight stop within about a second, committing nothing more.",
                "Scenarios accepted before stay accepted.",
                "Exit 0 when the campaign is cancelled (now or before) or had already completed; 2 when there is no such campaign."})
final class CancelCommand implements Callable<Integer> {
    @ParentCommand
    ScenaristCommand root;

    @Parameters(paramLabel = "CAMPAIGN", description = "Campaign id (see 'scenarist campaigns').")
    String campaignId;

    @Override
    public Integer call() {
        Output out = root.output();
        try (var app = root.open()) {
            Campaigns.CancelOutcome result = app.campaigns().cancel(campaignId);
            var c = result.campaign();
            out.line(switch (result.result()) {
                case CANCELLED -> "cancelled campaign " + c.id() + " (" + result.runsCancelled() + " unfinished run(s) cancelled);"
                        + " a 'scenarist generate' or 'resume' still running it stops within about a second";
                case ALREADY_CANCELLED -> "campaign " + c.id() + " was already cancelled" + (c.stopReason().isEmpty() ? "" : " (" + c.stopReason() + ")")
                        + "; nothing to do";
                case ALREADY_COMPLETED -> "campaign " + c.id() + " has already completed (it got its " + c.requested()
                        + " scenario(s)); nothing to cancel";
            });
            if (out.json()) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("campaign_id", c.id());
                doc.put("result", result.result().name().toLowerCase(java.util.Locale.ROOT));
                doc.put("status", c.status().label());
                doc.put("runs_cancelled", result.runsCancelled());
                out.document(doc);
            }
            return 0;
        }
    }
}
