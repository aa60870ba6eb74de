package dev.scenarist.packs.chains.internal.generate;

import dev.scenarist.core.catalog.CatalogUniquenessGate;
import dev.scenarist.core.catalog.UniquenessRules;
import dev.scenarist.core.pack.FileFormat;
import dev.scenarist.core.pack.OutputFile;
import dev.scenarist.core.pack.Pipeline;
import dev.scenarist.core.pack.Stage;
import dev.scenarist.core.pack.StagePolicy;
import java.util.List;

/**
 * The generation pipeline: {@code chain} (the root question, the critical follow-ups and their checks, canonical
 * wording; checked: the strict reader, the chain's shape, the domain's existing chains, a dry run) → {@code uniqueness}
 * (the catalog gate, within the domain) → {@code wordings} (colloquial and pronoun-only variants; checked again, with the
 * wordings). Both author stages edit {@code pool.yaml} only.
 */
public final class Stages {
    public static final String CHAIN = "chain";
    public static final String UNIQUENESS = "uniqueness";
    public static final String WORDINGS = "wordings";

    private Stages() {}

    public static Pipeline pipeline(UniquenessRules rules) {
        OutputFile pool = OutputFile.required(PoolDraft.FILE, FileFormat.YAML, "the question pool (YAML) holding the one chain");
        var existing = new ExistingChainsCheck(rules.lexical());
        var chain = new Stage.AuthorStage(CHAIN, """
                Stage 1 of 2, the chain. Domain: {{domain_name}} (id {{domain}}, target {{assistant_target}}). Focus of this chain: {{focus}}.
                Write pool.yaml holding ONE chain (one scenario) for this domain: a root question, then 2 to 4 critical follow-ups,
                each depending on an earlier answer — through a placeholder into an earlier step's reply, or by pointing at what
                the conversation selected. Ask only what the domain's answers say the assistant answers, worded like their
                examples, and check only fields those answers list. At least one follow-up must check that context carried over:
                a semantic_memory check on one of the domain's carry-over fields ({{carry_over_fields}}). Write the canonical
                question of each step only: no 'variants:' yet (the next stage adds them). Set 'domain: {{domain_name}}'. The
                chain must differ from the domain's existing chains and the chains already accepted: another route, other objects.""",
                StagePolicy.editing(PoolDraft.FILE), List.of(pool),
                List.of(new PoolFormatCheck(), new ChainShapeCheck(), existing, new DryRunCheck()));
        var unique = new Stage.GateStage(UNIQUENESS, new CatalogUniquenessGate(rules));
        var wordings = new Stage.AuthorStage(WORDINGS, """
                Stage 2 of 2, the wordings. Rewrite pool.yaml with, under every step, 'variants:' holding 'colloquial:' (how people
                actually type it: casual, short, maybe lower-case) and, for every follow-up (not the root question),
                'pronoun_only:' (the same follow-up pointing back with "it", "that", "that day", naming nothing and holding no
                placeholder: the assistant must find the object in its memory). Keep the ids, the canonical questions and the
                checks exactly as they are.""",
                StagePolicy.editing(PoolDraft.FILE), List.of(pool),
                List.of(new PoolFormatCheck(), new ChainShapeCheck(), new WordingsCheck(), existing, new DryRunCheck()));
        return new Pipeline(List.of(chain, unique, wordings));
    }
}
