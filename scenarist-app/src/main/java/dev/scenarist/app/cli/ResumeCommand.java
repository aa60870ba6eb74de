package dev.scenarist.app.cli;

import dev.scenarist.app.config.ConfigException;
import dev.scenarist.app.config.CampaignConfig;
import dev.scenarist.core.campaign.BudgetGuard;
import dev.scenarist.core.campaign.BudgetStop;
import dev.scenarist.core.campaign.CampaignBudget;
import dev.scenarist.core.campaign.CampaignRunner;
import dev.scenarist.core.engine.RunExecutor;
import dev.scenarist.core.engine.RunRewinder;
import dev.scenarist.core.model.Json;
import dev.scenarist.core.model.RejectReason;
import dev.scenarist.core.model.RunState;
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
        try (var app = root.open()) {
            if (campaignId != null) return resumeCampaign(app, out);
            return resumeRun(app, out);
        }
    }

    private int resumeCampaign(dev.scenarist.app.wiring.Scenarist app, Output out) throws InterruptedException {
        var c = app.store().campaigns().find(campaignId)
                .orElseThrow(() -> new ConfigException("no campaign " + campaignId + "; list them with 'scenarist campaigns'"));
        var spec = CampaignRunner.specOf(c);
        if (author != null && !author.equals(spec.author())) {
            throw new ConfigException("campaign " + campaignId + " was started with author '" + spec.author() + "', not '" + author
                    + "'; a campaign keeps its author so its scenarios stay reproducible — start a new campaign instead");
        }
        // the pack's name is in the store, so the store is open; but nothing is written before the preflight
        var pack = app.packs().get(c.pack());
        app.preflight().require(pack);
        raiseCaps(app, c.id(), spec.budget());
        var setup = app.authors().create(spec.author(), pack, Optional.empty(), spec.authorSettings());
        out.err().printf("Resuming campaign %s (%s, %d requested)%n", c.id(), c.pack(), c.requested());
        dev.scenarist.core.campaign.CampaignReport report;
        try (var progress = new ProgressView(app.events(), out.err(), root.stderrIsTerminal())) {
            report = app.campaigns().resume(campaignId, pack, setup.author(), setup.throttle());
        }
        CampaignPrinter.human(report, out);
        CampaignPrinter.hint(report).ifPresent(h -> out.human().println("\n" + h));
        if (out.json()) out.document(CampaignPrinter.json(report, app.layout().root()));
        return CampaignPrinter.exitCode(report);
    }

    private int resumeRun(dev.scenarist.app.wiring.Scenarist app, Output out) throws InterruptedException {
        RunRecord run = app.store().runs().find(runId)
                .orElseThrow(() -> new ConfigException("no run " + runId + "; list runs with 'scenarist runs'"));
        var c = app.store().campaigns().find(run.campaignId()).orElseThrow();
        var spec = CampaignRunner.specOf(c);
        var pack = app.packs().get(run.pack());
        app.preflight().require(pack);
        String now = spec.fingerprint(pack);
        if (!now.equals(c.fingerprint())) {
            throw new ConfigException("the pack '" + pack.name() + "' or the campaign's configuration changed since run " + runId
                    + " started (fingerprint " + c.fingerprint() + ", now " + now + "); restore it, or start a new campaign");
        }
        if (run.state() == RunState.ACCEPTED) {
            out.line("run " + runId + " is already accepted; nothing to do");
            if (out.json()) out.document(runDoc(run));
            return 0;
        }
        if (fromStage != null) run = new RunRewinder(app.services()).rewind(runId, pack, fromStage);
        else if (run.state() == RunState.CANCELLED) throw new ConfigException("run " + runId + " was cancelled and cannot be resumed");
        if (raiseCaps(app, c.id(), spec.budget())) c = app.store().campaigns().find(c.id()).orElseThrow();
        var setup = app.authors().create(spec.author(), pack, Optional.empty(), spec.authorSettings());
        // the campaign's budget, less what it spent: a resumed run is part of its campaign, not a way around its caps
        BudgetGuard guard = app.campaigns().guardOf(c);
        var exec = new RunExecutor(app.services(), pack, setup.author(), setup.throttle(),
                app.services().circuit().newBreaker(app.services().clock()), guard,
                spec.stageSettings(), app.campaigns().acceptance(pack.name(), spec.count(), setup.author().id()));
        RunRecord after;
        try (var progress = new ProgressView(app.events(), out.err(), false)) {
            after = exec.execute(runId);
        } finally {
            app.campaigns().recordActive(c.id(), guard);
        }
        out.line("run " + after.id() + ": " + after.state().label() + (after.detail().isEmpty() ? "" : " — " + after.detail()));
        if (after.rejectReason().filter(r -> r == RejectReason.BUDGET).isPresent()) {
            BudgetStop.parse(after.detail()).ifPresent(stop -> out.line("  " + stop.hint("scenarist resume " + runId)));
        }
        if (out.json()) out.document(runDoc(after));
        return after.state() == RunState.ACCEPTED ? 0 : 1;
    }

    /** Applies the cap options given (they raise or lower the campaign's caps, for this and later sessions); true if any was. */
    private boolean raiseCaps(dev.scenarist.app.wiring.Scenarist app, String campaign, CampaignBudget b) {
        if (maxRuns == null && maxTokens == null && maxCost == null && maxWall == null) return false;
        try {
            var raised = new CampaignBudget(maxRuns != null ? OptionalInt.of(maxRuns) : b.maxRuns(),
                    maxTokens != null ? OptionalLong.of(maxTokens) : b.maxTokens(),
                    maxCost != null ? OptionalDouble.of(maxCost) : b.maxCostUsd(),
                    maxWall != null ? Optional.of(CampaignConfig.parseDuration(maxWall, "--max-wall")) : b.maxWall());
            app.campaigns().updateBudget(campaign, raised);
            return true;
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
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
