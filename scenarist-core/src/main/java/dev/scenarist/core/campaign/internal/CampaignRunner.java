package dev.scenarist.core.campaign.internal;

import dev.scenarist.core.campaign.CampaignRequestException;
import dev.scenarist.core.campaign.BudgetStop;
import dev.scenarist.core.campaign.CampaignBudget;
import dev.scenarist.core.campaign.CampaignMismatchException;
import dev.scenarist.core.campaign.CampaignReport;
import dev.scenarist.core.campaign.CampaignSpec;
import dev.scenarist.core.author.Author;
import dev.scenarist.core.catalog.internal.CatalogMirror;
import dev.scenarist.core.engine.ApprovalGates;
import dev.scenarist.core.engine.internal.Acceptance;
import dev.scenarist.core.engine.internal.AuthorAccess;
import dev.scenarist.core.engine.EngineServices;
import dev.scenarist.core.engine.internal.RunExecutor;
import dev.scenarist.core.engine.internal.RunSettings;
import dev.scenarist.core.events.ScenaristEvent;
import dev.scenarist.core.model.Json;
import dev.scenarist.core.model.RunState;
import dev.scenarist.core.model.Usage;
import dev.scenarist.core.pack.Capabilities;
import dev.scenarist.core.pack.Pack;
import dev.scenarist.core.store.CampaignRecord;
import dev.scenarist.core.store.CampaignStatus;
import dev.scenarist.core.store.RunRecord;
import dev.scenarist.core.store.StaleRunException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a campaign to its count: keeps starting runs (on virtual threads, at most {@code concurrency} at once)
 * until the requested number is accepted or a cap is reached, then stops gracefully with a summary.
 * A campaign interrupted at any point is continued by {@link #resume}: its unfinished runs first, then top-up.
 * A campaign cancelled from any process sharing the store (see {@link CampaignCancellation}) is seen before each run
 * starts and at least once a second: no run starts after it, and the runs in flight are abandoned.
 *
 * <p>Over 400 lines because the run loop, its budget stops, cancellation, approval waits and resume bookkeeping share
 * one set of counters; each concern that stands alone already lives beside it (BudgetGuard, CampaignCancellation).
 */
public final class CampaignRunner {
    private static final Logger log = LoggerFactory.getLogger(CampaignRunner.class);
    private final EngineServices services;
    private final CatalogMirror mirror;
    private final CampaignCancellation cancellation;

    public CampaignRunner(EngineServices services) {
        this.services = services;
        this.mirror = new CatalogMirror(services.similarity());
        this.cancellation = new CampaignCancellation(services);
    }

    /**
     * The acceptance step for runs of a campaign wanting {@code campaignTarget} scenarios, sharing this runner's view
     * of the catalog (the one writer of the engine's similarity index), brought up to date with the pack's catalog.
     */
    public Acceptance acceptance(String pack, int campaignTarget, String authorId) {
        mirror.catchUp(pack, services.store().catalog());
        return new Acceptance(services, mirror, campaignTarget, authorId);
    }

    /**
     * Stores a new campaign (status running, no runs yet). A campaign with lessons on gets the pack's enabled lessons
     * frozen into its spec now: its prompts then never change with later edits (see {@link CampaignSpec#lessonLines()}).
     */
    public CampaignRecord create(CampaignSpec spec, Pack pack) {
        Capabilities.parameters(pack, spec.seed(), spec.options()); // refuses bad pack options before anything is stored
        List<String> unknownGates = ApprovalGates.problems(pack, spec.approvalGates());
        if (!unknownGates.isEmpty()) throw new CampaignRequestException("approve_after: " + String.join("; ", unknownGates));
        if (spec.lessons() && spec.lessonLines().isEmpty()) {
            spec = spec.withLessonLines(dev.scenarist.core.lessons.Lessons.frozenFor(services.store(), pack.name()));
        }
        var now = services.clock().instant();
        var c = new CampaignRecord(services.ids().next("cmp", now), pack.name(), spec.count(), CampaignStatus.RUNNING, "",
                spec.fingerprint(pack), Json.write(spec), now, now, 0);
        services.store().campaigns().create(c);
        return c;
    }

    /** Raises or lowers a campaign's caps (they are not part of its fingerprint). */
    public CampaignRecord updateBudget(String campaignId, CampaignBudget budget) {
        CampaignRecord c = services.store().campaigns().find(campaignId).orElseThrow();
        CampaignSpec s = specOf(c);
        CampaignSpec changed = s.withBudget(budget);
        CampaignRecord updated = new CampaignRecord(c.id(), c.pack(), c.requested(), c.status(), c.stopReason(), c.fingerprint(),
                Json.write(changed), c.createdAt(), services.clock().instant(), c.activeMillis());
        services.store().campaigns().update(updated);
        return updated;
    }

    public static CampaignSpec specOf(CampaignRecord c) {
        return CampaignSpec.of(c);
    }

    /**
     * Continues a campaign; refuses when the pack definition or configuration that shaped it has changed. Runs that
     * ended {@code failed_infra} or were stopped by the budget are retried from their last committed attempt, as the
     * same runs (they do not count again against {@code max_runs}).
     */
    public CampaignReport resume(String campaignId, Pack pack, Author author) throws InterruptedException {
        return resume(campaignId, pack, author, dev.scenarist.core.author.Throttle.NONE);
    }

    public CampaignReport resume(String campaignId, Pack pack, Author author, dev.scenarist.core.author.Throttle throttle)
            throws InterruptedException {
        CampaignRecord c = services.store().campaigns().find(campaignId)
                .orElseThrow(() -> new IllegalArgumentException("no campaign " + campaignId + "; list them with 'scenarist campaigns'"));
        if (c.status() == CampaignStatus.CANCELLED) throw new CampaignRequestException(cancelledMessage(c));
        String now = specOf(c).fingerprint(pack);
        if (!now.equals(c.fingerprint())) {
            throw new CampaignMismatchException("campaign " + campaignId + " was started with a different configuration (fingerprint "
                    + c.fingerprint() + ", now " + now + "): the pack '" + pack.name() + "' definition, author, seed or stage settings changed."
                    + " Restore them, or start a new campaign with 'scenarist generate'");
        }
        if (c.status() != CampaignStatus.RUNNING) {
            c = c.withStatus(CampaignStatus.RUNNING, "", services.clock().instant(), c.activeMillis());
            services.store().campaigns().update(c);
        }
        return run(campaignId, pack, author, throttle, true);
    }

    public CampaignReport run(String campaignId, Pack pack, Author author) throws InterruptedException {
        return run(campaignId, pack, author, dev.scenarist.core.author.Throttle.NONE);
    }

    /** Executes the campaign until its count is accepted or a cap stops it; {@code throttle} paces its author calls. */
    public CampaignReport run(String campaignId, Pack pack, Author author, dev.scenarist.core.author.Throttle throttle)
            throws InterruptedException {
        return run(campaignId, pack, author, throttle, false);
    }

    /** Why a campaign waits: how many runs, and what a person does about them. */
    public static String awaitingReason(int awaiting, int accepted, int requested) {
        return "awaiting approval: " + awaiting + " run(s) paused for a person (" + accepted + " of " + requested
                + " accepted); approve or reject each with 'scenarist approve RUN [--reject REASON]' or on its gate page";
    }

    /**
     * After a person approved or rejected a run: a campaign that was waiting for its people is settled — completed when
     * its count is in, still waiting while paused runs remain, else stopped short with how to top it up. A campaign in
     * any other status is left alone (a running one settles itself).
     */
    public CampaignRecord settleAfterReview(String campaignId) {
        CampaignRecord c = services.store().campaigns().find(campaignId).orElseThrow();
        if (c.status() != CampaignStatus.AWAITING_APPROVAL) return c;
        List<RunRecord> runs = services.store().runs().byCampaign(campaignId);
        int accepted = (int) runs.stream().filter(r -> r.state() == RunState.ACCEPTED).count();
        int paused = (int) runs.stream().filter(r -> r.state() == RunState.PAUSED).count();
        int active = (int) runs.stream().filter(r -> r.state() == RunState.RUNNING || r.state() == RunState.QUEUED).count();
        if (active > 0 && accepted < c.requested()) return c; // an approved run is still on its way
        CampaignRecord next;
        if (accepted >= c.requested()) next = c.withStatus(CampaignStatus.COMPLETED, "", services.clock().instant(), c.activeMillis());
        else if (paused > 0) {
            next = c.withStatus(CampaignStatus.AWAITING_APPROVAL, awaitingReason(paused, accepted, c.requested()), services.clock().instant(),
                    c.activeMillis());
        } else {
            next = c.withStatus(CampaignStatus.STOPPED, "short after review: " + accepted + " of " + c.requested()
                    + " accepted and no run awaits approval; top it up with 'scenarist resume --campaign " + c.id() + "'",
                    services.clock().instant(), c.activeMillis());
        }
        services.store().campaigns().update(next);
        if (next.status() != c.status()) {
            services.events().publish(new ScenaristEvent.CampaignFinished(c.id(), next.status().label(), accepted, c.requested(), next.stopReason()));
        }
        return next;
    }

    /** Why a cancelled campaign is not resumed, and what to do instead. */
    public static String cancelledMessage(CampaignRecord c) {
        return "campaign " + c.id() + " was cancelled" + (c.stopReason().isEmpty() ? "" : " (" + c.stopReason() + ")")
                + " and cannot be resumed; start a new campaign with 'scenarist generate'";
    }

    /** The budget the campaign has left: its caps, less what its runs spent and the active time already recorded. */
    public BudgetGuard guardOf(CampaignRecord c) {
        Usage spent = services.store().runs().byCampaign(c.id()).stream().map(r -> r.progress().usage()).reduce(Usage.ZERO, Usage::plus);
        return new BudgetGuard(specOf(c).budget(), spent, c.activeMillis(), services.clock());
    }

    /** Adds the active time of work done outside a campaign session ({@code resume RUN}) to the campaign's wall-time account. */
    public void recordActive(String campaignId, BudgetGuard guard) {
        saveActive(campaignId, guard);
    }

    private CampaignReport run(String campaignId, Pack pack, Author author, dev.scenarist.core.author.Throttle throttle, boolean retryStopped)
            throws InterruptedException {
        CampaignRecord c = services.store().campaigns().find(campaignId).orElseThrow();
        CampaignSpec spec = specOf(c);
        BudgetGuard guard = guardOf(c);
        // nothing is re-queued while the budget is spent: those runs would only be stopped again
        if (retryStopped && guard.refusal().isEmpty()) requeueStopped(campaignId);
        List<RunRecord> existing = services.store().runs().byCampaign(campaignId);
        var executor = new RunExecutor(services, pack, AuthorAccess.of(services, author, throttle, guard),
                new RunSettings(spec.stageSettings(), spec.activeLessons(), ApprovalGates.of(spec.approvalGates())),
                acceptance(pack.name(), spec.count(), author.id()));
        long accepted0 = existing.stream().filter(r -> r.state() == RunState.ACCEPTED).count();
        // runs waiting for a person would bring the count in if approved: no run is started in their place (else every
        // run of a gated campaign would pause, and the campaign would start runs up to its cap while people catch up)
        int awaiting = (int) existing.stream().filter(r -> r.state() == RunState.PAUSED).count();
        services.events().publish(new ScenaristEvent.CampaignStarted(campaignId, pack.name(), spec.count(), (int) accepted0));

        var done = new LinkedBlockingQueue<String>();
        var stopping = new java.util.concurrent.atomic.AtomicBoolean();
        Map<String, Future<?>> inflight = new ConcurrentHashMap<>();
        // counted here rather than re-read from the store on every turn of the loop: that read grows with the campaign
        int started = existing.size();
        int accepted = (int) accepted0;
        Optional<BudgetStop> stoppedRun = Optional.empty();
        String stopReason = "";
        CampaignStatus status;
        CampaignCancellation.Watch cancelled = cancellation.watch(campaignId);
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        try {
            // unfinished runs of an interrupted session go first (unless the budget is already spent: the loop stops at once)
            if (guard.refusal().isEmpty() && !cancelled.now()) {
                for (RunRecord r : existing) {
                    if (r.state() == RunState.QUEUED || r.state() == RunState.RUNNING) submit(pool, executor, r.id(), inflight, done, stopping);
                }
            }
            while (true) {
                if (accepted >= spec.count()) {
                    status = CampaignStatus.COMPLETED;
                    break;
                }
                // read at least once a second (and before every run it starts, below): a cancel from another process stops it
                if (cancelled.lately()) {
                    status = CampaignStatus.CANCELLED;
                    break;
                }
                // a run stopped by the budget (a call that would have crossed a cap) stops the campaign too
                Optional<BudgetStop> stop = guard.refusal();
                if (stop.isEmpty()) stop = stoppedRun;
                if (stop.isPresent()) {
                    status = CampaignStatus.STOPPED;
                    stopReason = stop.get().message();
                    if (stop.get().cap() == BudgetStop.Cap.MAX_WALL) {
                        // time is the one cap that runs in flight keep spending while they wait: cut them now
                        stopping.set(true);
                        stopInflight(inflight, done, stop.get());
                    }
                    // past a token or cost cap a run in flight makes no further call (the gateway refuses it), so it may
                    // finish what needs no budget — its checks, its acceptance — instead of losing that work
                    break;
                }
                // a component missing on this machine fails every run alike: stop instead of burning the run cap
                Optional<String> missing = executor.permanentFailure();
                if (missing.isPresent()) {
                    status = CampaignStatus.STOPPED;
                    stopReason = missing.get() + "; fix it (see 'scenarist doctor'), then continue with 'scenarist resume --campaign "
                            + campaignId + "'";
                    break;
                }
                if (inflight.size() < spec.concurrency() && accepted + inflight.size() + awaiting < spec.count() && started < spec.maxRuns()) {
                    RunRecord r = newRun(c, spec, pack, ++started);
                    // read again once the run is stored: a cancel stored since the read above is seen here, or its
                    // sweep of the campaign's runs saw this run — either way it never starts
                    if (cancelled.now()) {
                        cancellation.cancelRun(r.id());
                        status = CampaignStatus.CANCELLED;
                        break;
                    }
                    submit(pool, executor, r.id(), inflight, done, stopping);
                    continue;
                }
                if (inflight.isEmpty()) {
                    if (awaiting > 0 && accepted + awaiting >= spec.count()) {
                        status = CampaignStatus.AWAITING_APPROVAL;
                        stopReason = awaitingReason(awaiting, accepted, spec.count());
                        break;
                    }
                    status = CampaignStatus.STOPPED;
                    stopReason = "budget: max_runs " + spec.maxRuns() + " reached (" + started + " runs started, " + accepted + " of "
                            + spec.count() + " accepted" + (awaiting > 0 ? ", " + awaiting + " awaiting approval" : "") + ")";
                    break;
                }
                // wakes at least once a second, so a wall-time cap is noticed within a second even while every run is busy
                var r = awaitOne(done, inflight);
                // a run of ours cancelled by someone else: its campaign was most likely cancelled — look now, not within a second
                if (r.filter(x -> x.state() == RunState.CANCELLED).isPresent()) cancelled.now();
                accepted += accepted(r);
                if (r.filter(x -> x.state() == RunState.PAUSED).isPresent()) awaiting++;
                stoppedRun = stoppedRun.or(() -> budgetReason(r));
            }
            if (status == CampaignStatus.CANCELLED) {
                // every unsettled run is cancelled in the store first (a cancel that raced a run's start included), so
                // a run in flight could commit nothing more — its next attempt commit is refused by the run's version:
                // the author call or wait it is in is abandoned now instead of spending tokens on work that cannot land
                cancellation.cancelUnfinished(campaignId);
                stopping.set(true);
                interruptInflight(inflight, done);
            }
            while (!inflight.isEmpty()) accepted += accepted(awaitOne(done, inflight));
            if (accepted >= spec.count() && status != CampaignStatus.CANCELLED) {
                status = CampaignStatus.COMPLETED; // the runs that were allowed to finish brought the count in
                stopReason = "";
            }
        } catch (InterruptedException e) {
            inflight.values().forEach(f -> f.cancel(true));
            saveActive(campaignId, guard);
            throw e;
        } finally {
            // not close(): it would wait for a task that ignores its interrupt; every task still running was cancelled above
            pool.shutdownNow();
        }
        CampaignRecord current = services.store().campaigns().find(campaignId).orElseThrow();
        if (current.status() == CampaignStatus.CANCELLED) {
            // cancelled, maybe while its last runs finished: the store keeps a cancel whatever a runner writes after it
            status = CampaignStatus.CANCELLED;
            stopReason = current.stopReason();
        }
        services.store().campaigns().update(current.withStatus(status, stopReason, services.clock().instant(), guard.activeMillis()));
        CampaignRecord after = services.store().campaigns().find(campaignId).orElseThrow();
        CampaignReport report = CampaignReport.of(after, pack, services.store());
        services.events().publish(new ScenaristEvent.CampaignFinished(campaignId, status.label(), report.accepted(), spec.count(), stopReason));
        return report;
    }

    /** How long cancelled runs get to unwind (close files, commit nothing half-done) before they are recorded as stopped. */
    private static final Duration STOP_GRACE = Duration.ofMillis(500);

    /**
     * A cap was reached: in-flight runs are interrupted (author calls, backoff waits and sandboxed checks wake up), get
     * {@link #STOP_GRACE} to unwind, and every one left running is recorded as rejected for budget — not failed_infra,
     * and resumable from its last committed attempt once the cap is raised.
     */
    private void stopInflight(Map<String, Future<?>> inflight, LinkedBlockingQueue<String> done, BudgetStop stop) throws InterruptedException {
        List<String> cut = interruptInflight(inflight, done);
        for (String id : cut) {
            try {
                services.store().runs().find(id).filter(r -> r.state() == RunState.RUNNING).ifPresent(r -> services.store().runs()
                        .update(r.moveTo(RunState.REJECTED, Optional.of(dev.scenarist.core.model.RejectReason.BUDGET), stop.message(),
                                services.clock().instant())));
            } catch (StaleRunException e) {
                log.debug("run {} settled itself while being stopped", id);
            }
        }
    }

    /** Interrupts the runs in flight and gives them {@link #STOP_GRACE} to unwind; returns the ones that were in flight. */
    private List<String> interruptInflight(Map<String, Future<?>> inflight, LinkedBlockingQueue<String> done) throws InterruptedException {
        List<String> cut = List.copyOf(inflight.keySet());
        inflight.values().forEach(f -> f.cancel(true));
        long deadline = System.nanoTime() + STOP_GRACE.toNanos();
        while (!inflight.isEmpty()) {
            long left = deadline - System.nanoTime();
            String id = left > 0 ? done.poll(left, TimeUnit.NANOSECONDS) : null;
            if (id == null) break;
            inflight.remove(id);
        }
        inflight.clear();
        return cut;
    }

    /** Runs that a budget stop or an infrastructure failure left without a verdict go back in the queue, progress kept. */
    private void requeueStopped(String campaignId) {
        for (RunRecord r : services.store().runs().byCampaign(campaignId)) {
            boolean budget = r.state() == RunState.REJECTED && r.rejectReason().filter(x -> x == dev.scenarist.core.model.RejectReason.BUDGET).isPresent();
            if (r.state() == RunState.FAILED_INFRA || budget) {
                services.store().runs().update(r.moveTo(RunState.QUEUED, Optional.empty(), "retried by resume after: " + r.detail(),
                        services.clock().instant()));
            }
        }
    }

    private void saveActive(String campaignId, BudgetGuard guard) {
        try {
            services.store().campaigns().find(campaignId).ifPresent(c -> services.store().campaigns()
                    .update(c.withStatus(c.status(), c.stopReason(), services.clock().instant(), guard.activeMillis())));
        } catch (RuntimeException e) {
            log.warn("could not record active time of {}: {}", campaignId, e.toString());
        }
    }

    /** Stores a new queued run of the campaign, numbered {@code ordinal}, its seed and pack parameters derived from it. */
    RunRecord newRun(CampaignRecord c, CampaignSpec spec, Pack pack, int ordinal) {
        long seed = spec.seed() + ordinal;
        var now = services.clock().instant();
        var r = RunRecord.queued(services.ids().next("run", now), c.id(), pack.name(), ordinal, seed, Capabilities.parameters(pack, seed, spec.options()), now);
        services.store().runs().create(r);
        return r;
    }

    private void submit(ExecutorService pool, RunExecutor executor, String runId, Map<String, Future<?>> inflight,
                        LinkedBlockingQueue<String> done, java.util.concurrent.atomic.AtomicBoolean stopping) {
        // registered before it starts, so a run that finishes at once is never counted as still in flight
        var task = new java.util.concurrent.FutureTask<Void>(() -> {
            try {
                executor.execute(runId);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (StaleRunException e) {
                if (services.store().runs().find(runId).filter(r -> r.state() == RunState.CANCELLED).isPresent()) {
                    log.info("run {} was cancelled with its campaign; it stopped at its attempt boundary", runId);
                } else {
                    log.warn("run {} was advanced by another worker; leaving it to that one", runId);
                }
            } catch (RuntimeException | Error e) {
                // a run cut short by a budget stop may fail in odd ways as it unwinds (a file channel closed by the
                // interrupt): that is the stop, recorded by stopInflight, not an infrastructure failure; an Error (a class
                // missing from the installation, say) must not leave the run looking alive either
                if (stopping.get()) log.debug("run {} stopped (budget or cancel) while {}", runId, e.toString());
                else markInfraFailure(runId, e);
            } finally {
                done.add(runId);
            }
            return null;
        });
        inflight.put(runId, task);
        pool.execute(task);
    }

    /** An unexpected error (disk full, a bug) must not leave the run looking alive: record it as an infrastructure failure. */
    public void markInfraFailure(String runId, Throwable e) {
        log.error("run {} failed unexpectedly", runId, e);
        try {
            services.store().runs().find(runId).filter(r -> r.state().canMoveTo(RunState.FAILED_INFRA)).ifPresent(r ->
                    services.store().runs().update(r.moveTo(RunState.FAILED_INFRA, Optional.empty(),
                            "internal error: " + e, services.clock().instant())));
        } catch (RuntimeException again) {
            log.error("could not record the failure of run {}: {}", runId, again.toString());
        }
        services.events().publish(new ScenaristEvent.RunFinished("", runId, RunState.FAILED_INFRA, "internal error: " + e));
    }

    /** Waits up to a second for a run to finish; returns it as stored, or empty if none finished. */
    private Optional<RunRecord> awaitOne(LinkedBlockingQueue<String> done, Map<String, Future<?>> inflight) throws InterruptedException {
        String id = done.poll(Duration.ofSeconds(1).toMillis(), TimeUnit.MILLISECONDS);
        if (id == null) return Optional.empty();
        inflight.remove(id);
        return services.store().runs().find(id);
    }

    private static int accepted(Optional<RunRecord> r) {
        return r.filter(x -> x.state() == RunState.ACCEPTED).isPresent() ? 1 : 0;
    }

    private static Optional<BudgetStop> budgetReason(Optional<RunRecord> r) {
        return r.filter(x -> x.rejectReason().filter(reason -> reason == dev.scenarist.core.model.RejectReason.BUDGET).isPresent())
                .flatMap(x -> BudgetStop.parse(x.detail()));
    }
}
