package dev.scenarist.packs.yaml;

import dev.scenarist.core.author.Author;
import dev.scenarist.core.author.AuthorRequest;
import dev.scenarist.core.author.ModelSettings;
import dev.scenarist.core.catalog.SimilarityIndex;
import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.CheckContext;
import dev.scenarist.core.pack.Critic;
import dev.scenarist.core.pack.GateContext;
import dev.scenarist.core.pack.GateDecision;
import dev.scenarist.core.pack.OutputFile;
import dev.scenarist.core.pack.Pack;
import dev.scenarist.core.pack.RunContext;
import dev.scenarist.core.pack.Stage;
import dev.scenarist.core.workspace.Workspace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Drives a pack the way the engine does, minus prompts and persistence: ask the author, write the reply's files,
 * run the checks cheapest tier first (stopping after a failing tier), retry with the next attempt number. Judge
 * checks ask the same author with stage {@code <stage>:judge:<check>}. Good enough to prove that a pack and its
 * scripted replies fit together.
 */
final class OfflineRun {
    /** One attempt of one stage: the findings of the checks that ran. */
    record Attempt(String stage, int number, boolean passed, List<Finding> findings) {}

    record Result(List<Attempt> attempts, GateDecision gate, Map<String, String> stageOutputs) {
        int attemptsOf(String stage) {
            return (int) attempts.stream().filter(a -> a.stage().equals(stage)).count();
        }

        Attempt first(String stage) {
            return attempts.stream().filter(a -> a.stage().equals(stage)).findFirst().orElseThrow();
        }

        boolean accepted() {
            return gate instanceof GateDecision.Pass && attempts.stream().filter(a -> !a.passed())
                    .map(Attempt::stage).distinct().allMatch(s -> attempts.stream().anyMatch(a -> a.stage().equals(s) && a.passed()));
        }
    }

    private OfflineRun() {}

    static Result run(Pack pack, Author author, long seed, Workspace ws, SimilarityIndex catalog) throws Exception {
        Map<String, Object> params = pack.parameters(seed);
        RunContext run = new RunContext("run-" + seed, "campaign", pack.name(), seed, params);
        List<Attempt> attempts = new ArrayList<>();
        Map<String, String> outputs = new HashMap<>();
        GateDecision gate = null;
        for (Stage stage : pack.pipeline().stages()) {
            switch (stage) {
                case Stage.AuthorStage a -> {
                    boolean passed = false;
                    for (int n = 1; n <= a.policy().maxAttempts() && !passed; n++) {
                        String reply = author.reply(request(stage.name(), n, seed, params)).text();
                        Map<String, String> files = FileBlocks.parse(reply);
                        for (OutputFile o : a.outputs()) if (files.containsKey(o.path())) ws.write(o.path(), files.get(o.path()));
                        int attempt = n;
                        Critic critic = (purpose, system, prompt) -> author.reply(
                                request(stage.name() + ":" + purpose, attempt, seed, params)).text();
                        Attempt result = checks(stage.name(), n, a.checks(), new CheckContext(run, stage.name(), ws, outputs, critic));
                        attempts.add(result);
                        passed = result.passed();
                    }
                    if (!passed) return new Result(attempts, null, outputs);
                }
                case Stage.ReviewStage r -> outputs.put(r.name(), author.reply(request(r.name(), 1, seed, params)).text());
                case Stage.GateStage g -> gate = g.gate().decide(new GateContext(run, ws, pack.uniquenessText(ws), catalog));
                case Stage.RefineStage r -> throw new UnsupportedOperationException("refine stages are not driven here");
            }
        }
        return new Result(attempts, gate, outputs);
    }

    private static AuthorRequest request(String stage, int attempt, long seed, Map<String, Object> params) {
        return new AuthorRequest(stage, "system", "prompt", ModelSettings.DEFAULTS, attempt, seed, params);
    }

    static Attempt checks(String stage, int number, List<Check> checks, CheckContext ctx) throws InterruptedException {
        TreeMap<Integer, List<Check>> byTier = new TreeMap<>();
        for (Check c : checks) byTier.computeIfAbsent(c.tier(), t -> new ArrayList<>()).add(c);
        List<Finding> findings = new ArrayList<>();
        for (List<Check> tier : byTier.values()) {
            boolean failed = false;
            for (Check c : tier) {
                CheckResult r = c.run(ctx);
                if (r instanceof CheckResult.Errored e) throw new IllegalStateException("check " + c.name() + " errored: " + e.message());
                findings.addAll(r.findings());
                failed |= r instanceof CheckResult.Failed;
            }
            if (failed) return new Attempt(stage, number, false, findings);
        }
        return new Attempt(stage, number, true, findings);
    }
}
