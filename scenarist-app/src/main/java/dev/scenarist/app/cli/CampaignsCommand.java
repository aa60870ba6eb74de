package dev.scenarist.app.cli;

import dev.scenarist.core.campaign.CampaignSpec;
import dev.scenarist.core.model.RunState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "campaigns", mixinStandardHelpOptions = true, description = "List campaigns, newest first.")
final class CampaignsCommand implements Callable<Integer> {
    @ParentCommand
    ScenaristCommand root;

    @Override
    public Integer call() {
        Output out = root.output();
        try (var app = root.open()) {
            Table t = new Table("campaign", "category", "pack", "status", "accepted", "runs", "created", "note");
            List<Map<String, Object>> doc = new ArrayList<>();
            for (var c : app.store().campaigns().list()) {
                // counted by the store: decoding every run to count them was a third of this command's CPU
                var counts = app.store().runs().stateCounts(c.id());
                long accepted = counts.getOrDefault(RunState.ACCEPTED, 0);
                int runs = counts.values().stream().mapToInt(Integer::intValue).sum();
                String category = CampaignSpec.categoryOf(c);
                t.row(c.id(), category, c.pack(), c.status().label(), accepted + "/" + c.requested(), runs,
                        c.createdAt().toString().substring(0, 19).replace('T', ' '), c.stopReason());
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("campaign_id", c.id());
                m.put("pack", c.pack());
                m.put("category", category);
                m.put("status", c.status().label());
                m.put("stop_reason", c.stopReason());
                m.put("requested", c.requested());
                m.put("accepted", accepted);
                m.put("runs", runs);
                m.put("created_at", c.createdAt().toString());
                doc.add(m);
            }
            out.human().print(t.isEmpty() ? "no campaigns yet; start one with 'scenarist generate --pack PACK --count N'\n" : t.render());
            if (out.json()) out.document(Map.of("campaigns", doc));
        }
        return 0;
    }
}
