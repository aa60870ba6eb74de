package dev.scenarist.app.cli;

import dev.scenarist.app.config.ConfigException;
import dev.scenarist.core.store.RunRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "runs", mixinStandardHelpOptions = true, description = "List runs: of one campaign, or the most recent ones.")
final class RunsCommand implements Callable<Integer> {
    @ParentCommand
    ScenaristCommand root;

    @Option(names = "--campaign", paramLabel = "C", description = "Only this campaign's runs.")
    String campaign;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most N runs (default ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
        Output out = root.output();
        try (var app = root.open()) {
            List<RunRecord> runs;
            if (campaign != null) {
                if (app.store().campaigns().find(campaign).isEmpty()) {
                    throw new ConfigException("no campaign " + campaign + "; list them with 'scenarist campaigns'");
                }
                runs = app.store().runs().byCampaign(campaign);
            } else {
                runs = app.store().runs().recent(limit);
            }
            Table t = new Table("run", "campaign", "#", "state", "stage", "attempts", "tokens", "detail");
            List<Map<String, Object>> doc = new ArrayList<>();
            for (RunRecord r : runs.stream().limit(limit).toList()) {
                String stage = stageName(app, r);
                String state = r.state().label() + r.rejectReason().map(x -> " (" + x.label() + ")").orElse("");
                t.row(r.id(), r.campaignId(), r.ordinal(), state, stage, r.progress().attemptSeq(), r.progress().usage().totalTokens(),
                        abbreviate(r.detail(), 70));
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("run_id", r.id());
                m.put("campaign_id", r.campaignId());
                m.put("ordinal", r.ordinal());
                m.put("state", r.state().label());
                m.put("reject_reason", r.rejectReason().map(x -> x.label()).orElse(""));
                m.put("stage", stage);
                m.put("attempts", r.progress().attemptSeq());
                m.put("detail", r.detail());
                doc.add(m);
            }
            out.human().print(t.isEmpty() ? "no runs\n" : t.render());
            if (out.json()) out.document(Map.of("runs", doc));
        }
        return 0;
    }

    static String stageName(dev.scenarist.app.wiring.Scenarist app, RunRecord r) {
        try {
            var names = app.packs().get(r.pack()).pipeline().names();
            return r.progress().stageIndex() < names.size() ? names.get(r.progress().stageIndex()) : "(all passed)";
        } catch (RuntimeException e) {
            return "#" + r.progress().stageIndex();
        }
    }

    static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
