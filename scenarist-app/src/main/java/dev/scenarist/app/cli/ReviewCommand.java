package dev.scenarist.app.cli;

import dev.scenarist.app.config.ConfigException;
import dev.scenarist.core.review.ReviewItem;
import dev.scenarist.core.review.ReviewQueue;
import dev.scenarist.core.store.ReviewDecision;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "review", mixinStandardHelpOptions = true,
        description = {"The review queue: accepted scenarios awaiting a person's final approval.",
                "  scenarist review [list]                   the queue, oldest first",
                "  scenarist review approve SCENARIO         approve it: promoted into <data-dir>/datasets/<pack>/...",
                "  scenarist review reject SCENARIO --reason R   reject it: it stays in staging, out of the queue",
                "A decision is final (deciding again is refused with the first decision) and is recorded in the store, the run's",
                "trajectory and, through the server, the audit log."})
final class ReviewCommand implements Callable<Integer> {
    @ParentCommand
    ScenaristCommand root;

    @Parameters(index = "0", arity = "0..1", paramLabel = "ACTION", defaultValue = "list", description = "list, approve or reject.")
    String action;

    @Parameters(index = "1", arity = "0..1", paramLabel = "SCENARIO", description = "The scenario to decide on.")
    String scenarioId;

    @Option(names = "--reason", paramLabel = "R", description = "Why the scenario is rejected (with 'reject').")
    String reason;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100", description = "List at most N (default ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
        if (!List.of("list", "approve", "reject").contains(action)) {
            throw new ConfigException("unknown review action '" + action + "'; " + dev.scenarist.core.text.DidYouMean.hint(action,
                    List.of("list", "approve", "reject")) + "use list, approve SCENARIO or reject SCENARIO --reason R");
        }
        if (!action.equals("list") && scenarioId == null) throw new ConfigException("review " + action + " needs a SCENARIO id (see 'scenarist review list')");
        if (action.equals("reject") && (reason == null || reason.isBlank())) throw new ConfigException("review reject needs --reason R: say why");
        if (!action.equals("reject") && reason != null) throw new ConfigException("--reason goes with 'review reject'");
        Output out = root.output();
        try (var app = root.open()) {
            var campaigns = app.campaigns();
            switch (action) {
                case "approve" -> {
                    ReviewQueue.Approved a = campaigns.approveScenario(scenarioId, root.who());
                    out.line("approved " + scenarioId + ": promoted to " + a.promotion().path());
                    if (out.json()) out.document(decision(a.decision(), a.promotion().path().toString()));
                }
                case "reject" -> {
                    ReviewDecision d = campaigns.rejectScenario(scenarioId, root.who(), reason);
                    out.line("rejected " + scenarioId + ": " + d.reason());
                    if (out.json()) out.document(decision(d, null));
                }
                default -> {
                    List<ReviewItem> items = campaigns.reviewQueue(limit);
                    Table t = new Table("scenario", "campaign", "pack", "title", "accepted");
                    for (ReviewItem i : items) t.row(i.scenarioId(), i.campaignId(), i.pack(), i.title(), i.acceptedAt());
                    if (items.isEmpty()) out.line("the review queue is empty");
                    else out.human().print(t.render());
                    if (out.json()) out.document(Map.of("items", items.stream().map(ReviewCommand::item).toList()));
                }
            }
            return 0;
        }
    }

    private static Map<String, Object> item(ReviewItem i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scenario_id", i.scenarioId());
        m.put("campaign_id", i.campaignId());
        m.put("pack", i.pack());
        m.put("run_id", i.runId());
        m.put("title", i.title());
        m.put("accepted_at", i.acceptedAt().toString());
        return m;
    }

    private static Map<String, Object> decision(ReviewDecision d, String path) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scenario_id", d.scenarioId());
        m.put("decision", d.verdict().label());
        m.put("reason", d.reason());
        m.put("who", d.who());
        m.put("decided_at", d.decidedAt().toString());
        if (path != null) m.put("path", path);
        return m;
    }
}
