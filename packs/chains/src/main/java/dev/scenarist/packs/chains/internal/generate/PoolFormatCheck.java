package dev.scenarist.packs.chains.internal.generate;

import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.CheckContext;

/**
 * The pool parses with the runner's strict reader, and holds one chain. Its errors come back as findings at their
 * {@code pool.yaml:LINE}: an unknown field with did-you-mean, a missing one, a malformed check, a placeholder naming no
 * earlier step — exactly what {@code scenarist chains run-pack --pool} would refuse.
 */
public final class PoolFormatCheck implements Check {
    @Override
    public String name() {
        return "pool-format";
    }

    @Override
    public int tier() {
        return TIER_PARSE;
    }

    @Override
    public CheckResult run(CheckContext context) {
        return switch (PoolDraft.read(context.workspace())) {
            case PoolDraft.Read.Chain c -> CheckResult.passed();
            case PoolDraft.Read.Unusable u -> CheckResult.failed(u.finding());
        };
    }
}
