package dev.scenarist.app.cli;

import dev.scenarist.app.config.ConfigException;
import dev.scenarist.app.config.CampaignConfig;
import dev.scenarist.core.campaign.CampaignReport;
import dev.scenarist.core.campaign.Campaigns;
import dev.scenarist.core.campaign.CapChange;
import dev.scenarist.core.model.Json;
import dev.scenarist.core.store.RunRecord;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "resume", mixinStandardHelpOptions = true,
        description = {"Continue an interrupted run from its last committed attempt, re-run it from a stage, or continue a whole campaign.",
                "  scenarist resume RUN                      continue a run (also: approve a run paused at a human gate)",
                "  scenarist resume RUN --from-stage STAGE   re-run from STAGE, reusing earlier stages' outputs from disk",
                "  scenarist resume --campaign C             continue campaign C: its unfinished runs, the runs that ended",
                "                                            failed_infra or were stopped by the budget (from their last committed",
                "                                            attempt, as the same runs), then top up to its count",
                "Both obey the campaign's budget: its caps less what it already spent (tokens, cost, runs started) and less its",
                "recorded active wall time (what earlier sessions and resumed runs took; the time spent here is added to it).",
                "Raise a cap with --max-runs/--max-tokens/--max-cost/--max-wall.",
                "Exit 0 when the run (or campaign) got its scenario(s), 1 when it fell short (a hint says why and what to do)."})
final class ResumeCommand implements Callable<Integer> {
    @ParentCommand
    ScenaristCommand root;

    @Parameters(index = "0", arity = "0..1", paramLabel = "RUN", description = "Run id (see 'scenarist runs').")
    String runId;

    @Option(names = "--from-stage", paramLabel = "STAGE", description = "Re-run the run from this stage.")
    String fromStage;

    @Option(names = "--campaign", paramLabel = "C", description = "Resume a whole campaign.")
    String campaignId;

    @Option(names = "--max-runs", paramLabel = "N", description = "Raise the campaign's run cap (runs retried by resume are not counted again).")
    Integer maxRuns;

    @Option(names = "--max-tokens", paramLabel = "N", description = "Raise the campaign's token cap.")
    Long maxTokens;

    @Option(names = "--max-cost", paramLabel = "USD", description = "Raise the campaign's cost cap.")
    Double maxCost;

    @Option(names = "--max-wall", paramLabel = "DURATION",
            description = "Raise the campaign's wall-time cap (its total active time, all sessions), e.g. 90s, 30m, 2h.")
    String maxWall;

    @Option(names = "--author", paramLabel = "AUTHOR", description = "Author to continue with (must match the campaign's).")
    String author;

    @Override
    public Integer call() throws Exception {
        if ((runId == null) == (campaignId == null)) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "give either a RUN id or --campaign C (not both)");
        }
        if (campaignId != null && fromStage != null) throw new ConfigException("--from-stage goes with a RUN id, not with --campaign");
        Output out = root.output();
        CapChange caps = caps();
        try (var app = root.open()) {
            if (campaignId != null) {
                CampaignReport report;
                try (var progress = new ProgressView(app.events(), out.err(), root.stderrIsTerminal())) {
                    report = app.campaigns().resumeCampaign(new Campaigns.ResumeCampaign(campaignId, Optional.ofNullable(author), caps,
                            c -> out.err().printf("Resuming campaign %s (%s, %d requested)%n", c.id(), c.pack(), c.requested())));
                }
                CampaignPrinter.human(report, out);
                CampaignPrinter.hint(report).ifPresent(h -> out.human().println("\n" + h));
                if (out.json()) out.document(CampaignPrinter.json(report, app.dataDir()));
                return CampaignPrinter.exitCode(report);
            }
            Campaigns.RunOutcome result;
            try (var progress = new ProgressView(app.events(), out.err(), false)) {
                result = app.campaigns().resumeRun(new Campaigns.ResumeRun(runId, Optional.ofNullable(fromStage), caps));
            }
            RunRecord after = result.run();
            if (result.alreadyAccepted()) {
                out.line("run " + runId + " is already accepted; nothing to do");
            } else {
                out.line("run " + after.id() + ": " + after.state().label() + (after.detail().isEmpty() ? "" : " — " + after.detail()));
                result.budgetStop().ifPresent(stop -> out.line("  " + stop.hint("scenarist resume " + runId)));
            }
            if (out.json()) out.document(runDoc(after));
            return result.alreadyAccepted() || result.accepted() ? 0 : 1;
        }
    }

    /** The cap options given (they raise or lower the campaign's caps, for this and later sessions). */
    private CapChange caps() {
        return new CapChange(maxRuns != null ? OptionalInt.of(maxRuns) : OptionalInt.empty(),
                maxTokens != null ? OptionalLong.of(maxTokens) : OptionalLong.empty(),
                maxCost != null ? OptionalDouble.of(maxCost) : OptionalDouble.empty(),
                maxWall != null ? Optional.of(CampaignConfig.parseDuration(maxWall, "--max-wall")) : Optional.empty());
    }

    private static Map<String, Object> runDoc(RunRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run_id", r.id());
        m.put("campaign_id", r.campaignId());
        m.put("state", r.state().label());
        m.put("reject_reason", r.rejectReason().map(x -> x.label()).orElse(null));
        m.put("detail", r.detail());
        return Json.read(Json.write(m), Map.class);
    }
}
