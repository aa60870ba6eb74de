package dev.scenarist.app.cli;

import dev.scenarist.app.config.ConfigException;
import dev.scenarist.core.campaign.BudgetGuard;
import dev.scenarist.core.campaign.CampaignBudget;
import dev.scenarist.core.campaign.CampaignRunner;
import dev.scenarist.core.engine.RunExecutor;
import dev.scenarist.core.engine.RunRewinder;
import dev.scenarist.core.model.Json;
import dev.scenarist.core.model.RunState;
import dev.scenarist.core.store.RunRecord;
import java.time.Clock;
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
                "  scenarist resume --campaign C             continue campaign C: its unfinished runs, then top up to its count"})
final class ResumeCommand implements Callable<Integer> {
    @ParentCommand
    ScenaristCommand root;

    @Parameters(index = "0", arity = "0..1", paramLabel = "RUN", description = "Run id (see 'scenarist runs').")
    String runId;

    @Option(names = "--from-stage", paramLabel = "STAGE", description = "Re-run the run from this stage.")
    String fromStage;

    @Option(names = "--campaign", paramLabel = "C", description = "Resume a whole campaign.")
    String campaignId;

    @Option(names = "--max-runs", paramLabel = "N", description = "Raise the campaign's run cap.")
    Integer maxRuns;

    @Option(names = "--max-tokens", paramLabel = "N", description = "Raise the campaign's token cap.")
    Long maxTokens;

    @Option(names = "--max-cost", paramLabel = "USD", description = "Raise the campaign's cost cap.")
    Double maxCost;

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
        if (maxRuns != null || maxTokens != null || maxCost != null) {
            var b = spec.budget();
            var raised = new CampaignBudget(maxRuns != null ? OptionalInt.of(maxRuns) : b.maxRuns(),
                    maxTokens != null ? OptionalLong.of(maxTokens) : b.maxTokens(),
                    maxCost != null ? OptionalDouble.of(maxCost) : b.maxCostUsd(), b.maxWall());
            app.campaigns().updateBudget(campaignId, raised);
        }
        var pack = app.packs().get(c.pack());
        var setup = app.authors().create(spec.author(), pack, Optional.empty(), spec.authorSettings());
        out.err().printf("Resuming campaign %s (%s, %d requested)%n", c.id(), c.pack(), c.requested());
        dev.scenarist.core.campaign.CampaignReport report;
        try (var progress = new ProgressView(app.events(), out.err(), root.stderrIsTerminal())) {
            report = app.campaigns().resume(campaignId, pack, setup.author(), setup.throttle());
        }
        CampaignPrinter.human(report, out);
        if (out.json()) out.document(CampaignPrinter.json(report, app.layout().root()));
        return CampaignPrinter.exitCode(report);
    }

    private int resumeRun(dev.scenarist.app.wiring.Scenarist app, Output out) throws InterruptedException {
        RunRecord run = app.store().runs().find(runId)
                .orElseThrow(() -> new ConfigException("no run " + runId + "; list runs with 'scenarist runs'"));
        var c = app.store().campaigns().find(run.campaignId()).orElseThrow();
        var spec = CampaignRunner.specOf(c);
        var pack = app.packs().get(run.pack());
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
        var setup = app.authors().create(spec.author(), pack, Optional.empty(), spec.authorSettings());
        var exec = new RunExecutor(app.services(), pack, setup.author(), setup.throttle(),
                app.services().circuit().newBreaker(app.services().clock()), BudgetGuard.unlimited(Clock.systemUTC()),
                spec.stageSettings(), app.campaigns().acceptance(pack.name(), spec.count(), setup.author().id()));
        RunRecord after;
        try (var progress = new ProgressView(app.events(), out.err(), false)) {
            after = exec.execute(runId);
        }
        out.line("run " + after.id() + ": " + after.state().label() + (after.detail().isEmpty() ? "" : " — " + after.detail()));
        if (out.json()) out.document(runDoc(after));
        return after.state() == RunState.ACCEPTED ? 0 : 1;
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
