package dev.scenarist.packs.chains.internal.generate;

import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.CheckContext;
import dev.scenarist.packs.chains.internal.path.Placeholders;
import dev.scenarist.packs.chains.pool.ChainScenario;
import dev.scenarist.packs.chains.pool.ChainStep;
import dev.scenarist.packs.chains.pool.CheckKind;
import dev.scenarist.packs.chains.pool.Expectation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What makes a pool a chain of the run's domain (the strict reader has already refused placeholders that name no
 * earlier step): it is written for the domain; it has a root question and at least one follow-up; some follow-up
 * depends on an earlier answer (a placeholder into an earlier step or the session); and some follow-up checks that
 * context carried over — a {@code semantic_memory.<field>} check on one of the domain's carry-over fields.
 */
public final class ChainShapeCheck implements Check {
    static final String MEMORY = "semantic_memory.";

    @Override
    public String name() {
        return "chain-shape";
    }

    @Override
    public int tier() {
        return TIER_PARSE + 1;
    }

    @Override
    public CheckResult run(CheckContext context) {
        if (!(PoolDraft.read(context.workspace()) instanceof PoolDraft.Read.Chain draft)) return CheckResult.passed(); // pool-format reports it
        Map<String, Object> p = Parameters.effective(context.run().parameters());
        List<Finding> findings = new ArrayList<>();
        ChainScenario chain = draft.chain();
        String domainName = Parameters.text(p, Parameters.DOMAIN_NAME);
        if (!domainName.isEmpty() && !ChainText.group(draft.pool().domain()).equals(ChainText.group(domainName))) {
            findings.add(Finding.error("DOMAIN_MISMATCH", "the pool's domain is '" + draft.pool().domain() + "', not the run's domain '" + domainName + "'",
                    PoolDraft.FILE, "write 'domain: " + domainName + "' (chains are compared for uniqueness within their domain)"));
        }
        if (chain.steps().size() < 2) {
            findings.add(Finding.error("NOT_A_CHAIN", "the chain has " + chain.steps().size() + " step; a chain is a root question and at least one follow-up",
                    draft.stepLocation(0), "add the critical follow-ups, each depending on an earlier answer"));
            return CheckResult.of(findings);
        }
        if (!linked(chain)) {
            findings.add(Finding.error("NOT_LINKED", "no follow-up of chain " + chain.id() + " depends on an earlier answer: none of their questions or"
                    + " checks has a placeholder", draft.stepLocation(1), "let a follow-up read an earlier reply, e.g. {{" + chain.steps().getFirst().id()
                    + ".item}}, or the session, e.g. {{semantic_memory.active_result_set_id}}"));
        }
        List<String> fields = Parameters.list(p, Parameters.CARRY_OVER_FIELDS);
        if (!carriesOver(chain, fields)) {
            String which = fields.isEmpty() ? "a semantic_memory field" : "one of " + String.join(", ", fields.stream().map(f -> MEMORY + f).toList());
            findings.add(Finding.error("NO_CARRY_OVER", "no follow-up of chain " + chain.id() + " checks that context carried over (" + which + ")",
                    draft.stepLocation(1), "add to a follow-up a check such as " + MEMORY + (fields.isEmpty() ? "selected_item" : fields.getFirst())
                            + " == \"{{" + chain.steps().getFirst().id() + "." + "…}}\" — what the conversation selected must survive it"));
        }
        return CheckResult.of(findings);
    }

    private static boolean linked(ChainScenario chain) {
        for (ChainStep s : chain.steps().subList(1, chain.steps().size())) {
            if (!Placeholders.find(s.question()).isEmpty()) return true;
            for (Expectation e : s.expectations()) if (!Placeholders.find(e.check().operand()).isEmpty()) return true;
        }
        return false;
    }

    private static boolean carriesOver(ChainScenario chain, List<String> fields) {
        for (ChainStep s : chain.steps().subList(1, chain.steps().size())) {
            for (Expectation e : s.expectations()) {
                if (e.kind() != CheckKind.CARRYOVER) continue;
                String path = e.check().path().replaceFirst("^session\\.", "");
                if (!path.startsWith(MEMORY)) continue;
                String field = path.substring(MEMORY.length()).split("[.\\[]", 2)[0];
                if (fields.isEmpty() || fields.contains(field)) return true;
            }
        }
        return false;
    }
}
