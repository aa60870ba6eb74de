package dev.scenarist.packs.chains.internal.generate;

import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.model.Severity;
import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.CheckContext;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.scenarist.packs.chains.Target;
import dev.scenarist.packs.chains.internal.run.ChainPass;
import dev.scenarist.packs.chains.internal.run.StepRun;
import dev.scenarist.packs.chains.internal.target.AssistantClient;
import dev.scenarist.packs.chains.pool.ChainStep;
import dev.scenarist.packs.chains.pool.Expectation;
import dev.scenarist.packs.chains.pool.Wording;
import dev.scenarist.packs.chains.reference.ReferenceAssistant;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * When the domain's target is the reference assistant: the chain is run end to end against it, in its canonical
 * wording, in one session, exactly as {@code scenarist chains run-pack} would run it. A blocked step (a placeholder
 * that reads a field the earlier reply does not have), a question the assistant cannot answer, or a check that fails on
 * the canonical wording is a finding at the step's or check's {@code pool.yaml} line: against its own domain's target,
 * the canonical route must go through (the other wordings are where defects are to be found, so they are not run here).
 * When the reference assistant cannot be started or does not answer, the chain is not judged.
 */
public final class DryRunCheck implements Check {
    /** The folder under the run's artifacts where the reference assistant's product (its switches) is kept. */
    static final String PRODUCT_FOLDER = "dry-run-product";

    @Override
    public String name() {
        return "dry-run";
    }

    @Override
    public int tier() {
        return TIER_PROCESS;
    }

    @Override
    public CheckResult run(CheckContext context) throws InterruptedException {
        if (!(PoolDraft.read(context.workspace()) instanceof PoolDraft.Read.Chain draft)) return CheckResult.passed(); // pool-format reports it
        String target = Parameters.text(Parameters.effective(context.run().parameters()), Parameters.TARGET);
        if (!Domain.REFERENCE_TARGET.equals(target)) {
            return new CheckResult.Passed(List.of(new Finding("DRY_RUN_SKIPPED", Severity.INFO, "not dry-run: the domain's target is " + target
                    + ", not the reference assistant", PoolDraft.FILE, "run the pool against it: scenarist chains run-pack --pool pool.yaml --target "
                    + target)), OptionalDouble.empty());
        }
        Path product = context.artifacts().resolve(PRODUCT_FOLDER);
        ChainPass.Result pass;
        try (ReferenceAssistant ref = ReferenceAssistant.start("127.0.0.1", 0, product, Optional.empty())) {
            pass = new ChainPass(new AssistantClient(Target.at(ref.baseUri())), 0).run(draft.chain(), Wording.CANONICAL);
        } catch (IOException | RuntimeException e) {
            return CheckResult.errored("the reference assistant could not be started for the dry run: " + e);
        }
        record(context.artifacts(), pass);
        return judge(draft, pass);
    }

    private static CheckResult judge(PoolDraft.Read.Chain draft, ChainPass.Result pass) {
        List<Finding> findings = new ArrayList<>();
        for (StepRun run : pass.steps()) {
            int index = run.ref().index() - 1;
            ChainStep step = draft.chain().steps().get(index);
            String at = draft.stepLocation(index);
            StepRun.Verdict v = run.verdict();
            switch (v.status()) {
                case ACCEPTED -> { }
                case BLOCKED -> {
                    if (v.cause() != StepRun.Cause.PLACEHOLDER) {
                        return CheckResult.errored("the reference assistant failed at step " + step.id() + " of the dry run (not judged): " + v.reason());
                    }
                    findings.add(Finding.error("DRY_RUN_BLOCKED", "step " + step.id() + " is blocked on the reference assistant: " + v.reason(), at,
                            "a placeholder must read a field the earlier reply really has (the domain's answers list every reply's fields), "
                                    + "or the session: {{semantic_memory.…}}"));
                    return CheckResult.of(findings); // the steps after it were not run
                }
                case NEEDS_EXACT_CAPABILITY -> findings.add(Finding.error("DRY_RUN_UNSUPPORTED", "the reference assistant cannot answer step "
                        + step.id() + "'s question '" + run.asked().question().orElse(step.question()) + "': " + v.reason(), at,
                        "ask what the domain's answers say the assistant answers, worded like their examples"));
                case PARTIAL -> {
                    for (var c : v.checks()) {
                        if (c.passed()) continue;
                        findings.add(Finding.error("DRY_RUN_CHECK_FAILED", "step " + step.id() + ": check '" + c.check() + "' fails on the reference"
                                + " assistant in the canonical wording (" + c.resolved() + ": " + c.detail() + ")", location(step, c.check(), at),
                                "expect what the canonical route really gives: read values from earlier replies with placeholders, and check only "
                                        + "fields the reply or the session has"));
                    }
                }
            }
        }
        return CheckResult.of(findings);
    }

    private static String location(ChainStep step, String check, String fallback) {
        for (Expectation e : step.expectations()) if (e.source().equals(check)) return e.location();
        return fallback;
    }

    /** The dry run's steps, kept in the run's artifacts for the scenario's manifest. */
    private static void record(Path artifacts, ChainPass.Result pass) {
        ArrayNode steps = DryRunRecord.JSON.createArrayNode();
        for (StepRun run : pass.steps()) {
            steps.addObject().put("step", run.ref().stepId()).put("status", run.verdict().status().key()).put("reason", run.verdict().reason());
        }
        DryRunRecord.write(artifacts, steps);
    }
}
