package dev.scenarist.packs.chains.internal.loop;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scenarist.packs.chains.AnalystFailedException;
import dev.scenarist.packs.chains.LoopOptions;
import dev.scenarist.packs.chains.Results.LoopEnding;
import dev.scenarist.packs.chains.Results.LoopResult;
import dev.scenarist.packs.chains.RunOptions;
import dev.scenarist.packs.chains.internal.analyst.Judged;
import dev.scenarist.packs.chains.internal.analyst.Verdict;
import dev.scenarist.packs.chains.internal.artifacts.ArtifactFiles;
import dev.scenarist.packs.chains.internal.artifacts.PackArtifacts;
import dev.scenarist.packs.chains.internal.run.PackRun;
import dev.scenarist.packs.chains.internal.run.ScenarioRun;
import dev.scenarist.packs.chains.pool.QuestionPool;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * The autonomous analyst/coder loop over a pack. Each iteration runs the pack (its files at the pack folder's top are
 * the latest run), keeps the analyst's verdict and backlog in {@code iterations/NN/}, then either ends — gate met, the
 * analyst requires a user decision, the target is truly down, or {@code max_iterations} — or runs the coder hook with
 * the backlog and goes on. Partial and needs_exact_capability never end it. {@code loop_state.json} is written after
 * every iteration; running it again on the same folder resumes after the last completed iteration.
 */
public final class LoopRunner {
    private final RunOptions options;
    private final LoopOptions loop;
    private final Clock clock;

    public LoopRunner(RunOptions options, LoopOptions loop, Clock clock) {
        this.options = options;
        this.loop = loop;
        this.clock = clock;
    }

    public LoopResult run(QuestionPool pool, Path dir) throws InterruptedException {
        PackRun packRun = new PackRun(options, clock);
        ArtifactFiles files = packRun.files();
        LoopState state = LoopState.openOrStart(dir, pool.id(), clock.instant());
        if (state.finished()) return result(pool, state, dir);
        if (state.completed() > 0) state.resumed();
        state.configure(options.gate(), loop.maxIterations(), loop.coder().map(LoopOptions.Coder::command).orElse(null));
        state.save(files, dir);
        for (int i = state.nextIteration(); ; i++) {
            Path itDir = dir.resolve("iterations").resolve(String.format("%02d", i));
            PackRun.Done done;
            try {
                done = packRun.pack(pool, dir);
            } catch (AnalystFailedException e) {
                state.end(LoopEnding.ANALYST_FAILED.key(), e.getMessage(), clock.instant());
                state.save(files, dir);
                return result(pool, state, dir);
            }
            Verdict v = done.verdict();
            files.json(itDir.resolve("analyst_verdict.json"), PackArtifacts.verdict(v, done.runs()));
            files.json(itDir.resolve("backlog.json"), PackArtifacts.backlog(pool.id(), v));
            files.text(itDir.resolve("backlog.md"), PackArtifacts.backlogMarkdown(pool.id(), v));
            Judged.Outcome outcome = Judged.pack(done.runs(), v);
            ObjectNode summary = ArtifactFiles.object().put("status", outcome.status().key()).put("score", v.scores().score())
                    .put("open_p0", v.openP0()).put("accepted", v.accepted());
            Optional<End> ending = ending(done, i);
            if (ending.isEmpty() && loop.coder().isPresent()) {
                CoderRun.Result c = new CoderRun(loop.coder().get(), files).run(itDir, i, dir);
                ObjectNode coder = summary.putObject("coder").put("timed_out", c.timedOut()).put("millis", c.millis());
                if (c.exitCode().isPresent()) coder.put("exit_code", c.exitCode().get());
                else coder.putNull("exit_code");
            } else {
                summary.putNull("coder");
            }
            state.record(i, summary, clock.instant());
            ending.ifPresent(e -> state.end(e.ending().key(), e.reason(), clock.instant()));
            state.save(files, dir);
            loop.afterIteration().accept(i);
            if (ending.isPresent()) return result(pool, state, dir);
        }
    }

    private record End(LoopEnding ending, String reason) {}

    /** Why this iteration ends the loop, if it does. */
    private Optional<End> ending(PackRun.Done done, int iteration) {
        Verdict v = done.verdict();
        if (v.accepted()) {
            return Optional.of(new End(LoopEnding.GATE_MET, "gate met at iteration " + iteration + ": score " + v.scores().score()
                    + " ≥ " + v.scores().gate() + ", no open P0"));
        }
        if (v.decision().isPresent()) {
            return Optional.of(new End(LoopEnding.REQUIRES_USER_DECISION, v.decision().get().kind().key() + ": " + v.decision().get().reason()));
        }
        if (!done.runs().isEmpty() && done.runs().stream().allMatch(ScenarioRun::targetDown)) {
            return Optional.of(new End(LoopEnding.BLOCKED, "the target is down: " + done.runs().get(0).reason()));
        }
        if (iteration >= loop.maxIterations()) {
            return Optional.of(new End(LoopEnding.MAX_ITERATIONS, "max_iterations (" + loop.maxIterations() + ") reached with score "
                    + v.scores().score() + " (gate " + v.scores().gate() + "), " + v.openP0() + " open P0"));
        }
        return Optional.empty();
    }

    private static LoopResult result(QuestionPool pool, LoopState state, Path dir) {
        return new LoopResult(pool.id(), LoopEnding.valueOf(state.status().toUpperCase(java.util.Locale.ROOT)), state.reason(), state.completed(),
                state.lastScore(), dir);
    }
}
