package dev.scenarist.core.engine.internal;

import dev.scenarist.core.model.RejectReason;
import dev.scenarist.core.model.Usage;
import dev.scenarist.core.pack.GateContext;
import dev.scenarist.core.pack.GateDecision;
import dev.scenarist.core.pack.Stage;
import dev.scenarist.core.store.AttemptVerdict;
import dev.scenarist.core.store.RunProgress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code gate} stage: a decision such as uniqueness passes the scenario, rejects the run, or pauses it for a person.
 * A run resumed after such a pause ({@code humanApproved}) takes the person's resume as the approval.
 */
final class GateStageRunner implements StageRunner {
    private final StageTools tools;
    private final Stage.GateStage stage;
    private final boolean humanApproved;

    GateStageRunner(StageTools tools, Stage.GateStage stage, boolean humanApproved) {
        this.tools = tools;
        this.stage = stage;
        this.humanApproved = humanApproved;
    }

    @Override
    public Step run(AttemptContext ctx) throws InterruptedException {
        RunProgress p = ctx.progress();
        Attempt a = tools.authoring().begin(ctx, 1);
        String text = tools.pack().uniquenessText(ctx.ws());
        GateDecision decision = stage.gate().decide(new GateContext(ctx.runContext(), ctx.ws(), text, tools.services().similarity(),
                tools.checks().gateCritic(ctx, a)));
        if (decision instanceof GateDecision.AwaitHuman && humanApproved) decision = new GateDecision.Pass("approved by a person");
        a.trace().put("gate", stage.gate().name());
        a.trace().put("decision", decision.getClass().getSimpleName());
        return switch (decision) {
            case GateDecision.Pass pass -> {
                Map<String, String> outputs = new HashMap<>(p.stageOutputs());
                if (!pass.note().isBlank()) {
                    outputs.put(stage.name(), pass.note());
                    a.trace().put("note", pass.note()); // what the gate did (a deploy's command and output) stays in the trajectory
                }
                var result = a.judged(AttemptVerdict.PASSED, List.of(), List.of());
                yield new Step.Next(tools.journal().stagePassed(ctx, result, p.stagePassed(a.seq(), outputs, Usage.ZERO)));
            }
            case GateDecision.Reject rej -> {
                var result = a.judged(AttemptVerdict.FAILED, rej.findings(), List.of());
                String why = "gate '" + stage.gate().name() + "' rejected the scenario: " + StageRunner.firstError(rej.findings());
                FailureKind kind = rej.reason() == RejectReason.DUPLICATE ? FailureKind.DUPLICATE : FailureKind.GATE;
                RunProgress next = p.attempted(a.seq(), 1, rej.findings(), p.lastAttemptFiles(), p.bestScore(), Usage.ZERO);
                yield new Step.Stop(tools.archive().reject(ctx, result, next, new FailureArchive.Rejection(kind, rej.reason(), why)));
            }
            case GateDecision.AwaitHuman ask -> {
                var result = a.judged(AttemptVerdict.FAILED, List.of(), List.of());
                RunProgress next = p.attempted(a.seq(), 0, List.of(), p.lastAttemptFiles(), p.bestScore(), Usage.ZERO);
                yield new Step.Stop(tools.journal().runEnds(ctx, result, next, RunEnd.paused("awaiting a person: " + ask.question())));
            }
        };
    }
}
