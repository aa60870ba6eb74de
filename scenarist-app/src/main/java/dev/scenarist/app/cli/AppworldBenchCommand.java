package dev.scenarist.app.cli;

import dev.scenarist.app.appworld.BenchReport;
import dev.scenarist.app.appworld.PlayCast;
import dev.scenarist.app.appworld.LoadedScenario;
import dev.scenarist.app.appworld.PlayOutcome;
import dev.scenarist.app.appworld.ScenarioInput;
import dev.scenarist.app.appworld.ScenarioPlays;
import dev.scenarist.app.config.ConfigException;
import dev.scenarist.app.wiring.ToolChats;
import dev.scenarist.core.dataset.AcceptedScenario;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmark an agent: its success rate per scenario family and overall.",
                "Plays every accepted scenario of a campaign (--campaign) or every scenario folder and .json file under a folder",
                "(--dir), and prints the rate per family (metadata.json's \"family\"; \"unknown\" without one) and overall.",
                "Every scenario is read first: one that cannot be read stops the bench before any play (exit 2).",
                "Exit 0 when it ran, whatever the rate; 2 for bad input or an empty set."})
final class AppworldBenchCommand implements Callable<Integer> {
    @ParentCommand
    AppworldCommand parent;

    static final class Source {
        @Option(names = "--campaign", required = true, paramLabel = "C", description = "A campaign's accepted scenarios (see 'scenarist campaigns').")
        String campaign;

        @Option(names = "--dir", required = true, paramLabel = "FOLDER",
                description = "Every scenario folder and scenario .json file under FOLDER.")
        Path dir;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--agent", required = true, paramLabel = "AGENT", description = "oracle, noop or provider:model.")
    String agent;

    @Option(names = "--user", defaultValue = "scripted", paramLabel = "USER", description = "scripted (default) or persona.")
    PlayCast.UserKind user;

    @Option(names = "--user-model", paramLabel = "provider:model", description = "The persona user's model (default: the agent's).")
    String userModel;

    @Option(names = "--max-tool-calls", defaultValue = "200", paramLabel = "N", description = "The agent's tool calls per play (default ${DEFAULT-VALUE}).")
    int maxToolCalls;

    @Override
    public Integer call() throws InterruptedException {
        Output out = parent.root.output();
        PlayCast.checkAgent(agent);
        var options = AppworldCommand.options(maxToolCalls);
        List<LoadedScenario> scenarios = source.dir != null ? fromDir(source.dir) : fromCampaign(source.campaign);
        Map<String, Object> from = source.dir != null ? Map.of("dir", source.dir.toAbsolutePath().toString()) : Map.of("campaign", source.campaign);
        List<PlayOutcome> plays = new ArrayList<>();
        try (PlayCast casting = PlayCast.open(agent, user, Optional.ofNullable(userModel), new ToolChats(parent.root.env()))) {
            var player = new ScenarioPlays(options);
            for (LoadedScenario s : scenarios) {
                PlayOutcome o = player.play(s, casting);
                plays.add(o);
                out.err().printf("[%d/%d] %s %s%s%n", plays.size(), scenarios.size(), o.status().label(), s.scenario().id(),
                        o.reason().map(r -> ": " + r).orElse(""));
            }
            BenchReport report = new BenchReport(casting.agentName(), casting.userName(), plays);
            human(report, out);
            if (casting.usesModels()) PlayPrinter.usage(casting.usage(), out.human());
            if (out.json()) out.document(report.json(from));
        }
        return 0;
    }

    private static List<LoadedScenario> fromDir(Path dir) {
        List<Path> found = ScenarioInput.find(dir);
        if (found.isEmpty()) {
            throw new ConfigException("no scenarios under " + dir + "; put scenario folders (scenario.json, metadata.json) or scenario .json"
                    + " files there");
        }
        return readAll(found);
    }

    private List<LoadedScenario> fromCampaign(String campaign) {
        List<AcceptedScenario> accepted;
        try (var app = parent.root.open()) {
            accepted = app.campaigns().accepted(campaign);
        }
        if (accepted.isEmpty()) {
            throw new ConfigException("campaign " + campaign + " has no accepted scenarios yet; generate some, or bench a folder with --dir");
        }
        return readAll(accepted.stream().map(AcceptedScenario::folder).toList());
    }

    /** Reads every scenario before playing any; all that cannot be read are named at once. */
    private static List<LoadedScenario> readAll(List<Path> paths) {
        var input = new ScenarioInput();
        List<LoadedScenario> ok = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path p : paths) {
            try {
                ok.add(input.load(p));
            } catch (ConfigException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems.size() + " of " + paths.size() + " scenarios cannot be read; fix them or move them out of"
                    + " the set:\n  " + String.join("\n  ", problems));
        }
        return ok;
    }

    private static void human(BenchReport report, Output out) {
        var plays = new Table("scenario", "family", "verdict", "missed goals");
        for (PlayOutcome p : report.plays()) {
            plays.row(p.scenario().scenario().id(), p.scenario().family(), p.status().label(),
                    p.status() == PlayOutcome.Status.FAIL ? p.missed().stream().map(PlayOutcome.Goal::id).collect(Collectors.joining(", ")) : "");
        }
        var rates = new Table("family", "scenarios", "passed", "failed", "not judged", "success rate");
        for (BenchReport.Rate r : report.families()) rates.row(r.family(), r.scenarios(), r.passed(), r.failed(), r.notJudged(), r.percent());
        BenchReport.Rate all = report.overall();
        rates.row(all.family(), all.scenarios(), all.passed(), all.failed(), all.notJudged(), all.percent());
        out.human().println("agent " + report.agent() + ", user " + report.user());
        out.human().println();
        out.human().print(plays.render());
        out.human().println();
        out.human().print(rates.render());
    }
}
