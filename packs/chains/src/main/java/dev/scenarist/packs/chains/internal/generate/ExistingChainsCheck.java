package dev.scenarist.packs.chains.internal.generate;

import dev.scenarist.core.catalog.LexicalIndex;
import dev.scenarist.core.catalog.LexicalScores;
import dev.scenarist.core.catalog.LexicalThresholds;
import dev.scenarist.core.catalog.Measure;
import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.CheckContext;
import dev.scenarist.packs.chains.ChainsFormatException;
import dev.scenarist.packs.chains.Pools;
import dev.scenarist.packs.chains.pool.ChainScenario;
import dev.scenarist.packs.chains.pool.QuestionPool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A new chain must differ from the chains the domain already has (its {@code existing_pool}), by the same lexical
 * measures and thresholds as the catalog's uniqueness gate — which only knows the chains generated so far. A chain of
 * the pool at or over any threshold is named with the measure, so the author can choose another route.
 */
public final class ExistingChainsCheck implements Check {
    private final LexicalThresholds thresholds;

    public ExistingChainsCheck(LexicalThresholds thresholds) {
        this.thresholds = thresholds;
    }

    @Override
    public String name() {
        return "existing-chains";
    }

    @Override
    public int tier() {
        return TIER_PARSE + 2;
    }

    @Override
    public CheckResult run(CheckContext context) {
        if (!(PoolDraft.read(context.workspace()) instanceof PoolDraft.Read.Chain draft)) return CheckResult.passed(); // pool-format reports it
        String existing = Parameters.text(Parameters.effective(context.run().parameters()), Parameters.EXISTING_POOL);
        if (existing.isEmpty()) return CheckResult.passed();
        QuestionPool pool;
        try {
            pool = existing.startsWith(Domains.BUNDLED_POOL_PREFIX) ? Pools.bundled(existing.substring(Domains.BUNDLED_POOL_PREFIX.length()))
                    : Pools.read(Path.of(existing));
        } catch (ChainsFormatException | IllegalArgumentException e) {
            return CheckResult.unavailable("the domain's existing pool " + existing + " cannot be read (" + e.getMessage()
                    + "); fix it or remove existing_pool from the domain description");
        }
        String domain = draft.pool().domain();
        String mine = ChainText.of(domain, draft.chain());
        List<Finding> findings = new ArrayList<>();
        for (ChainScenario other : pool.scenarios()) {
            LexicalScores s = LexicalIndex.scores(mine, ChainText.of(domain, other));
            Measure m = s.strongest(thresholds);
            if (s.of(m) >= thresholds.of(m)) {
                findings.add(Finding.error("DUPLICATE_OF_EXISTING_CHAIN", String.format(Locale.ROOT,
                        "chain %s repeats chain '%s' (%s) of the domain's existing pool %s: %s %.2f (duplicate from %.2f)", draft.chain().id(),
                        other.id(), other.title(), pool.source(), m.label(), s.of(m), thresholds.of(m)), draft.stepLocation(0),
                        "take another route through the domain: other questions, another order, other objects than '" + other.title() + "'"));
            }
        }
        return CheckResult.of(findings);
    }
}
