package dev.scenarist.core.engine.internal;

import dev.scenarist.core.engine.ApprovalGates;
import dev.scenarist.core.engine.EngineServices;
import dev.scenarist.core.engine.StageSettings;
import dev.scenarist.core.author.Author;
import dev.scenarist.core.author.Throttle;
import dev.scenarist.core.campaign.internal.BudgetGuard;
import dev.scenarist.core.events.ScenaristEvent;
import dev.scenarist.core.model.RunState;
import dev.scenarist.core.pack.Pack;
import dev.scenarist.core.pack.Stage;
import dev.scenarist.core.store.RunProgress;
import dev.scenarist.core.store.RunRecord;
import dev.scenarist.core.trajectory.RunFiles;
import dev.scenarist.core.engine.internal.TrajectoryLog;
import dev.scenarist.core.workspace.Workspace;
import java.util.List;
import java.util.Optional;

/**
 * Drives one run through its pack's pipeline. The orchestrator owns every decision: the author only proposes;
 * the guardrail, edit policy and checks judge. This class recovers the run's workspace and hands each stage to the
 * runner of its kind ({@link StageRunner}); the {@link AttemptJournal} commits every attempt's trajectory event,
 * snapshot and run state together (files first, the store's transaction last, the store being the point of truth), so
 * a run killed at any moment continues from its last committed attempt; the {@link FailureArchive} ends runs that fail.
 */
public final class RunExecutor {
    private final EngineServices services;
    private final Pack pack;
    private final StageSettings stageSettings;
    private final Acceptance acceptance;
    private final StageTools tools;

    public RunExecutor(EngineServices services, Pack pack, Author author, BudgetGuard budget,
                       StageSettings stageSettings, Acceptance acceptance) {
        this(services, pack, AuthorAccess.of(services, author, Throttle.NONE, budget), stageSettings, acceptance);
    }

    /** With the campaign's shared line to its author (throttle, circuit breaker, budget), so all its runs pace and pause together. */
    public RunExecutor(EngineServices services, Pack pack, AuthorAccess access, StageSettings stageSettings, Acceptance acceptance) {
        this(services, pack, access, RunSettings.of(stageSettings), acceptance);
    }

    /** With everything the campaign sets for its runs: stage settings, frozen lessons, approval gates. */
    public RunExecutor(EngineServices services, Pack pack, AuthorAccess access, RunSettings settings, Acceptance acceptance) {
        this.services = services;
        this.pack = pack;
        this.acceptance = acceptance;
        var gateway = new AuthorGateway(services, access.author(), access.throttle(), access.breaker(), access.budget());
        var journal = new AttemptJournal(services, settings.gates());
        this.stageSettings = settings.stages();
        this.tools = new StageTools(services, pack, new Authoring(pack, gateway, stageSettings, settings.lessons(), services.clock()),
                new StageChecks(services, gateway, settings.stages(), access.budget()), journal, new FailureArchive(services, journal));
    }

    /**
     * Runs (or continues) the run to a settled state: accepted, rejected, failed_infra, paused or cancelled.
     * Interrupting the thread leaves the run resumable from its last committed attempt.
     */
    public RunRecord execute(String runId) throws InterruptedException {
        RunRecord run = services.store().runs().find(runId)
                .orElseThrow(() -> new IllegalArgumentException("no run " + runId));
        if (run.state().isTerminal()) return run;
        // resumed at a gate stage that asked a person: the resume is its answer. Resumed at an approval gate: the stage
        // after it runs as usual (it may be a gate stage that asks a person again).
        boolean humanApproved = run.state() == RunState.PAUSED && ApprovalGates.pausedAfter(run).isEmpty();
        run = tools.journal().save(run.moveTo(RunState.RUNNING, Optional.empty(), "", tools.now()));
        RunFiles files = services.layout().run(runId);
        Workspace ws = recover(run, files);
        services.events().publish(new ScenaristEvent.RunStarted(run.campaignId(), run.id(), run.ordinal()));

        List<Stage> stages = pack.pipeline().stages().stream().map(stageSettings::apply).toList();
        while (run.progress().stageIndex() < stages.size()) {
            int idx = run.progress().stageIndex();
            Stage stage = stages.get(idx);
            services.events().publish(new ScenaristEvent.StageStarted(run.campaignId(), run.id(), stage.name(), idx));
            Step step = runnerFor(stage, humanApproved).run(new AttemptContext(run, idx, stage, files, ws));
            humanApproved = false;
            run = step.run();
            // paused with its stage's passing commit: an approval gate
            if (step instanceof Step.Stop || run.state() == RunState.PAUSED) return finished(run);
        }
        return finished(acceptance.accept(run, AttemptContext.of(run), pack, ws, files));
    }

    /**
     * Why a run of this executor stopped on a failure no retry can fix (the sandbox cannot start, a tool is not
     * installed), if one did. Every further run would fail the same way, so a campaign stops starting runs.
     */
    public Optional<String> permanentFailure() {
        return tools.archive().permanentFailure();
    }

    /** One runner per stage kind; a gate resumed after a pause counts the person's resume as approval. */
    private StageRunner runnerFor(Stage stage, boolean humanApproved) {
        return switch (stage) {
            case Stage.AuthorStage a when a.verifyFirst() -> new VerifyStageRunner(tools, a);
            case Stage.AuthorStage a -> new AuthorStageRunner(tools, a);
            case Stage.RefineStage r -> new RefineStageRunner(tools, r);
            case Stage.ReviewStage r -> new ReviewStageRunner(tools, r);
            case Stage.GateStage g -> new GateStageRunner(tools, g, humanApproved);
        };
    }

    /** Rebuilds the workspace from the last committed state and cuts any uncommitted trajectory tail. */
    private Workspace recover(RunRecord run, RunFiles files) {
        RunProgress p = run.progress();
        new TrajectoryLog(files.steps()).truncateTo(p.trajectoryBytes());
        files.pruneSnapshotsFrom(p.stageIndex());
        Workspace ws = files.workspace();
        ws.restoreFrom(files.latestSnapshotBefore(p.stageIndex()));
        p.lastAttemptFiles().forEach(ws::write);
        return ws;
    }

    private RunRecord finished(RunRecord run) {
        services.events().publish(new ScenaristEvent.RunFinished(run.campaignId(), run.id(), run.state(), run.detail()));
        return run;
    }
}
