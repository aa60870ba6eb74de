package dev.scenarist.core.campaign;

import dev.scenarist.core.campaign.internal.BudgetGuard;
import dev.scenarist.core.campaign.internal.CampaignRunner;
import dev.scenarist.core.campaign.internal.CampaignCancellation;
import dev.scenarist.core.campaign.internal.LeaseKeeper;
import dev.scenarist.core.author.Author;
import dev.scenarist.core.author.AuthorException;
import dev.scenarist.core.author.AuthorRequest;
import dev.scenarist.core.author.PermanentAuthorException;
import dev.scenarist.core.author.Throttle;
import dev.scenarist.core.author.AuthorReply;
import dev.scenarist.core.dataset.AcceptedScenario;
import dev.scenarist.core.dataset.Export;
import dev.scenarist.core.dataset.Promotion;
import dev.scenarist.core.dataset.ScenarioExporter;
import dev.scenarist.core.dataset.ScenarioPromoter;
import dev.scenarist.core.engine.ApprovalGates;
import dev.scenarist.core.engine.EngineServices;
import dev.scenarist.core.review.FileOverride;
import dev.scenarist.core.review.PausedRun;
import dev.scenarist.core.review.Recheck;
import dev.scenarist.core.review.ReviewItem;
import dev.scenarist.core.review.ReviewQueue;
import dev.scenarist.core.review.ReviewRefusedException;
import dev.scenarist.core.review.RunGates;
import dev.scenarist.core.store.ReviewDecision;
import dev.scenarist.core.engine.internal.ScenarioChecks;
import dev.scenarist.core.model.Usage;
import dev.scenarist.core.store.CampaignStatus;
import dev.scenarist.core.text.DidYouMean;
import java.time.Duration;
import dev.scenarist.core.engine.internal.RunExecutor;
import dev.scenarist.core.engine.internal.RunSettings;
import dev.scenarist.core.engine.internal.RunRewinder;
import dev.scenarist.core.engine.internal.AuthorAccess;
import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.model.RejectReason;
import dev.scenarist.core.model.RunState;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The one front door to campaigns (DESIGN.md §3): the CLI, the REST server and workers call this and wire no engine
 * part themselves. Every way in — generate, resume a campaign, resume a run (from a stage), cancel, validate, export,
 * promote — goes through the same engine: the campaign's budget less what it spent, the same retries, tier order, redaction and accounting.
 * Built once by the application from its {@link EngineServices}, its pack lookup, the check that a machine has what
 * a pack needs, and its author factory.
 *
 * <p>Over 400 lines on purpose: it is the whole public surface of the engine for its callers, one short method per use
 * (the human-review ones delegate to {@code core.review}); splitting it would give callers several front doors.
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
    private final RunGates gates;
    private final ReviewQueue reviews;
    private final dev.scenarist.core.campaign.internal.CampaignPlanner planner;

    /**
     * @param packs   the pack of a name (throws if there is none); core does not know the application's registry
     * @param machine the preflight: a pack's components on this machine
     * @param authors the application's author factory
     */
    public Campaigns(EngineServices services, Function<String, Pack> packs, MachineCheck machine, AuthorProvider authors) {
        this.services = services;
        this.runner = new CampaignRunner(services);
        this.planner = new dev.scenarist.core.campaign.internal.CampaignPlanner(services, runner);
        this.packs = packs;
        this.machine = machine;
        this.authors = authors;
        this.gates = new RunGates(services, packs);
        this.reviews = new ReviewQueue(services, new ScenarioPromoter(services.store(), services.layout().root(), packs));
    }

    /** Stores a new campaign (status running, no runs yet); refuses bad pack options before anything is stored. */
    public CampaignRecord create(CampaignSpec spec, Pack pack) {
        return runner.create(spec, pack);
    }

    /**
     * A campaign's summary as the store holds it now, with its pack's own figures; the engine's figures only when the
     * pack is no longer installed (a user pack removed since).
     *
     * @throws java.util.NoSuchElementException when there is no such campaign
     */
    public CampaignReport report(String campaignId) {
        CampaignRecord c = services.store().campaigns().find(campaignId).orElseThrow(
                () -> new java.util.NoSuchElementException("no campaign " + campaignId));
        Pack pack;
        try {
            pack = packs.apply(c.pack());
        } catch (RuntimeException e) {
            return CampaignReport.of(c, List.of(), services.store());
        }
        return CampaignReport.of(c, pack, services.store());
    }

    /** Runs a created campaign until its count is accepted or a cap stops it; {@code throttle} paces its author calls. */
    public CampaignReport run(String campaignId, Pack pack, Author author, Throttle throttle) throws InterruptedException {
        return runner.run(campaignId, pack, author, throttle);
    }

    /** Continues a campaign with the author it was started with; refuses when its pack or configuration changed. */
    public CampaignReport resumeCampaign(ResumeCampaign request) throws InterruptedException {
        var c = campaign(request.campaignId());
        if (c.status() == CampaignStatus.CANCELLED) throw new CampaignRequestException(CampaignRunner.cancelledMessage(c));
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
        return resume(request, Optional.of(RESUMED_BY));
    }

    /** Who a paused run's trajectory names as its approver when {@code scenarist resume RUN} continued it. */
    private static final String RESUMED_BY = "scenarist resume";

    /** @param approver who approves the run if it is paused (recorded in its trajectory once every check passed) */
    private RunOutcome resume(ResumeRun request, Optional<String> approver) throws InterruptedException {
        RunRecord run = services.store().runs().find(request.runId())
                .orElseThrow(() -> new CampaignRequestException("no run " + request.runId() + "; list runs with 'scenarist runs'"));
        var c = services.store().campaigns().find(run.campaignId()).orElseThrow();
        if (c.status() == CampaignStatus.CANCELLED && run.state() != RunState.ACCEPTED) {
            throw new CampaignRequestException("run " + run.id() + " belongs to campaign " + c.id() + ", which was cancelled"
                    + (c.stopReason().isEmpty() ? "" : " (" + c.stopReason() + ")") + "; its runs cannot be resumed");
        }
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
        } else if (run.state() == RunState.PAUSED && approver.isPresent()) {
            gates.recordApproval(run.id(), approver.get());
        }
        if (applyCaps(c.id(), spec.budget(), request.caps())) c = services.store().campaigns().find(c.id()).orElseThrow();
        RunRecord after = executeInCampaign(run.id(), c, pack);
        runner.settleAfterReview(c.id());
        Optional<BudgetStop> stop = after.rejectReason().filter(r -> r == RejectReason.BUDGET).flatMap(r -> BudgetStop.parse(after.detail()));
        return new RunOutcome(after, false, stop);
    }

    /**
     * Executes one run as part of its campaign: under the campaign's budget less what it already spent (its active time
     * is added to the campaign's), with the campaign's author, stage settings and acceptance (the same uniqueness gate
     * and catalog).
     */
    private RunRecord executeInCampaign(String runId, CampaignRecord c, Pack pack) throws InterruptedException {
        var spec = CampaignRunner.specOf(c);
        var ready = authors.create(spec.author(), pack, spec.authorSettings());
        // the campaign's budget, less what it spent: a resumed run is part of its campaign, not a way around its caps
        BudgetGuard guard = runner.guardOf(c);
        var exec = new RunExecutor(services, pack, AuthorAccess.of(services, ready.author(), ready.throttle(), guard),
                new RunSettings(spec.stageSettings(), spec.activeLessons(), ApprovalGates.of(spec.approvalGates())),
                runner.acceptance(pack.name(), spec.count(), ready.author().id()));
        try {
            return exec.execute(runId);
        } finally {
            runner.recordActive(c.id(), guard);
        }
    }

    // --- workers: campaigns whose runs are executed by worker processes sharing the store ---

    /**
     * Stores a new campaign for workers and its first runs (as many as its count, within {@code max_runs}), and hands
     * them to {@code queue}; workers ({@link #work}) execute them and add runs as rejections need. Refuses bad pack
     * options before anything is stored. Nothing runs in this process: watch {@link #report} until the campaign's status
     * is no longer running.
     */
    public CampaignRecord enqueue(CampaignSpec spec, Pack pack, RunQueue queue) {
        CampaignRecord c = runner.create(spec, pack);
        return planner.settle(c.id(), pack, queue).campaign();
    }

    /**
     * A worker executes one run of a campaign stored by {@link #enqueue}: it takes the run's lease in the store first (so
     * no two workers ever execute a run at once, whatever the queue believes), continues the run from its last
     * committed attempt (a run whose worker died is resumed where it stopped), then settles the campaign in its turn:
     * tops it up after a rejection, or ends it. A run its campaign no longer needs (count reached) is cancelled; one of a
     * cancelled or stopped campaign is left as it is.
     *
     * @throws InterruptedException when the worker is stopping: the run stays resumable and its lease is given up
     */
    public WorkOutcome work(WorkRequest request) throws InterruptedException {
        Optional<RunRecord> found = services.store().runs().find(request.runId());
        if (found.isEmpty()) return new WorkOutcome.Skipped("no run " + request.runId());
        RunRecord run = found.get();
        var c = campaign(run.campaignId());
        var pack = packs.apply(run.pack());
        if (run.state().isTerminal() || run.state() == RunState.PAUSED) {
            planner.settle(c.id(), pack, request.queue());
            return new WorkOutcome.Skipped("run " + run.id() + " is " + run.state().label() + " already");
        }
        if (c.status() == CampaignStatus.COMPLETED) {
            services.store().runs().update(run.moveTo(RunState.CANCELLED, Optional.empty(), "not needed: the campaign already has its "
                    + c.requested() + " accepted scenarios", services.clock().instant()));
            return new WorkOutcome.Skipped("campaign " + c.id() + " is complete");
        }
        if (c.status() != CampaignStatus.RUNNING) {
            return new WorkOutcome.Skipped("campaign " + c.id() + " is " + c.status().label() + (c.stopReason().isEmpty() ? "" : ": " + c.stopReason()));
        }
        var spec = CampaignRunner.specOf(c);
        String fingerprint = spec.fingerprint(pack);
        if (!fingerprint.equals(c.fingerprint())) {
            throw new CampaignMismatchException("this worker's pack '" + pack.name() + "' differs from the one campaign " + c.id()
                    + " was started with (fingerprint " + c.fingerprint() + ", here " + fingerprint + "); run every worker with the same packs");
        }
        machine.require(pack);
        var coordination = services.store().coordination();
        var now = services.clock().instant();
        if (!coordination.claim(run.id(), request.worker(), now, now.plus(request.lease()))) {
            return coordination.lease(run.id()).<WorkOutcome>map(WorkOutcome.HeldElsewhere::new)
                    .orElseGet(() -> new WorkOutcome.Skipped("run " + run.id() + " could not be claimed"));
        }
        RunRecord after;
        try (var keeper = LeaseKeeper.start(coordination, services.clock(), run.id(), request.worker(), request.lease(), Thread.currentThread())) {
            try {
                after = executeInCampaign(run.id(), c, pack);
            } catch (InterruptedException e) {
                if (!keeper.lost()) throw e;
                return new WorkOutcome.LeaseLost(run.id());
            } catch (dev.scenarist.core.store.StaleRunException e) {
                // cancelled with its campaign, or taken over by another worker after this one lost its lease
                if (keeper.lost()) return new WorkOutcome.LeaseLost(run.id());
                after = services.store().runs().find(run.id()).orElseThrow();
            } catch (RuntimeException e) {
                // a bug or a disk full must not leave the run looking alive, nor have the queue retry it forever
                runner.markInfraFailure(run.id(), e);
                after = services.store().runs().find(run.id()).orElseThrow();
            }
            if (keeper.lost()) {
                Thread.interrupted(); // the run settled before the interrupt landed: it is this worker's result after all
            }
        } finally {
            coordination.release(run.id(), request.worker(), services.clock().instant());
        }
        var plan = planner.settle(c.id(), pack, request.queue());
        return new WorkOutcome.Executed(after, plan.added());
    }

    /**
     * The queued runs of every running campaign, for a worker to enqueue again when it starts (the queue keeps one job per
     * run, so this adds only the jobs that are missing): a worker that died between adding a top-up run to the store and
     * enqueueing it left that run without a job, and its campaign would wait for it forever.
     */
    public List<String> queuedRuns() {
        List<String> ids = new ArrayList<>();
        for (CampaignRecord c : services.store().campaigns().list()) {
            if (c.status() != CampaignStatus.RUNNING) continue;
            services.store().runs().byCampaign(c.id()).stream().filter(r -> r.state() == RunState.QUEUED).forEach(r -> ids.add(r.id()));
        }
        return ids;
    }

    // --- human in the loop: runs paused at an approval gate ---

    /** A paused run: the stage under review, its files, which of them a person may override. */
    public PausedRun pausedRun(String runId) {
        return gates.paused(runId);
    }

    /** A person's text for one file of a paused run (only a file its reviewed stage may write); see {@link RunGates#override}. */
    public FileOverride overrideFile(String runId, String path, String content, String who) {
        return gates.override(runId, path, content, who);
    }

    /** The reviewed stage's checks on the paused run's files as they are now, without a model call; see {@link RunGates#recheck}. */
    public Recheck recheckRun(String runId, String who) throws InterruptedException {
        return gates.recheck(runId, who);
    }

    /**
     * Refuses, as {@link #approveRun} would, a run that is not paused or could not continue (its campaign cancelled, its
     * pack or configuration changed) — before anything is recorded; a server calls it before continuing the run in the
     * background.
     */
    public void requireApprovable(String runId) {
        RunRecord run = services.store().runs().find(runId).orElseThrow(() -> new ReviewRefusedException(ReviewRefusedException.Kind.NOT_FOUND,
                "no run " + runId + "; list runs with 'scenarist runs'"));
        gates.paused(run.id()); // paused, and its reviewed stage still in the pack
        var c = services.store().campaigns().find(run.campaignId()).orElseThrow();
        var pack = packs.apply(run.pack());
        String now = CampaignRunner.specOf(c).fingerprint(pack);
        if (!now.equals(c.fingerprint())) {
            throw new ReviewRefusedException(ReviewRefusedException.Kind.CONFLICT, "the pack '" + pack.name()
                    + "' or the campaign's configuration changed since run " + run.id() + " started; restore it, or reject the run");
        }
    }

    /**
     * A person approves a paused run: recorded in its trajectory, then the run continues — from the stage after its
     * approval gate (using the files as the person left them), or through the gate stage that asked — as part of its
     * campaign, under what is left of the campaign's budget. A campaign that was waiting for its people is settled.
     */
    public RunOutcome approveRun(String runId, String who) throws InterruptedException {
        return approveLater(runId, who).run();
    }

    /** The rest of an approved run, to be run by whoever continues it. */
    @FunctionalInterface
    public interface Continuation {
        RunOutcome run() throws InterruptedException;
    }

    /**
     * As {@link #approveRun}, for a caller that continues the run elsewhere (a server's background thread): every check
     * and the approval's record happen now; the run goes on when the returned continuation is run.
     */
    public Continuation approveLater(String runId, String who) {
        requireApprovable(runId);
        gates.recordApproval(runId, who);
        return () -> resume(new ResumeRun(runId, Optional.empty(), CapChange.NONE), Optional.empty());
    }

    /** A person rejects a paused run with a reason; its campaign, if it was waiting for its people, is settled. */
    public RunRecord rejectRun(String runId, String who, String reason) {
        RunRecord rejected = gates.reject(runId, who, reason);
        runner.settleAfterReview(rejected.campaignId());
        return rejected;
    }

    // --- the review queue: accepted scenarios awaiting final approval ---

    /** Accepted scenarios no one has decided on yet, oldest first. */
    public List<ReviewItem> reviewQueue(int limit) {
        return reviews.items(limit);
    }

    /** Approves an accepted scenario: promoted into the dataset, the decision kept for good. */
    public ReviewQueue.Approved approveScenario(String scenarioId, String who) {
        return reviews.approve(scenarioId, who);
    }

    /** Rejects an accepted scenario with a reason: it stays in staging, out of the queue. */
    public ReviewDecision rejectScenario(String scenarioId, String who, String reason) {
        return reviews.reject(scenarioId, who, reason);
    }

    /** Raises or lowers a campaign's caps (they are not part of its fingerprint). */
    public CampaignRecord updateBudget(String campaignId, CapChange caps) {
        var c = campaign(campaignId);
        applyCaps(c.id(), CampaignRunner.specOf(c).budget(), caps);
        return campaign(c.id());
    }

    /**
     * Runs a pack's checks on an existing scenario through the engine's own check loop (see
     * {@link ScenarioChecks}): cheapest tier first, a check that crashed or could not run is not judged (never passed),
     * a transient error is retried with the engine's retry options (a permanent one — a component missing on this
     * machine, a critic that cannot be built — is not), judges ask their critic through the engine's author gateway,
     * error texts are redacted. The scenario is copied to a scratch workspace first, so checks never change its files —
     * unless the pack says its checks for this target only read ({@code ValidationPlan.readsInPlace}): then they read
     * the folder where it lies. Nothing is stored.
     */
    public Validation.Report validate(Validation.Request request) throws InterruptedException {
        Pack pack = request.pack();
        Path folder = request.folder();
        boolean inPlace = pack.capability(dev.scenarist.core.pack.ValidationPlan.class).map(p -> p.readsInPlace(request.target())).orElse(false);
        // checks that only read see the folder itself; the others a scratch copy, so they never change the person's files
        Path scratch = inPlace ? null : scratchCopyOf(folder);
        Path artifacts;
        try {
            artifacts = Files.createTempDirectory("scenarist-validate-artifacts-");
        } catch (IOException e) {
            if (scratch != null) Workspace.deleteTree(scratch, true);
            throw new UncheckedIOException(e);
        }
        try {
            Workspace ws = new Workspace(inPlace ? folder : scratch);
            var critic = new LazyCritic(request.criticAuthor(), pack);
            var checks = new ScenarioChecks(services, critic, critic);
            Map<String, Object> params = new LinkedHashMap<>();
            request.target().file().ifPresent(f -> params.put("target", f));
            var ctx = new RunContext("validate", "validate", pack.name(), 0, params);
            List<Validation.CheckOutcome> out = new ArrayList<>();
            for (var stage : dev.scenarist.core.pack.Capabilities.validationChecks(pack, request.target()).entrySet()) {
                for (var c : checks.run(ctx, stage.getKey(), stage.getValue(), ws, artifacts, request.tiers() == Validation.Tiers.ALL)) {
                    out.add(c.result()
                            .map(r -> Validation.CheckOutcome.of(stage.getKey(), c.check().name(), c.check().tier(), r, services.redact()))
                            .orElseGet(() -> new Validation.CheckOutcome(stage.getKey(), c.check().name(), c.check().tier(),
                                    Validation.Status.NOT_RUN, List.of(), Optional.empty())));
                }
            }
            return new Validation.Report(pack.name(), out, checks.usage());
        } finally {
            if (scratch != null) Workspace.deleteTree(scratch, true);
            Workspace.deleteTree(artifacts, true);
        }
    }

    /** A scratch copy of {@code folder} for checks that may write; refused when the temporary folder lies inside it. */
    private static Path scratchCopyOf(Path folder) {
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("scenarist-validate-");
            if (scratch.toRealPath().startsWith(folder.toRealPath())) {
                Files.delete(scratch);
                throw new CampaignRequestException(folder + " holds the temporary folder, so it cannot be copied for checking; "
                        + "put the scenario in a folder of its own and validate that");
            }
            Workspace.copyTree(folder, scratch);
            return scratch;
        } catch (IOException e) {
            if (scratch != null) Workspace.deleteTree(scratch, true);
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The critic of a validation: the request's author, built only when a judge first asks (a pack without judges needs
     * none) and then kept; one that cannot be built fails every call for good (redacted), so it is not retried.
     */
    private final class LazyCritic implements Author, Throttle {
        private final String spec;
        private final Pack pack;
        private AuthorProvider.Ready ready;
        private PermanentAuthorException failed;

        LazyCritic(String spec, Pack pack) {
            this.spec = spec;
            this.pack = pack;
        }

        private synchronized AuthorProvider.Ready ready() throws PermanentAuthorException {
            if (failed != null) throw failed;
            if (ready == null) {
                try {
                    ready = authors.create(spec, pack, Map.of());
                } catch (RuntimeException e) {
                    failed = new PermanentAuthorException(services.redact().apply(String.valueOf(e.getMessage())));
                    throw failed;
                }
            }
            return ready;
        }

        @Override
        public String id() {
            return spec;
        }

        @Override
        public AuthorReply reply(AuthorRequest request) throws AuthorException, InterruptedException {
            return ready().author().reply(request);
        }

        @Override
        public Optional<Usage> estimate(AuthorRequest request) {
            synchronized (this) {
                return ready == null ? Optional.empty() : ready.author().estimate(request);
            }
        }

        @Override
        public Duration acquire(AuthorRequest request, Optional<Usage> estimate) throws InterruptedException {
            AuthorProvider.Ready r;
            try {
                r = ready();
            } catch (PermanentAuthorException e) {
                return Duration.ZERO; // the call fails at once, unpaced
            }
            return r.throttle().acquire(request, estimate);
        }
    }

    // --- cancel ---

    /**
     * What {@link #cancel} did.
     *
     * @param runsCancelled how many of its runs (queued, paused or running) were cancelled with it
     */
    public record CancelOutcome(CampaignRecord campaign, Result result, int runsCancelled) {
        public enum Result {
            /** Cancelled now. */
            CANCELLED,
            /** It had been cancelled before: nothing was done. */
            ALREADY_CANCELLED,
            /** It had already got its count: there was nothing left to cancel. */
            ALREADY_COMPLETED
        }
    }

    /**
     * Cancels a campaign, durably and for every process sharing the store: its status becomes cancelled (final: it is not
     * resumed), its queued, paused and running runs are cancelled at once — a process running it (a {@code generate}
     * elsewhere) starts no further run, and its runs in flight commit nothing more (their next attempt commit is refused;
     * their runner abandons the call in progress within about a second). A scenario accepted before stays accepted; none
     * is accepted after.
     */
    public CancelOutcome cancel(String campaignId) {
        var c = campaign(campaignId);
        if (c.status() == CampaignStatus.CANCELLED) return new CancelOutcome(c, CancelOutcome.Result.ALREADY_CANCELLED, 0);
        if (c.status() == CampaignStatus.COMPLETED) return new CancelOutcome(c, CancelOutcome.Result.ALREADY_COMPLETED, 0);
        var now = services.clock().instant();
        services.store().campaigns().update(c.withStatus(CampaignStatus.CANCELLED, "cancel requested at " + now, now, c.activeMillis()));
        int runs = new CampaignCancellation(services).cancelUnfinished(c.id());
        return new CancelOutcome(campaign(c.id()), CancelOutcome.Result.CANCELLED, runs);
    }

    // --- export, promote ---

    /** Writes a campaign's accepted scenarios out of the data folder, as folders or as one JSON Lines file. */
    public Export.Result export(Export.Request request) {
        ScenarioExporter.refuseFile(request.out());
        campaign(request.campaignId());
        return new ScenarioExporter(services.store(), services.layout().root()).export(request);
    }

    /**
     * A campaign's accepted scenarios, in the order they were accepted, with the folder each lies in now (staging, or
     * the dataset once promoted): read-only, for commands that read them in place (play them, list their metadata).
     *
     * @throws CampaignRequestException when there is no such campaign (naming the closest id)
     */
    public List<AcceptedScenario> accepted(String campaignId) {
        campaign(campaignId);
        Path root = services.layout().root().toAbsolutePath().normalize();
        return services.store().catalog().byCampaign(campaignId).stream()
                .map(e -> new AcceptedScenario(e.scenarioId(), e.pack(), e.title(), root.resolve(e.location()).normalize(),
                        e.stage(), e.acceptedAt()))
                .toList();
    }

    /**
     * Moves an accepted scenario from staging into the dataset ({@code <data>/datasets/<pack>/[<group>/]<id>}): copied,
     * recorded in the catalog, then removed from staging — a crash leaves it in both places, never in neither.
     */
    public Promotion promote(String scenarioId) {
        return new ScenarioPromoter(services.store(), services.layout().root(), packs).promote(scenarioId);
    }

    private CampaignRecord campaign(String id) {
        return services.store().campaigns().find(id).orElseThrow(() -> new CampaignRequestException("no campaign " + id + "; "
                + DidYouMean.hint(id, services.store().campaigns().list().stream().map(CampaignRecord::id).toList())
                + "list them with 'scenarist campaigns'"));
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
