package dev.scenarist.app.cli;

import dev.scenarist.app.chains.ChainsTarget;
import dev.scenarist.app.config.ConfigException;
import dev.scenarist.core.text.DurationText;
import dev.scenarist.packs.chains.Chains;
import dev.scenarist.packs.chains.LoopOptions;
import dev.scenarist.packs.chains.Results;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "run-pack-loop", mixinStandardHelpOptions = true,
        description = {"The autonomous analyst/coder loop over a pack: run it, judge it, and if the gate is not met run the coder",
                "command with the backlog ($SCENARIST_BACKLOG) and go again. Ends when the gate is met, the analyst requires a user",
                "decision, the target is down, or at --max-iterations; partial and needs_exact_capability never end it.",
                "Running it again on the same --out resumes after the last completed iteration.",
                "Exit 0 when the gate is met, 1 otherwise, 2 for bad input."})
final class ChainsRunPackLoopCommand implements Callable<Integer> {
    @ParentCommand
    ChainsCommand parent;

    @Mixin
    ChainsOptions options;

    @Option(names = "--pool", paramLabel = "FILE", description = "The question pool (YAML; default: the bundled inventory pool).")
    Path pool;

    @Option(names = "--max-iterations", defaultValue = "5", paramLabel = "N", description = "Pack runs at most (default ${DEFAULT-VALUE}).")
    int maxIterations;

    @Option(names = "--coder", paramLabel = "CMD",
            description = {"Command run (sh -c, in the working directory) between iterations with the backlog in $SCENARIST_BACKLOG",
                    "(JSON) and $SCENARIST_BACKLOG_MD; with --target reference it also gets $SCENARIST_PRODUCT_DIR.",
                    "The scripted fix of the reference: --coder packs/chains/reference/fix-pronouns.sh"})
    String coder;

    @Option(names = "--coder-timeout", defaultValue = "30m", paramLabel = "DURATION", description = "The coder command's time limit (default ${DEFAULT-VALUE}).")
    String coderTimeout;

    @Override
    public Integer call() throws InterruptedException {
        Output out = parent.root.output();
        var questions = ChainsOptions.pool(pool);
        try (ChainsTarget target = options.openTarget(parent.root)) {
            Optional<LoopOptions.Coder> hook = Optional.empty();
            if (coder != null) {
                Map<String, String> env = target.isReference()
                        ? Map.of("SCENARIST_PRODUCT_DIR", options.productDir(parent.root).toAbsolutePath().toString()) : Map.of();
                try {
                    hook = Optional.of(new LoopOptions.Coder(coder, Path.of("").toAbsolutePath(), DurationText.parse(coderTimeout), env));
                } catch (IllegalArgumentException e) {
                    throw new ConfigException("--coder/--coder-timeout: " + e.getMessage());
                }
            }
            LoopOptions loop;
            try {
                loop = new LoopOptions(maxIterations, hook, i -> out.human().println("iteration " + i + " done"));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(e.getMessage());
            }
            Results.LoopResult r;
            try {
                r = new Chains(Clock.systemUTC()).runPackLoop(questions, options.runOptions(parent.root, target.target()), loop);
            } catch (IllegalStateException e) {
                throw new ConfigException(e.getMessage());
            }
            out.line(r.ending().key().toUpperCase() + "  pack " + r.packId() + "  after " + r.iterations() + " iteration(s), score " + r.score());
            out.line("  " + r.reason());
            out.line("  loop state: " + r.dir().resolve("loop_state.json"));
            if (out.json()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("pack_id", r.packId());
                m.put("ending", r.ending().key());
                m.put("reason", r.reason());
                m.put("iterations", r.iterations());
                m.put("score", r.score());
                m.put("dir", r.dir().toString());
                out.document(m);
            }
            return r.ending() == Results.LoopEnding.GATE_MET ? 0 : 1;
        }
    }
}
