package dev.scenarist.packs.chains;

import dev.scenarist.packs.chains.Results.LoopResult;
import dev.scenarist.packs.chains.Results.PackResult;
import dev.scenarist.packs.chains.Results.ScenarioResult;
import dev.scenarist.packs.chains.internal.analyst.Judged;
import dev.scenarist.packs.chains.internal.loop.LoopRunner;
import dev.scenarist.packs.chains.internal.run.PackRun;
import dev.scenarist.packs.chains.pool.ChainScenario;
import dev.scenarist.packs.chains.pool.ChainStep;
import dev.scenarist.packs.chains.pool.QuestionPool;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The chains pack's front door: question chains run against a product's assistant API. Four modes — one question
 * ({@link #runCase}), one chain in one session ({@link #runScenario}), a whole pool with one aggregate backlog
 * ({@link #runPack}), and the analyst/coder loop ({@link #runPackLoop}) — each writing the artifact contract under
 * {@link RunOptions#out()}.
 */
public final class Chains {
    private final Clock clock;

    public Chains(Clock clock) {
        this.clock = clock;
    }

    /**
     * One question as a one-step scenario {@code caseId}, with optional checks ({@code response.on_hand >= 1}).
     *
     * @throws ChainsFormatException for a bad check, naming it
     */
    public ScenarioResult runCase(String caseId, String question, List<String> checks, RunOptions options) throws InterruptedException {
        StringBuilder yaml = new StringBuilder("pack: cases\ndomain: case\nscenarios:\n  - id: ").append(quote(caseId))
                .append("\n    title: ").append(quote("case: " + question)).append("\n    steps:\n      - id: step_01_case\n        question: ")
                .append(quote(question)).append('\n');
        if (!checks.isEmpty()) {
            yaml.append("        expect:\n");
            for (String c : checks) yaml.append("          - ").append(quote(c)).append('\n');
        }
        ChainScenario scenario = Pools.parse(yaml.toString(), "run-case").scenarios().get(0);
        return runScenario(scenario, options);
    }

    public ScenarioResult runScenario(QuestionPool pool, String scenarioId, RunOptions options) throws InterruptedException {
        ChainScenario s = pool.scenario(scenarioId).orElseThrow(() -> new IllegalArgumentException("no scenario '" + scenarioId + "' in pool "
                + pool.id() + " (" + pool.source() + "); it has: " + String.join(", ", pool.scenarios().stream().map(ChainScenario::id).toList())));
        return runScenario(s, options);
    }

    private ScenarioResult runScenario(ChainScenario scenario, RunOptions options) throws InterruptedException {
        Path dir = options.out().resolve(scenario.id());
        PackRun.Done done = new PackRun(options, clock).scenario(scenario, dir);
        Judged.Outcome o = Judged.scenario(done.runs().get(0), done.verdict());
        return new ScenarioResult(scenario.id(), o.status(), o.reason(), o.score(), dir);
    }

    public PackResult runPack(QuestionPool pool, RunOptions options) throws InterruptedException {
        Path dir = options.out().resolve(pool.id());
        PackRun.Done done = new PackRun(options, clock).pack(pool, dir);
        Judged.Outcome o = Judged.pack(done.runs(), done.verdict());
        int items = (int) done.verdict().defects().stream().map(d -> d.priority() + " " + d.title()).distinct().count();
        return new PackResult(pool.id(), o.status(), o.reason(), o.score(), items, dir);
    }

    /** Runs the loop in {@code out/<pack_id>/}, or resumes it there after its last completed iteration. */
    public LoopResult runPackLoop(QuestionPool pool, RunOptions options, LoopOptions loop) throws InterruptedException {
        return new LoopRunner(options, loop, clock).run(pool, options.out().resolve(pool.id()));
    }

    /** Every step of a scenario, for listing. */
    public static Map<String, List<String>> steps(QuestionPool pool) {
        return pool.scenarios().stream().collect(java.util.stream.Collectors.toMap(ChainScenario::id,
                s -> s.steps().stream().map(ChainStep::id).toList(), (a, b) -> a, java.util.LinkedHashMap::new));
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
