package dev.scenarist.core.engine.internal;

import dev.scenarist.core.engine.EngineServices;
import dev.scenarist.core.campaign.BudgetStop;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.model.Json;
import dev.scenarist.core.model.RejectReason;
import dev.scenarist.core.model.RunState;
import dev.scenarist.core.store.AttemptVerdict;
import dev.scenarist.core.store.CheckRecord;
import dev.scenarist.core.store.RunProgress;
import dev.scenarist.core.store.RunRecord;
import dev.scenarist.core.trajectory.RunFiles;
import dev.scenarist.core.workspace.Workspace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Every way a run ends without a scenario, in one place: the failure context ({@code failure/workspace} and
 * {@code failure/reason.json}) is archived, then the run's end is committed through the {@link AttemptJournal}.
 * Content rejections spend the stage's attempts; an infrastructure failure or a budget stop never does, and is never
 * reported as a bad scenario.
 */
final class FailureArchive {
    /** Why a content attempt ended the run: the kind archived, the reason stored, the detail a person reads. */
    record Rejection(FailureKind kind, RejectReason reason, String why) {
        static Rejection checksExhausted(FailureKind kind, String why) {
            return new Rejection(kind, RejectReason.CHECKS_EXHAUSTED, why);
        }
    }

    private final EngineServices services;
    private final AttemptJournal journal;
    /** The first permanent infrastructure failure any run hit; see {@link #permanentFailure()}. */
    private final AtomicReference<String> permanentFailure = new AtomicReference<>();

    FailureArchive(EngineServices services, AttemptJournal journal) {
        this.services = services;
        this.journal = journal;
    }

    /** Why a run stopped on a failure no retry can fix, if one did: every further run would fail alike. */
    Optional<String> permanentFailure() {
        return Optional.ofNullable(permanentFailure.get());
    }

    /** The checks or the author rejected the content too often (or a gate rejected it): the run is rejected. */
    RunRecord reject(AttemptContext ctx, Attempt.Result result, RunProgress next, Rejection rejection) {
        archive(ctx.files(), ctx.ws(), rejection.kind(), ctx.stageName(), rejection.why(), result.findings());
        return journal.runEnds(ctx, result, next, RunEnd.rejected(rejection.reason(), rejection.why()));
    }

    /** The stage's own author call gave no reply: the budget refused it, or infrastructure failed past its retries. */
    Step stop(AttemptContext ctx, Attempt a, AuthorGateway.Outcome.Failure failure) {
        return new Step.Stop(switch (failure) {
            case AuthorGateway.Outcome.BudgetRefused b -> refusedByBudget(ctx, b.stop());
            case AuthorGateway.Outcome.InfraFailed f -> infraFailure(ctx, a, List.of(), f.error().getMessage(), false);
        });
    }

    /** The checks gave no verdict: an infrastructure failure (retries spent) or a budget stop. */
    Step stop(AttemptContext ctx, Attempt a, CheckRunner.Outcome.NotJudged notJudged) {
        return new Step.Stop(switch (notJudged.why()) {
            case CheckRunner.Unjudged.Errored e -> infraFailure(ctx, a, notJudged.records(), e.message(), e.permanent());
            case CheckRunner.Unjudged.BudgetStopped b -> budgetStopped(ctx, a, notJudged.records(), b.stop());
        });
    }

    /**
     * Infrastructure failed: the attempt is committed (its calls stay accounted) without spending a content attempt.
     *
     * @param permanent the machine lacks a component: remembered, so the campaign starts no further run that would fail alike
     */
    private RunRecord infraFailure(AttemptContext ctx, Attempt a, List<CheckRecord> checks, String error, boolean permanent) {
        String why = services.redact().apply((permanent ? "missing component in stage '" : "infrastructure failure in stage '")
                + ctx.stageName() + "': " + error);
        if (permanent) permanentFailure.compareAndSet(null, why);
        archive(ctx.files(), ctx.ws(), FailureKind.INFRASTRUCTURE, ctx.stageName(), why, List.of());
        return journal.runEnds(ctx, a.cutShort(AttemptVerdict.INFRA_ERROR, checks), unspent(ctx, a), RunEnd.failedInfra(why));
    }

    /**
     * The budget stopped the run mid-attempt (a judge's call refused): the attempt is committed so the calls it made
     * stay accounted, spends no content attempt, and the run is rejected for budget — resumable once the cap is raised.
     */
    private RunRecord budgetStopped(AttemptContext ctx, Attempt a, List<CheckRecord> checks, BudgetStop stop) {
        archive(ctx.files(), ctx.ws(), FailureKind.BUDGET, ctx.stageName(), stop.message(), List.of());
        return journal.runEnds(ctx, a.cutShort(AttemptVerdict.BUDGET_STOPPED, checks), unspent(ctx, a),
                RunEnd.rejected(RejectReason.BUDGET, stop.message()));
    }

    /** The budget refused a stage's own call before it was made: nothing to commit but the run's end. */
    private RunRecord refusedByBudget(AttemptContext ctx, BudgetStop stop) {
        archive(ctx.files(), ctx.ws(), FailureKind.BUDGET, "", stop.message(), List.of());
        return journal.save(ctx.run().moveTo(RunState.REJECTED, Optional.of(RejectReason.BUDGET), stop.message(),
                services.clock().instant()));
    }

    /** Progress after an attempt that spent no content attempt: stage attempts and feedback stay as they were. */
    private static RunProgress unspent(AttemptContext ctx, Attempt a) {
        RunProgress p = ctx.progress();
        return p.attempted(a.seq(), p.stageAttempts(), p.lastFindings(), p.lastAttemptFiles(), p.bestScore(), a.calls().usage());
    }

    private static void archive(RunFiles files, Workspace ws, FailureKind kind, String stage, String why, List<Finding> findings) {
        var dir = files.failureDir();
        Workspace.deleteTree(dir, true);
        Workspace.copyTree(ws.root(), dir.resolve("workspace"));
        Map<String, Object> reason = new LinkedHashMap<>();
        reason.put("kind", kind.label());
        reason.put("stage", stage);
        reason.put("message", why);
        reason.put("findings", findings.stream().map(Finding::forPeople).toList()); // read by people: no hints for the model
        new Workspace(dir).write("reason.json", Json.pretty(reason));
    }
}
