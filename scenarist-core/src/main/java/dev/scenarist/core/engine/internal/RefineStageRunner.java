package dev.scenarist.core.engine.internal;

import dev.scenarist.core.model.CheckStatus;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.Stage;
import dev.scenarist.core.store.AttemptVerdict;
import dev.scenarist.core.store.CheckRecord;
import dev.scenarist.core.store.RunProgress;
import dev.scenarist.core.workspace.EditPolicy;
import dev.scenarist.core.workspace.ParsedReply;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A {@code refine} stage: round 0 scores the files as they came in, each later round asks the author to beat the best
 * score so far. A version is scored only when it passes the stage's checks; the workspace always holds the best
 * version, which is what the next round improves on. The stage passes when any version was scored.
 */
final class RefineStageRunner implements StageRunner {
    /** What a round's reply gave: files to judge, or findings why it could not be used. */
    private sealed interface Written {
        record Usable(SortedMap<String, String> files) implements Written {}

        record Unusable(List<Finding> findings) implements Written {}
    }

    /** A round's candidate and what judged it. */
    private record Round(SortedMap<String, String> files, List<Finding> findings, List<CheckRecord> checks, OptionalDouble score) {}

    private final StageTools tools;
    private final Stage.RefineStage stage;
    private final List<Check> scored;

    RefineStageRunner(StageTools tools, Stage.RefineStage stage) {
        this.tools = tools;
        this.stage = stage;
        var all = new ArrayList<>(stage.checks());
        all.add(stage.scorer());
        this.scored = List.copyOf(all);
    }

    @Override
    public Step run(AttemptContext ctx) throws InterruptedException {
        while (true) {
            RunProgress p = ctx.progress();
            int round = p.stageAttempts(); // round 0 scores the files as they came in
            SortedMap<String, String> best = new TreeMap<>(p.lastAttemptFiles());
            Attempt a = tools.authoring().begin(ctx, round);
            Written written = new Written.Usable(best);
            if (round > 0) {
                String reply;
                switch (tools.authoring().ask(ctx, stage.policy(), new Authoring.Turn(round, stage.rounds(), extra(round, p)), "stage")) {
                    case Authoring.Answer.None n -> {
                        return tools.archive().stop(ctx, n.attempt(), n.failure());
                    }
                    case Authoring.Answer.Replied r -> {
                        a = r.attempt();
                        reply = r.text();
                    }
                }
                written = write(ctx, reply, best);
            }
            Round candidate;
            switch (written) {
                case Written.Unusable no -> candidate = new Round(best, no.findings(), List.of(), OptionalDouble.empty());
                case Written.Usable files -> {
                    switch (tools.checks().run(ctx, scored, a)) {
                        case CheckRunner.Outcome.NotJudged n -> {
                            return tools.archive().stop(ctx, a, n);
                        }
                        case CheckRunner.Outcome.Passed ok -> candidate = scoredRound(files.files(), ok.findings(), ok.records(), ok.score());
                        case CheckRunner.Outcome.Failed no -> candidate = scoredRound(files.files(), no.findings(), no.records(), no.score());
                    }
                }
            }
            OptionalDouble score = candidate.score();
            boolean improved = score.isPresent() && (p.bestScore().isEmpty() || score.getAsDouble() > p.bestScore().getAsDouble());
            OptionalDouble bestScore = improved ? score : p.bestScore();
            if (improved) best = candidate.files();
            // the workspace always holds the best version so far, which is what the next round improves on
            ctx.ws().restoreFrom(ctx.files().latestSnapshotBefore(ctx.stageIndex()));
            best.forEach(ctx.ws()::write);
            a.trace().put("round", round);
            a.trace().put("score", score.isPresent() ? score.getAsDouble() : null);
            a.trace().put("best_score", bestScore.isPresent() ? bestScore.getAsDouble() : null);
            var result = a.judged(score.isPresent() ? AttemptVerdict.PASSED : AttemptVerdict.FAILED, candidate.findings(), candidate.checks());
            RunProgress next = p.attempted(a.seq(), round + 1, candidate.findings(), best, bestScore, a.calls().usage());
            if (round < stage.rounds()) {
                ctx = ctx.withRun(tools.journal().stageContinues(ctx, result, next));
                continue;
            }
            if (bestScore.isEmpty()) {
                String why = "refine stage '" + stage.name() + "': no version passed the checks in " + stage.rounds() + " rounds";
                return new Step.Stop(tools.archive().reject(ctx, result, next,
                        FailureArchive.Rejection.checksExhausted(FailureKind.VALIDATION_FAILED, why)));
            }
            Map<String, String> outputs = new HashMap<>(p.stageOutputs());
            outputs.put(stage.name(), String.format(Locale.ROOT, "best score %.3f after %d rounds", bestScore.getAsDouble(), stage.rounds()));
            return new Step.Next(tools.journal().stagePassed(ctx, result, p.stagePassed(a.seq(), outputs, a.calls().usage())));
        }
    }

    private String extra(int round, RunProgress p) {
        return p.bestScore().isPresent()
                ? String.format(Locale.ROOT, "Round %d of %d. The best version so far scored %.3f; beat it.", round, stage.rounds(),
                        p.bestScore().getAsDouble())
                : "Round " + round + " of " + stage.rounds() + ". No version has passed the checks yet.";
    }

    /** The reply's files on top of {@code best}, written to the workspace; unusable when the guardrail says no. */
    private Written write(AttemptContext ctx, String reply, SortedMap<String, String> best) {
        return switch (tools.authoring().parse(reply, stage.outputs())) {
            case ParsedReply.Rejected rej -> new Written.Unusable(rej.findings());
            case ParsedReply.Artifact art -> {
                EditPolicy.Decision d = PromptBuilder.editPolicy(stage.policy().editable(), stage.outputs()).decide(art.files(), ctx.ws());
                if (!d.violations().isEmpty()) yield new Written.Unusable(d.violations());
                d.allowed().forEach(ctx.ws()::write);
                SortedMap<String, String> candidate = new TreeMap<>(best);
                candidate.putAll(d.allowed());
                yield new Written.Usable(candidate);
            }
        };
    }

    /** A judged round is scored only when every check but the scorer passed (scores are in [0,1]). */
    private Round scoredRound(SortedMap<String, String> files, List<Finding> findings, List<CheckRecord> records, OptionalDouble score) {
        boolean checksPassed = records.stream().filter(r -> !r.check().equals(stage.scorer().name()))
                .noneMatch(r -> r.status() == CheckStatus.FAILED);
        boolean scoredRound = checksPassed && score.isPresent() && score.getAsDouble() >= 0;
        return new Round(files, findings, records, scoredRound ? score : OptionalDouble.empty());
    }
}
