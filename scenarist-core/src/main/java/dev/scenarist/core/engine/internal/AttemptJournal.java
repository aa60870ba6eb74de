package dev.scenarist.core.engine.internal;

import dev.scenarist.core.engine.ApprovalGates;
import dev.scenarist.core.engine.EngineServices;
import dev.scenarist.core.events.ScenaristEvent;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.store.AttemptCommit;
import dev.scenarist.core.store.AttemptRecord;
import dev.scenarist.core.store.RunProgress;
import dev.scenarist.core.store.RunRecord;
import dev.scenarist.core.trajectory.RunFiles;
import dev.scenarist.core.engine.internal.TrajectoryLog;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Commits attempts, each as one unit: the workspace snapshot (when the stage passed), then the trajectory line (fsync),
 * then the store transaction with the trajectory's new length and the run's next version. A crash before the store
 * commits leaves a tail that resume cuts, so the store is the point of truth. Outcomes are written under their stable
 * labels.
 */
final class AttemptJournal {
    /** What the committed attempt does to its run. */
    private sealed interface Effect {
        record StageContinues() implements Effect {}

        record StagePassed() implements Effect {}

        record RunEnds(RunEnd end) implements Effect {}
    }

    private final EngineServices services;
    private final ApprovalGates gates;

    /** {@code gates}: the stages whose passing commit also pauses the run for a person (see {@link ApprovalGates}). */
    AttemptJournal(EngineServices services, ApprovalGates gates) {
        this.services = services;
        this.gates = gates;
    }

    /** The stage goes on with another attempt. */
    RunRecord stageContinues(AttemptContext ctx, Attempt.Result result, RunProgress next) {
        return commit(ctx, result, next, new Effect.StageContinues());
    }

    /**
     * The stage passed: its snapshot is written and the run moves to the next stage — paused there, in the same commit,
     * when the stage has an approval gate.
     */
    RunRecord stagePassed(AttemptContext ctx, Attempt.Result result, RunProgress next) {
        return commit(ctx, result, next, new Effect.StagePassed());
    }

    /** The attempt settles the run (rejected, failed, paused). */
    RunRecord runEnds(AttemptContext ctx, Attempt.Result result, RunProgress next, RunEnd end) {
        return commit(ctx, result, next, new Effect.RunEnds(end));
    }

    /** Stores a run change that is no attempt (started, ended before an attempt began). */
    RunRecord save(RunRecord run) {
        services.store().runs().update(run);
        return run;
    }

    private RunRecord commit(AttemptContext ctx, Attempt.Result result, RunProgress next, Effect effect) {
        RunRecord run = ctx.run();
        String stage = ctx.stageName();
        Attempt a = result.attempt();
        if (effect instanceof Effect.StagePassed) {
            ctx.files().writeSnapshot(ctx.stageIndex(), stage, ctx.ws());
            if (gates.pausesAfter(stage)) effect = new Effect.RunEnds(RunEnd.paused(ApprovalGates.pauseDetail(stage)));
        }
        Instant finished = services.clock().instant();
        Map<String, Object> event = event(ctx, result, finished);
        switch (effect) {
            case Effect.RunEnds ends -> {
                event.put("run_state", ends.end().state().label());
                if (result.verdict() == dev.scenarist.core.store.AttemptVerdict.PASSED && ends.end().state() == dev.scenarist.core.model.RunState.PAUSED) {
                    // an approval gate: the stage passed (its snapshot is the one a person reviews and may edit)
                    event.put("snapshot", "snapshots/" + RunFiles.snapshotName(ctx.stageIndex(), stage));
                    event.put("awaiting_approval", stage);
                }
            }
            case Effect.StagePassed passed -> event.put("snapshot", "snapshots/" + RunFiles.snapshotName(ctx.stageIndex(), stage));
            case Effect.StageContinues continues -> { }
        }
        long bytes = new TrajectoryLog(ctx.files().steps()).append(event);
        RunProgress progress = next.withTrajectoryBytes(bytes);
        RunRecord after = effect instanceof Effect.RunEnds(RunEnd end)
                ? run.next(end.state(), end.reason(), end.detail(), progress, finished)
                : run.withProgress(progress, finished);
        AttemptRecord rec = new AttemptRecord(run.id(), a.seq(), stage, result.stageAttempt(), result.verdict(), result.findings(),
                a.calls().usage(), a.calls().model(), a.promptHash(), a.started(), finished);
        services.store().runs().commitAttempt(new AttemptCommit(rec, a.calls().calls(), result.checks(), after));
        int errors = (int) result.findings().stream().filter(Finding::isError).count();
        services.events().publish(new ScenaristEvent.AttemptFinished(run.campaignId(), run.id(), stage, result.stageAttempt(),
                result.verdict(), errors, a.calls().usage()));
        return after;
    }

    /** The attempt's trajectory event, every outcome under its stable label, every text redacted. */
    private Map<String, Object> event(AttemptContext ctx, Attempt.Result result, Instant finished) {
        Attempt a = result.attempt();
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "attempt");
        event.put("run", ctx.run().id());
        event.put("seq", a.seq());
        event.put("stage", ctx.stageName());
        event.put("stage_attempt", result.stageAttempt());
        event.put("verdict", result.verdict().label());
        event.put("findings", result.findings());
        event.put("checks", result.checks().stream().map(c -> Map.of("check", c.check(), "status", c.status().label(),
                "millis", c.durationMillis(), "findings", c.findings())).toList());
        event.put("usage", a.calls().usage());
        event.put("calls", a.calls().calls().stream().map(c -> Map.of("purpose", c.purpose(), "model", c.model(),
                "outcome", c.outcome().label(), "error", c.error(), "millis", c.latencyMillis(), "usage", c.usage())).toList());
        if (!a.calls().waits().isEmpty()) event.put("waits", a.calls().waits());
        event.put("started", a.started().toString());
        event.put("millis", Duration.between(a.started(), finished).toMillis());
        a.trace().forEach((k, v) -> event.put(k, v instanceof String str ? services.redact().apply(str) : v));
        return event;
    }
}
