package dev.scenarist.packs.chains.internal.run;

import dev.scenarist.packs.chains.internal.target.AssistantClient;
import dev.scenarist.packs.chains.pool.ChainScenario;
import dev.scenarist.packs.chains.pool.Wording;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs scenarios: each in every wording it has, one session per pass. A scenario that fails in any way becomes a
 * blocked {@link ScenarioRun} with its reason — the others still run (failure isolation).
 */
public final class ScenarioRunner {
    private final ChainPass pass;

    public ScenarioRunner(AssistantClient client, int flakyRetries) {
        this.pass = new ChainPass(client, flakyRetries);
    }

    public ScenarioRun run(ChainScenario scenario) throws InterruptedException {
        try {
            List<ChainPass.Result> passes = new ArrayList<>();
            for (Wording w : scenario.wordings()) passes.add(pass.run(scenario, w));
            return ScenarioRun.of(scenario, passes);
        } catch (RuntimeException e) {
            return ScenarioRun.crashed(scenario, e);
        }
    }

    public List<ScenarioRun> runAll(List<ChainScenario> scenarios) throws InterruptedException {
        List<ScenarioRun> runs = new ArrayList<>();
        for (ChainScenario s : scenarios) runs.add(run(s));
        return runs;
    }
}
