package dev.scenarist.core.engine.internal;

import dev.scenarist.core.pack.Stage;
import dev.scenarist.core.store.AttemptVerdict;
import dev.scenarist.core.store.RunProgress;

/**
 * A {@code verify} stage (an author stage with {@code verifyFirst}): its first attempt makes no author call, it runs the
 * checks on the files as earlier stages left them. Passing ends the stage; failing spends attempt 1 and leaves its
 * findings as the feedback for the author's repair, which then goes on as an {@link AuthorStageRunner}.
 */
final class VerifyStageRunner implements StageRunner {
    private final StageTools tools;
    private final Stage.AuthorStage stage;
    private final AuthorStageRunner repair;

    VerifyStageRunner(StageTools tools, Stage.AuthorStage stage) {
        this.tools = tools;
        this.stage = stage;
        this.repair = new AuthorStageRunner(tools, stage);
    }

    @Override
    public Step run(AttemptContext ctx) throws InterruptedException {
        if (ctx.progress().stageAttempts() == 0) {
            Step verified = verifyOnly(ctx);
            if (verified instanceof Step.Stop || verified.run().progress().stageIndex() != ctx.stageIndex()) return verified;
            ctx = ctx.withRun(verified.run());
        }
        return repair.run(ctx);
    }

    private Step verifyOnly(AttemptContext ctx) throws InterruptedException {
        RunProgress p = ctx.progress();
        Attempt a = tools.authoring().begin(ctx, 1);
        a.trace().put("verify_only", true);
        return switch (tools.checks().run(ctx, stage.checks(), a)) {
            case CheckRunner.Outcome.NotJudged n -> tools.archive().stop(ctx, a, n);
            case CheckRunner.Outcome.Passed ok -> new Step.Next(tools.journal().stagePassed(ctx,
                    a.judged(AttemptVerdict.PASSED, ok.findings(), ok.records()), p.stagePassed(a.seq(), p.stageOutputs(), a.calls().usage())));
            case CheckRunner.Outcome.Failed no -> {
                var result = a.judged(AttemptVerdict.FAILED, no.findings(), no.records());
                RunProgress failed = p.attempted(a.seq(), 1, no.findings(), p.lastAttemptFiles(), p.bestScore(), a.calls().usage());
                if (stage.policy().maxAttempts() <= 1) {
                    String why = "stage '" + stage.name() + "' failed its checks; last: " + StageRunner.firstError(no.findings());
                    yield new Step.Stop(tools.archive().reject(ctx, result, failed, FailureArchive.Rejection.checksExhausted(FailureKind.of(no), why)));
                }
                yield new Step.Next(tools.journal().stageContinues(ctx, result, failed));
            }
        };
    }
}
