package dev.scenarist.core.engine.internal;

import dev.scenarist.core.model.Finding;
import dev.scenarist.core.pack.Stage;
import dev.scenarist.core.store.AttemptVerdict;
import dev.scenarist.core.store.CheckRecord;
import dev.scenarist.core.store.RunProgress;
import dev.scenarist.core.workspace.EditPolicy;
import dev.scenarist.core.workspace.ParsedReply;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An {@code author} stage: the author writes or edits files, the guardrail (reply parser, edit policy) and the checks
 * judge them; a failed attempt's findings are the next attempt's feedback, up to the policy's max attempts.
 */
final class AuthorStageRunner implements StageRunner {
    /** What the guardrail and the checks made of one reply. */
    private sealed interface Judged {
        record Passed(List<Finding> notes, List<CheckRecord> checks) implements Judged {}

        record Failed(List<Finding> findings, List<CheckRecord> checks, FailureKind kind) implements Judged {}

        record NotJudged(CheckRunner.Outcome.NotJudged why) implements Judged {}
    }

    private final StageTools tools;
    private final Stage.AuthorStage stage;

    AuthorStageRunner(StageTools tools, Stage.AuthorStage stage) {
        this.tools = tools;
        this.stage = stage;
    }

    @Override
    public Step run(AttemptContext ctx) throws InterruptedException {
        int max = stage.policy().maxAttempts();
        while (true) {
            RunProgress p = ctx.progress();
            Attempt a;
            String reply;
            switch (tools.authoring().ask(ctx, stage.policy(), new Authoring.Turn(p.stageAttempts() + 1, max, ""), "stage")) {
                case Authoring.Answer.None n -> {
                    return tools.archive().stop(ctx, n.attempt(), n.failure());
                }
                case Authoring.Answer.Replied r -> {
                    a = r.attempt();
                    reply = r.text();
                }
            }
            SortedMap<String, String> changed = new TreeMap<>(p.lastAttemptFiles());
            switch (judge(ctx, a, reply, changed)) {
                case Judged.NotJudged n -> {
                    return tools.archive().stop(ctx, a, n.why());
                }
                case Judged.Passed ok -> {
                    var result = a.judged(AttemptVerdict.PASSED, ok.notes(), ok.checks());
                    return new Step.Next(tools.journal().stagePassed(ctx, result, p.stagePassed(a.seq(), p.stageOutputs(), a.calls().usage())));
                }
                case Judged.Failed no -> {
                    var result = a.judged(AttemptVerdict.FAILED, no.findings(), no.checks());
                    RunProgress failed = p.attempted(a.seq(), a.stageAttempt(), no.findings(), changed, p.bestScore(), a.calls().usage());
                    if (a.stageAttempt() >= max) {
                        String why = "stage '" + stage.name() + "' failed its checks " + max + " times; last: "
                                + StageRunner.firstError(no.findings());
                        return new Step.Stop(tools.archive().reject(ctx, result, failed,
                                FailureArchive.Rejection.checksExhausted(no.kind(), why)));
                    }
                    ctx = ctx.withRun(tools.journal().stageContinues(ctx, result, failed));
                }
            }
        }
    }

    /** Parses the reply, writes the files the edit policy allows (recording them in {@code changed}), then runs the checks. */
    private Judged judge(AttemptContext ctx, Attempt a, String reply, SortedMap<String, String> changed) throws InterruptedException {
        EditPolicy policy = PromptBuilder.editPolicy(stage.policy().editable(), stage.outputs());
        switch (tools.authoring().parse(reply, stage.outputs())) {
            case ParsedReply.Rejected rej -> {
                return new Judged.Failed(rej.findings(), List.of(), FailureKind.VALIDATION_NOT_REACHED);
            }
            case ParsedReply.Artifact art -> {
                EditPolicy.Decision d = policy.decide(art.files(), ctx.ws());
                d.allowed().forEach(ctx.ws()::write);
                changed.putAll(d.allowed());
                a.trace().put("files_written", d.allowed().keySet());
                if (!d.violations().isEmpty()) return new Judged.Failed(d.violations(), List.of(), FailureKind.VALIDATION_NOT_REACHED);
                return switch (tools.checks().run(ctx, stage.checks(), a)) {
                    case CheckRunner.Outcome.NotJudged n -> new Judged.NotJudged(n);
                    case CheckRunner.Outcome.Passed ok -> new Judged.Passed(ok.findings(), ok.records());
                    case CheckRunner.Outcome.Failed no -> new Judged.Failed(no.findings(), no.records(), FailureKind.of(no));
                };
            }
        }
    }
}
