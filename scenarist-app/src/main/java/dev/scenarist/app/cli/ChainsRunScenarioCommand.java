package dev.scenarist.app.cli;

import dev.scenarist.app.chains.ChainsTarget;
import dev.scenarist.app.config.ConfigException;
import dev.scenarist.packs.chains.AnalystFailedException;
import dev.scenarist.packs.chains.Chains;
import dev.scenarist.packs.chains.Status;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "run-scenario", mixinStandardHelpOptions = true,
        description = {"Run one chain of a pool: its steps in order in one session (one per wording), checks after every step,",
                "then the analyst; writes <out>/<scenario_id>/. Exit 0 when accepted, 1 otherwise, 2 for bad input."})
final class ChainsRunScenarioCommand implements Callable<Integer> {
    @ParentCommand
    ChainsCommand parent;

    @Mixin
    ChainsOptions options;

    @Parameters(index = "0", paramLabel = "SCENARIO_ID", description = "The scenario's id in the pool.")
    String scenario;

    @Option(names = "--pool", paramLabel = "FILE", description = "The question pool (YAML; default: the bundled inventory pool).")
    Path pool;

    @Override
    public Integer call() throws InterruptedException {
        Output out = parent.root.output();
        var questions = ChainsOptions.pool(pool);
        if (questions.scenario(scenario).isEmpty()) {
            throw new ConfigException("no scenario '" + scenario + "' in pool " + questions.id() + "; it has: "
                    + String.join(", ", Chains.steps(questions).keySet()));
        }
        try (ChainsTarget target = options.openTarget(parent.root)) {
            var r = new Chains(Clock.systemUTC()).runScenario(questions, scenario, options.runOptions(parent.root, target.target()));
            ChainsCommand.human(r, out);
            if (out.json()) out.document(ChainsCommand.json(r));
            return r.status() == Status.ACCEPTED ? 0 : 1;
        } catch (AnalystFailedException e) {
            out.err().println("error: " + e.getMessage());
            return 1;
        }
    }
}
