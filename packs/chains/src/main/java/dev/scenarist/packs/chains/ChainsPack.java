package dev.scenarist.packs.chains;

import dev.scenarist.core.author.Author;
import dev.scenarist.core.catalog.UniquenessPolicy;
import dev.scenarist.core.catalog.UniquenessRules;
import dev.scenarist.core.pack.CatalogUniqueness;
import dev.scenarist.core.pack.DefinitionHash;
import dev.scenarist.core.pack.Pack;
import dev.scenarist.core.pack.PackOptions;
import dev.scenarist.core.pack.Pipeline;
import dev.scenarist.core.pack.ScenarioAssembler;
import dev.scenarist.core.pack.ScenarioAssembly;
import dev.scenarist.core.pack.ScenarioSummary;
import dev.scenarist.core.workspace.Workspace;
import dev.scenarist.packs.chains.internal.generate.ChainManifest;
import dev.scenarist.packs.chains.internal.generate.ChainText;
import dev.scenarist.packs.chains.internal.generate.Domains;
import dev.scenarist.packs.chains.internal.generate.GenerationContext;
import dev.scenarist.packs.chains.internal.generate.PoolDraft;
import dev.scenarist.packs.chains.internal.generate.Stages;
import dev.scenarist.packs.chains.internal.generate.offline.OfflineChainAuthor;
import java.util.Map;

/**
 * Generating new question chains for a domain through the engine ({@code scenarist generate --pack chains}): from a
 * short domain description ({@code --option domain=inventory}, the bundled one, or {@code domain=path/to/domain.yaml}),
 * the pipeline {@code chain} → {@code uniqueness} → {@code wordings} writes one chain per scenario as a {@code pool.yaml}
 * the runner reads as it is — checked by the runner's strict reader, for its shape (linked follow-ups, a carry-over
 * check), against the domain's existing chains, and, when the domain's target is the reference assistant, by a dry run
 * of its canonical wording against it. Accepted scenarios carry {@code pool.yaml} and {@code chain_manifest.json}; run
 * one with {@code scenarist chains run-pack --pool <folder>/pool.yaml --target reference}.
 */
public final class ChainsPack implements Pack, PackOptions, CatalogUniqueness, ScenarioAssembler {
    public static final String NAME = "chains";
    public static final String DOMAIN_OPTION = "domain";
    /** The catalog's lexical (and semantic) measures at their defaults; a chain is compared only with chains of its domain. */
    private static final UniquenessRules UNIQUENESS = UniquenessRules.DEFAULTS.sameGroupOnly(true);

    private final Pipeline pipeline = Stages.pipeline(UNIQUENESS);
    private final String context = GenerationContext.text();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Question chains for a product's assistant, generated from a domain description (root question, follow-ups, "
                + "canonical/colloquial/pronoun-only wordings, carry-over checks) as pools the chains runner runs; option "
                + "--option domain=" + String.join("|", Domains.BUNDLED) + "|FILE.yaml.";
    }

    /** Changes with the prompts, the bundled domain and what the offline author writes. */
    @Override
    public String definitionHash() {
        var hash = DefinitionHash.of("chains-0.1").add(context);
        for (var s : pipeline.stages()) {
            if (s instanceof dev.scenarist.core.pack.Stage.AuthorStage a) hash.add(a.instructions());
        }
        for (String d : Domains.BUNDLED) hash.add(Domains.bundledText(d));
        return hash.add(OfflineChainAuthor.sample()).value();
    }

    @Override
    public String context() {
        return context;
    }

    @Override
    public Pipeline pipeline() {
        return pipeline;
    }

    @Override
    public Author offlineAuthor() {
        return new OfflineChainAuthor();
    }

    @Override
    public Map<String, Object> parameters(long seed) {
        return parameters(seed, Map.of());
    }

    /**
     * The domain description's fields as the run's parameters, and the focus the seed picks.
     *
     * @throws IllegalArgumentException for another option, an unknown bundled domain, or a domain file that cannot be
     *                                  read (its file:line and the fix)
     */
    @Override
    public Map<String, Object> parameters(long seed, Map<String, String> options) {
        for (String key : options.keySet()) {
            if (!key.equals(DOMAIN_OPTION)) {
                throw new IllegalArgumentException("pack 'chains' has no option '" + key + "'; its only option is --option domain=NAME|FILE ("
                        + "bundled: " + String.join(", ", Domains.BUNDLED) + ", or a domain description YAML file)");
            }
        }
        return Domains.resolve(options.getOrDefault(DOMAIN_OPTION, Domains.INVENTORY)).parameters(seed);
    }

    /** PARE's lexical measures (and the semantic one when the app has an embedder), within a domain only. */
    @Override
    public UniquenessPolicy uniquenessPolicy() {
        return new UniquenessPolicy(UNIQUENESS, ChainText.GROUP_KEY);
    }

    @Override
    public String uniquenessText(Workspace workspace) {
        return switch (PoolDraft.read(workspace)) {
            case PoolDraft.Read.Chain c -> ChainText.of(c.pool().domain(), c.chain());
            case PoolDraft.Read.Unusable u -> workspace.read(PoolDraft.FILE).orElse("");
        };
    }

    @Override
    public ScenarioSummary summarize(Workspace workspace) {
        return switch (PoolDraft.read(workspace)) {
            case PoolDraft.Read.Chain c -> new ScenarioSummary(c.chain().title(), c.chain().brief().isBlank()
                    ? c.chain().steps().size() + "-step chain for " + c.pool().domain() : c.chain().brief());
            case PoolDraft.Read.Unusable u -> new ScenarioSummary("question chain", "a question chain for a product's assistant");
        };
    }

    /** {@code chain_manifest.json} beside the {@code pool.yaml}. */
    @Override
    public void assemble(ScenarioAssembly assembly) {
        ChainManifest.write(assembly);
    }
}
