package dev.scenarist.app.cli;

import dev.scenarist.app.appworld.PlayCast;
import dev.scenarist.app.appworld.LoadedScenario;
import dev.scenarist.app.appworld.PlayOutcome;
import dev.scenarist.app.appworld.ScenarioInput;
import dev.scenarist.app.appworld.ScenarioPlays;
import dev.scenarist.app.wiring.ToolChats;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "play", mixinStandardHelpOptions = true,
        description = {"Play one appworld scenario with an agent and judge it with the scenario's validation.",
                "Prints the verdict (PASS, FAIL, NOT JUDGED), each goal met or missed with its rationale, and the agent's and",
                "the user's tool calls. Exit 0 when it passed, 1 when it failed or could not be judged (never reported as",
                "passed), 2 for bad input (the scenario's file, JSON path and fix; an unknown agent; a model not configured)."})
final class AppworldPlayCommand implements Callable<Integer> {
    @ParentCommand
    AppworldCommand parent;

    @Parameters(index = "0", paramLabel = "SCENARIO",
            description = "A scenario.json, an accepted scenario folder (scenario.json, metadata.json) or a run's workspace folder"
                    + " (description.json, apps.json, events.json, validation.json).")
    Path scenario;

    @Option(names = "--agent", required = true, paramLabel = "AGENT", description = "oracle, noop or provider:model.")
    String agent;

    @Option(names = "--user", defaultValue = "scripted", paramLabel = "USER",
            description = "scripted (the oracle's replies, default) or persona (a model following the scenario's persona).")
    PlayCast.UserKind user;

    @Option(names = "--user-model", paramLabel = "provider:model",
            description = "The persona user's model (default: the agent's model when the agent is one).")
    String userModel;

    @Option(names = "--max-tool-calls", defaultValue = "200", paramLabel = "N", description = "The agent's tool calls in the play (default ${DEFAULT-VALUE}).")
    int maxToolCalls;

    @Override
    public Integer call() throws InterruptedException {
        Output out = parent.root.output();
        PlayCast.checkAgent(agent);
        var options = AppworldCommand.options(maxToolCalls);
        LoadedScenario loaded = new ScenarioInput().load(scenario);
        try (PlayCast casting = PlayCast.open(agent, user, Optional.ofNullable(userModel), new ToolChats(parent.root.env()))) {
            PlayOutcome outcome = new ScenarioPlays(options).play(loaded, casting);
            PlayPrinter.human(outcome, out.human());
            if (casting.usesModels()) PlayPrinter.usage(casting.usage(), out.human());
            if (out.json()) out.document(outcome.json());
            return outcome.passed() ? 0 : 1;
        }
    }
}
