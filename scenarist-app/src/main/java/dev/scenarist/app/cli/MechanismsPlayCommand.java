package dev.scenarist.app.cli;

import dev.scenarist.app.config.ConfigException;
import dev.scenarist.app.wiring.Scenarist;
import dev.scenarist.packs.mechanisms.MechanismsPlay;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "play", mixinStandardHelpOptions = true,
        description = {"Play a solution of an exported mechanisms scenario's task in MuJoCo and judge it.",
                "Prints PASS or FAIL, each predicate (reach_goal, avoid_forbidden, effort_budget, sound) met or missed with what was",
                "measured, the margin and the effort. Exit 0 when it passed, 1 when it failed, 2 for bad input (a missing or invalid",
                "scenario or solution file, with its file:line and the fix), 3 when MuJoCo cannot run (install the sidecar and Node.js)."})
final class MechanismsPlayCommand implements Callable<Integer> {
    @ParentCommand
    MechanismsCommand parent;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "An exported scenario folder (scene_<seed>.xml, task_<seed>.json) or one of its task_<seed>.json.")
    Path scenario;

    @Option(names = "--solution", required = true, paramLabel = "SOLUTION",
            description = "reference (the scenario's proof), noop (do nothing), wrong (the scenario's declared wrong solution) or a solution file.")
    String solution;

    @Option(names = "--seed", paramLabel = "SEED", description = "Which variant (default: the task file given, else the lowest seed in the folder).")
    Long seed;

    @Override
    public Integer call() {
        Output out = parent.root.output();
        var request = new MechanismsPlay.Request(scenario, seed == null ? OptionalLong.empty() : OptionalLong.of(seed), solution);
        return switch (MechanismsPlay.play(request, Scenarist.mechanismsSettings(parent.root.settings()))) {
            case MechanismsPlay.Outcome.BadInput b -> throw new ConfigException(b.message());
            case MechanismsPlay.Outcome.Unavailable u -> throw new IllegalStateException("MuJoCo cannot run: " + u.reason());
            case MechanismsPlay.Outcome.Judged j -> {
                j.lines().forEach(out::line);
                if (out.json()) out.document(j.json());
                yield j.passed() ? 0 : 1;
            }
        };
    }
}
