package dev.scenarist.app.cli;

import dev.scenarist.app.chains.ChainsTarget;
import dev.scenarist.app.config.ConfigException;
import dev.scenarist.packs.chains.AnalystFailedException;
import dev.scenarist.packs.chains.Chains;
import dev.scenarist.packs.chains.ChainsFormatException;
import dev.scenarist.packs.chains.Status;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "run-case", mixinStandardHelpOptions = true,
        description = {"Ask one question in a new session, check the reply and the session state, and write <out>/<id>/.",
                "Exit 0 when accepted, 1 otherwise, 2 for bad input."})
final class ChainsRunCaseCommand implements Callable<Integer> {
    @ParentCommand
    ChainsCommand parent;

    @Mixin
    ChainsOptions options;

    @Option(names = "--question", required = true, paramLabel = "TEXT", description = "The question.")
    String question;

    @Option(names = "--expect", paramLabel = "CHECK", description = "A check, e.g. 'response.on_hand >= 1' or 'semantic_memory.selected_item == \"HB-M6\"' (repeatable).")
    List<String> expect = new ArrayList<>();

    @Option(names = "--id", defaultValue = "case", paramLabel = "ID", description = "The case's folder name (default ${DEFAULT-VALUE}).")
    String id;

    @Override
    public Integer call() throws InterruptedException {
        Output out = parent.root.output();
        try (ChainsTarget target = options.openTarget(parent.root)) {
            var r = new Chains(Clock.systemUTC()).runCase(id, question, expect, options.runOptions(parent.root, target.target()));
            ChainsCommand.human(r, out);
            if (out.json()) out.document(ChainsCommand.json(r));
            return r.status() == Status.ACCEPTED ? 0 : 1;
        } catch (ChainsFormatException e) {
            throw new ConfigException(e.getMessage().replaceFirst("^run-case:\\d+:\\d+: ", "--id/--expect: "));
        } catch (AnalystFailedException e) {
            out.err().println("error: " + e.getMessage());
            return 1;
        }
    }
}
