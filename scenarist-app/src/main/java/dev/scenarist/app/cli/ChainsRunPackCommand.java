package dev.scenarist.app.cli;

import dev.scenarist.app.chains.ChainsTarget;
import dev.scenarist.packs.chains.AnalystFailedException;
import dev.scenarist.packs.chains.Chains;
import dev.scenarist.packs.chains.Status;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "run-pack", mixinStandardHelpOptions = true,
        description = {"Run every scenario of a pool (a blocked one never stops the others), judge them together and write one",
                "aggregate backlog: <out>/<pack_id>/. Exit 0 when the pack is accepted, 1 otherwise, 2 for bad input."})
final class ChainsRunPackCommand implements Callable<Integer> {
    @ParentCommand
    ChainsCommand parent;

    @Mixin
    ChainsOptions options;

    @Option(names = "--pool", paramLabel = "FILE", description = "The question pool (YAML; default: the bundled inventory pool).")
    Path pool;

    @Override
    public Integer call() throws InterruptedException {
        Output out = parent.root.output();
        var questions = ChainsOptions.pool(pool);
        try (ChainsTarget target = options.openTarget(parent.root)) {
            var r = new Chains(Clock.systemUTC()).runPack(questions, options.runOptions(parent.root, target.target()));
            out.line(r.status().key().toUpperCase() + "  pack " + r.packId() + "  score " + r.score() + "  backlog " + r.backlogItems() + " item(s)");
            out.line("  " + r.reason());
            out.line("  backlog: " + r.dir().resolve("backlog.md"));
            if (out.json()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("pack_id", r.packId());
                m.put("status", r.status().key());
                m.put("reason", r.reason());
                m.put("score", r.score());
                m.put("backlog_items", r.backlogItems());
                m.put("dir", r.dir().toString());
                out.document(m);
            }
            return r.status() == Status.ACCEPTED ? 0 : 1;
        } catch (AnalystFailedException e) {
            out.err().println("error: " + e.getMessage());
            return 1;
        }
    }
}
