package dev.scenarist.packs.chains.internal.run;

import dev.scenarist.packs.chains.AnalystFailedException;
import dev.scenarist.packs.chains.AnalystSpec;
import dev.scenarist.packs.chains.RunOptions;
import dev.scenarist.packs.chains.internal.analyst.Analyst;
import dev.scenarist.packs.chains.internal.analyst.AnalystException;
import dev.scenarist.packs.chains.internal.analyst.ModelAnalyst;
import dev.scenarist.packs.chains.internal.analyst.OfflineAnalyst;
import dev.scenarist.packs.chains.internal.analyst.Verdict;
import dev.scenarist.packs.chains.internal.artifacts.ArtifactFiles;
import dev.scenarist.packs.chains.internal.artifacts.PackArtifacts;
import dev.scenarist.packs.chains.internal.artifacts.RunContext;
import dev.scenarist.packs.chains.internal.artifacts.ScenarioArtifacts;
import dev.scenarist.packs.chains.internal.target.AssistantClient;
import dev.scenarist.packs.chains.pool.ChainScenario;
import dev.scenarist.packs.chains.pool.QuestionPool;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Run → deterministic checks → analyst → artifacts, for one scenario or a whole pack. */
public final class PackRun {
    private final RunOptions options;
    private final Clock clock;
    private final ArtifactFiles files;

    public PackRun(RunOptions options, Clock clock) {
        this.options = options;
        this.clock = clock;
        this.files = new ArtifactFiles(options.target().auth().map(h -> List.of(h.value())).orElse(List.of()));
    }

    public ArtifactFiles files() {
        return files;
    }

    public record Done(List<ScenarioRun> runs, Verdict verdict) {}

    public Done scenario(ChainScenario scenario, Path dir) throws InterruptedException {
        Instant start = clock.instant();
        ScenarioRun run = runner().run(scenario);
        Verdict v = judge(List.of(run));
        new ScenarioArtifacts(files).write(dir, run, v, new RunContext(options.target(), Optional.empty(), start, clock.instant()));
        return new Done(List.of(run), v);
    }

    public Done pack(QuestionPool pool, Path dir) throws InterruptedException {
        Instant start = clock.instant();
        List<ScenarioRun> runs = runner().runAll(pool.scenarios());
        Verdict v = judge(runs);
        new PackArtifacts(files).write(dir, pool, runs, v, new RunContext(options.target(), Optional.of(pool.id()), start, clock.instant()),
                options.flakyRetries());
        return new Done(runs, v);
    }

    private ScenarioRunner runner() {
        return new ScenarioRunner(new AssistantClient(options.target()), options.flakyRetries());
    }

    private Verdict judge(List<ScenarioRun> runs) throws InterruptedException {
        Analyst analyst = switch (options.analyst()) {
            case AnalystSpec.Offline o -> new OfflineAnalyst();
            case AnalystSpec.Model m -> new ModelAnalyst(m.author());
        };
        try {
            return analyst.judge(runs, options.gate());
        } catch (AnalystException e) {
            throw new AnalystFailedException(e.getMessage(), e);
        }
    }
}
