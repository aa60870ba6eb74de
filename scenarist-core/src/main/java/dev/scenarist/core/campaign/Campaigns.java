package dev.scenarist.core.campaign;

import dev.scenarist.core.campaign.internal.BudgetGuard;
import dev.scenarist.core.campaign.internal.CampaignRunner;
import dev.scenarist.core.author.Author;
import dev.scenarist.core.author.AuthorException;
import dev.scenarist.core.author.AuthorRequest;
import dev.scenarist.core.author.ModelSettings;
import dev.scenarist.core.author.PermanentAuthorException;
import dev.scenarist.core.author.Throttle;
import dev.scenarist.core.engine.internal.AuthorAccess;
import dev.scenarist.core.engine.EngineServices;
import dev.scenarist.core.engine.internal.RunExecutor;
import dev.scenarist.core.engine.internal.RunRewinder;
import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.model.RejectReason;
import dev.scenarist.core.model.RunState;
import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.CheckContext;
import dev.scenarist.core.pack.Critic;
import dev.scenarist.core.pack.Pack;
import dev.scenarist.core.pack.RunContext;
import dev.scenarist.core.store.CampaignRecord;
import dev.scenarist.core.store.RunRecord;
import dev.scenarist.core.workspace.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The one front door to campaigns (DESIGN.md §3): the CLI, the REST server and workers call this and wire no engine
 * part themselves. Every way in — generate, resume a campaign, resume a run (from a stage), validate — goes through
 * the same engine: the campaign's budget less what it spent, the same retries, tier order, redaction and accounting.
 * Built once by the application from its {@link EngineServices}, its pack lookup, the check that a machine has what
 * a pack needs, and its author factory.
 */
public final class Campaigns {
    /** Checks that this machine has every component a pack needs before anything is written (a missing one throws). */
    @FunctionalInterface
    public interface MachineCheck {
        MachineCheck NONE = pack -> {};

        void require(Pack pack) throws InterruptedException;
    }

    /**
     * Continue a campaign: its unfinished runs, the runs that ended failed_infra or were stopped by the budget, then
     * top up to its count.
     *
     * @param author   the author asked for, which must be the campaign's own (empty: the campaign's)
     * @param caps     caps to raise (or lower) first, for this and later sessions
     * @param starting told once the campaign is about to run (after every check passed)
     */
    public record ResumeCampaign(String campaignId, Optional<String> author, CapChange caps, Consumer<CampaignRecord> starting) {}

    /**
     * Continue one run from its last committed attempt, or re-run it from {@code fromStage} reusing earlier stages.
     *
     * @param caps caps of its campaign to raise (or lower) first, for this and later sessions
     */
    public record ResumeRun(String runId, Optional<String> fromStage, CapChange caps) {}

    /**
     * How a resumed run ended.
     *
     * @param alreadyAccepted the run was accepted before: nothing was done
     * @param budgetStop      the campaign's cap that stopped it, if one did (with a hint how to go on)
     */
    public record RunOutcome(RunRecord run, boolean alreadyAccepted, Optional<BudgetStop> budgetStop) {
        public boolean accepted() {
            return run.state() == RunState.ACCEPTED;
        }
    }

    private final EngineServices services;
    private final CampaignRunner runner;
    private final Function<String, Pack> packs;
    private final MachineCheck machine;
    private final AuthorProvider authors;

    /**
     * @param packs   the pack of a name (throws if there is none); core does not know the application's registry
     * @param machine the preflight: a pack's components on this machine
     * @param authors the application's author factory
     */
    public Campaigns(EngineServices services, Function<String, Pack> packs, MachineCheck machine, AuthorProvider authors) {
        this.services = services;
        this.runner = new CampaignRunner(services);
        this.packs = packs;
        this.machine = machine;
        this.authors = authors;
    }

    /** Stores a new campaign (status running, no runs yet); refuses bad pack options before anything is stored. */
    public CampaignRecord create(CampaignSpec spec, Pack pack) {
        return runner.create(spec, pack);
    }

    /** Runs a created campaign until its count is accepted or a cap stops it; {@code throttle} paces its author calls. */
    public CampaignReport run(String campaignId, Pack pack, Author author, Throttle throttle) throws InterruptedException {
        return runner.run(campaignId, pack, author, throttle);
    }

    /** Continues a campaign with the author it was started with; refuses when its pack or configuration changed. */
    public CampaignReport resumeCampaign(ResumeCampaign request) throws InterruptedException {
        var c = campaign(request.campaignId());
        var spec = CampaignRunner.specOf(c);
        if (request.author().filter(a -> !a.equals(spec.author())).isPresent()) {
            throw new CampaignRequestException("campaign " + c.id() + " was started with author '" + spec.author() + "', not '"
                    + request.author().get() + "'; a campaign keeps its author so its scenarios stay reproducible — start a new campaign instead");
        }
        // the pack's name is in the store, so the store is open; but nothing is written before the preflight
        var pack = packs.apply(c.pack());
        machine.require(pack);
        applyCaps(c.id(), spec.budget(), request.caps());
        var ready = authors.create(spec.author(), pack, spec.authorSettings());
        request.starting().accept(c);
        return runner.resume(c.id(), pack, ready.author(), ready.throttle());
    }

    /**
     * Continues one run, or re-runs it from a stage, as part of its campaign: under the campaign's budget less what it
     * already spent (its active time is added to the campaign's), with the campaign's author, stage settings and
     * acceptance (the same uniqueness gate and catalog). Refuses when the pack or the campaign's configuration changed.
     */
    public RunOutcome resumeRun(ResumeRun request) throws InterruptedException {
        RunRecord run = services.store().runs().find(request.runId())
                .orElseThrow(() -> new CampaignRequestException("no run " + request.runId() + "; list runs with 'scenarist runs'"));
        var c = services.store().campaigns().find(run.campaignId()).orElseThrow();
        var spec = CampaignRunner.specOf(c);
        var pack = packs.apply(run.pack());
        machine.require(pack);
        String now = spec.fingerprint(pack);
        if (!now.equals(c.fingerprint())) {
            throw new CampaignMismatchException("the pack '" + pack.name() + "' or the campaign's configuration changed since run " + run.id()
                    + " started (fingerprint " + c.fingerprint() + ", now " + now + "); restore it, or start a new campaign");
        }
        if (run.state() == RunState.ACCEPTED) return new RunOutcome(run, true, Optional.empty());
        if (request.fromStage().isPresent()) new RunRewinder(services).rewind(run.id(), pack, request.fromStage().get());
        else if (run.state() == RunState.CANCELLED) {
            throw new CampaignRequestException("run " + run.id() + " was cancelled and cannot be resumed");
        }
        if (applyCaps(c.id(), spec.budget(), request.caps())) c = services.store().campaigns().find(c.id()).orElseThrow();
        var ready = authors.create(spec.author(), pack, spec.authorSettings());
        // the campaign's budget, less what it spent: a resumed run is part of its campaign, not a way around its caps
        BudgetGuard guard = runner.guardOf(c);
        var exec = new RunExecutor(services, pack, AuthorAccess.of(services, ready.author(), ready.throttle(), guard),
                spec.stageSettings(), runner.acceptance(pack.name(), spec.count(), ready.author().id()));
        RunRecord after;
        try {
            after = exec.execute(run.id());
        } finally {
            runner.recordActive(c.id(), guard);
        }
        Optional<BudgetStop> stop = after.rejectReason().filter(r -> r == RejectReason.BUDGET).flatMap(r -> BudgetStop.parse(after.detail()));
        return new RunOutcome(after, false, stop);
    }

    /** Raises or lowers a campaign's caps (they are not part of its fingerprint). */
    public CampaignRecord updateBudget(String campaignId, CapChange caps) {
        var c = campaign(campaignId);
        applyCaps(c.id(), CampaignRunner.specOf(c).budget(), caps);
        return campaign(c.id());
    }

    /**
     * Runs a pack's checks on an existing scenario, as the engine runs a stage's: cheapest tier first, a check that
     * crashed or could not run is not judged (never passed), a transient error is retried with the engine's retry
     * options (a permanent one — a component missing on this machine, a critic that cannot be built — is not), error
     * texts are redacted. The scenario is copied to a scratch workspace first: checks never change its files, and
     * nothing is stored.
     */
    public Validation.Report validate(Validation.Request request) throws InterruptedException {
        Pack pack = request.pack();
        Path folder = request.folder();
        Path scratch;
        try {
            scratch = Files.createTempDirectory("scenarist-validate-");
            if (scratch.toRealPath().startsWith(folder.toRealPath())) {
                Files.delete(scratch);
                throw new CampaignRequestException(folder + " holds the temporary folder, so it cannot be copied for checking; "
                        + "put the scenario in a folder of its own and validate that");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path artifacts = scratch.resolveSibling(scratch.getFileName() + "-artifacts");
        try {
            Workspace ws = new Workspace(scratch);
            Workspace.copyTree(folder, scratch);
            var criticFailed = new AtomicReference<AuthorException>();
            Critic critic = validationCritic(request, criticFailed);
            Map<String, Object> params = new LinkedHashMap<>();
            request.target().file().ifPresent(f -> params.put("target", f));
            var ctx = new RunContext("validate", "validate", pack.name(), 0, params);
            List<Validation.CheckOutcome> out = new ArrayList<>();
            for (var stage : dev.scenarist.core.pack.Capabilities.validationChecks(pack, request.target()).entrySet()) {
                var checkContext = new CheckContext(ctx, stage.getKey(), ws, Map.of(), critic, artifacts);
                var byTier = new TreeMap<Integer, List<Check>>();
                for (Check c : stage.getValue()) byTier.computeIfAbsent(c.tier(), t -> new ArrayList<>()).add(c);
                boolean failedTier = false;
                for (var tier : byTier.entrySet()) {
                    for (Check c : tier.getValue().stream().sorted(Comparator.comparing(Check::name)).toList()) {
                        if (failedTier) {
                            out.add(new Validation.CheckOutcome(stage.getKey(), c.name(), c.tier(), Validation.Status.NOT_RUN, List.of(),
                                    Optional.empty()));
                            continue;
                        }
                        out.add(Validation.CheckOutcome.of(stage.getKey(), c.name(), c.tier(), judge(c, checkContext, criticFailed),
                                services.redact()));
                    }
                    boolean failed = out.stream().anyMatch(o -> o.stage().equals(stage.getKey()) && o.tier() == tier.getKey()
                            && o.status() == Validation.Status.FAILED);
                    if (failed && request.tiers() == Validation.Tiers.UNTIL_FIRST_FAILURE) failedTier = true;
                }
            }
            return new Validation.Report(pack.name(), out);
        } finally {
            Workspace.deleteTree(scratch, true);
            Workspace.deleteTree(artifacts, true);
        }
    }

    /** One check, retried like the engine retries a stage's checks: a transient error again after a backoff, a permanent one not. */
    private CheckResult judge(Check c, CheckContext ctx, AtomicReference<AuthorException> criticFailed) throws InterruptedException {
        var random = services.random().get();
        for (int retry = 0; ; retry++) {
            CheckResult r;
            try {
                r = c.run(ctx);
            } catch (RuntimeException e) {
                r = CheckResult.errored("check '" + c.name() + "' crashed: " + e);
            }
            if (!(r instanceof CheckResult.Errored e) || e.permanent() || retry >= services.retry().maxRetries()) return r;
            // the critic's own call is not retried here: a critic that cannot be built or reached gives the same answer again
            if (criticFailed.get() instanceof PermanentAuthorException) return r;
            services.sleeper().sleep(services.retry().delayBefore(retry + 1, random.nextDouble()));
        }
    }

    /** Judges ask the request's critic author, built once and only if a judge asks (a pack without judges needs none). */
    private Critic validationCritic(Validation.Request request, AtomicReference<AuthorException> failed) {
        var author = new AtomicReference<Author>();
        return (purpose, system, prompt) -> {
            try {
                if (author.get() == null) {
                    try {
                        author.set(authors.create(request.criticAuthor(), request.pack(), Map.of()).author());
                    } catch (RuntimeException e) {
                        throw new PermanentAuthorException(services.redact().apply(String.valueOf(e.getMessage())));
                    }
                }
                return author.get().reply(new AuthorRequest("validate:" + purpose, system, prompt, ModelSettings.DEFAULTS, 1, 0, Map.of())).text();
            } catch (AuthorException e) {
                failed.compareAndSet(null, e);
                throw e;
            }
        };
    }

    private CampaignRecord campaign(String id) {
        return services.store().campaigns().find(id)
                .orElseThrow(() -> new CampaignRequestException("no campaign " + id + "; list them with 'scenarist campaigns'"));
    }

    private boolean applyCaps(String campaignId, CampaignBudget budget, CapChange caps) {
        if (caps.isEmpty()) return false;
        CampaignBudget raised;
        try {
            raised = caps.applyTo(budget);
        } catch (IllegalArgumentException e) {
            throw new CampaignRequestException(e.getMessage());
        }
        runner.updateBudget(campaignId, raised);
        return true;
    }
}
