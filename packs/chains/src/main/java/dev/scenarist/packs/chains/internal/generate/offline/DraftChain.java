package dev.scenarist.packs.chains.internal.generate.offline;

import dev.scenarist.packs.chains.pool.Wording;
import java.util.List;
import java.util.Map;

/** A chain the offline author wrote, before it is a pool file: its steps with their wordings and checks. */
record DraftChain(String poolId, String domain, String id, String title, String brief, List<DraftStep> steps) {
    DraftChain {
        steps = List.copyOf(steps);
    }

    /** One step: its id, its wordings (canonical always), its checks as the pool writes them. */
    record DraftStep(String id, Map<Wording, String> wordings, List<String> checks) {
        DraftStep {
            wordings = Map.copyOf(wordings);
            checks = List.copyOf(checks);
        }
    }
}
