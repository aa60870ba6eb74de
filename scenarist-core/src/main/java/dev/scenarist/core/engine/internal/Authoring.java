package dev.scenarist.core.engine.internal;

import dev.scenarist.core.engine.StageSettings;
import dev.scenarist.core.author.AuthorRequest;
import dev.scenarist.core.author.ModelSettings;
import dev.scenarist.core.pack.OutputFile;
import dev.scenarist.core.pack.Pack;
import dev.scenarist.core.pack.Stage;
import dev.scenarist.core.pack.StagePolicy;
import dev.scenarist.core.store.RunProgress;
import dev.scenarist.core.workspace.ParsedReply;
import dev.scenarist.core.workspace.ReplyParser;
import java.time.Clock;
import java.util.List;

/**
 * The author's side of an attempt: numbering it, building its prompt from the run's progress (feedback, earlier
 * stages' outputs, the campaign's model settings), sending it through the gateway and parsing the reply into files.
 */
final class Authoring {
    /** Which turn of its stage an attempt is: {@code number} of {@code of}, with any extra prompt text. */
    record Turn(int number, int of, String extra) {}

    /** An attempt and the request it sends. */
    record Prompted(Attempt attempt, AuthorRequest request) {}

    private final Pack pack;
    private final AuthorGateway gateway;
    private final StageSettings stageSettings;
    private final List<dev.scenarist.core.lessons.LessonLine> lessons;
    private final Clock clock;
    private final PromptBuilder prompts = new PromptBuilder();
    private final ReplyParser parser = new ReplyParser();

    Authoring(Pack pack, AuthorGateway gateway, StageSettings stageSettings, List<dev.scenarist.core.lessons.LessonLine> lessons, Clock clock) {
        this.pack = pack;
        this.gateway = gateway;
        this.stageSettings = stageSettings;
        this.lessons = List.copyOf(lessons);
        this.clock = clock;
    }

    /** The next attempt of the context's stage, numbered {@code stageAttempt} within it, before any author call. */
    Attempt begin(AttemptContext ctx, int stageAttempt) {
        return Attempt.begin(ctx.run().id(), ctx.progress().attemptSeq() + 1, stageAttempt, clock.instant());
    }

    /** The next attempt with its prompt, built with the stage policy's model settings under the campaign's. */
    private Prompted prompt(AttemptContext ctx, StagePolicy policy, Turn turn) {
        RunProgress p = ctx.progress();
        ModelSettings settings = stageSettings.effective(ctx.stageName(), policy.model());
        var run = ctx.run();
        AuthorRequest req = prompts.build(new PromptBuilder.Input(pack, ctx.stage(), settings,
                new PromptBuilder.RunSoFar(run.parameters(), run.seed(), ctx.ws(), p.stageOutputs(), p.lastFindings()),
                new PromptBuilder.Turn(turn.number(), turn.of(), turn.extra()),
                dev.scenarist.core.lessons.LessonLine.forStage(lessons, ctx.stageName())));
        return new Prompted(begin(ctx, turn.number()).prompting(req), req);
    }

    /** A turn's attempt and the author's reply, or why there is none (the budget refused it, infrastructure failed). */
    sealed interface Answer {
        Attempt attempt();

        record Replied(Attempt attempt, String text) implements Answer {}

        record None(Attempt attempt, AuthorGateway.Outcome.Failure failure) implements Answer {}
    }

    /** One turn of the author: the next attempt, its prompt, the call; the reply goes into the attempt's trace. */
    Answer ask(AttemptContext ctx, StagePolicy policy, Turn turn, String purpose) throws InterruptedException {
        Prompted prompted = prompt(ctx, policy, turn);
        Attempt a = prompted.attempt();
        return switch (call(ctx, prompted, purpose)) {
            case AuthorGateway.Outcome.Failure f -> new Answer.None(a, f);
            case AuthorGateway.Outcome.Replied r -> {
                a.trace().put("reply", r.reply().text());
                yield new Answer.Replied(a, r.reply().text());
            }
        };
    }

    /** Sends the request (with the gateway's budget check, throttling and retries); a reply goes into the trace. */
    private AuthorGateway.Outcome call(AttemptContext ctx, Prompted prompted, String purpose) throws InterruptedException {
        return gateway.call(prompted.request(), purpose, prompted.attempt().calls(), ctx.run().campaignId(), ctx.run().id());
    }

    ParsedReply parse(String reply, List<OutputFile> outputs) {
        return parser.parse(reply, outputs);
    }
}
