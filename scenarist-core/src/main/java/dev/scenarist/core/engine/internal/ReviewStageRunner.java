package dev.scenarist.core.engine.internal;

import dev.scenarist.core.model.Finding;
import dev.scenarist.core.pack.Stage;
import dev.scenarist.core.store.AttemptVerdict;
import dev.scenarist.core.store.RunProgress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A {@code review} stage: a critic writes feedback only; later stages see it in their prompts. An empty review is retried. */
final class ReviewStageRunner implements StageRunner {
    private final StageTools tools;
    private final Stage.ReviewStage stage;

    ReviewStageRunner(StageTools tools, Stage.ReviewStage stage) {
        this.tools = tools;
        this.stage = stage;
    }

    @Override
    public Step run(AttemptContext ctx) throws InterruptedException {
        int max = stage.policy().maxAttempts();
        while (true) {
            RunProgress p = ctx.progress();
            Attempt a;
            String review;
            switch (tools.authoring().ask(ctx, stage.policy(), new Authoring.Turn(p.stageAttempts() + 1, max, ""), "review")) {
                case Authoring.Answer.None n -> {
                    return tools.archive().stop(ctx, n.attempt(), n.failure());
                }
                case Authoring.Answer.Replied r -> {
                    a = r.attempt();
                    review = r.text().strip();
                }
            }
            if (!review.isEmpty()) {
                Map<String, String> outputs = new HashMap<>(p.stageOutputs());
                outputs.put(stage.name(), review);
                var result = a.judged(AttemptVerdict.PASSED, List.of(), List.of());
                return new Step.Next(tools.journal().stagePassed(ctx, result, p.stagePassed(a.seq(), outputs, a.calls().usage())));
            }
            List<Finding> findings = List.of(Finding.error("EMPTY_REVIEW", "the review is empty", "", "write concrete feedback on the files"));
            var result = a.judged(AttemptVerdict.FAILED, findings, List.of());
            RunProgress failed = p.attempted(a.seq(), a.stageAttempt(), findings, p.lastAttemptFiles(), p.bestScore(), a.calls().usage());
            if (a.stageAttempt() >= max) {
                String why = "review stage '" + stage.name() + "' got no review in " + max + " attempts";
                return new Step.Stop(tools.archive().reject(ctx, result, failed,
                        FailureArchive.Rejection.checksExhausted(FailureKind.VALIDATION_NOT_REACHED, why)));
            }
            ctx = ctx.withRun(tools.journal().stageContinues(ctx, result, failed));
        }
    }
}
