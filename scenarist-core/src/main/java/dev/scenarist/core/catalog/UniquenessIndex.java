package dev.scenarist.core.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The catalog's similarity index for every pack: for all packs the word-shingle index ({@link ShingleSimilarityIndex},
 * which {@link #nearest} answers from, unchanged), and for packs with a {@link UniquenessPolicy} (the
 * {@code CatalogUniqueness} capability) also a {@link LexicalIndex} and, when an {@link Embedder} is wired, a
 * {@link SemanticIndex}, from which {@link #verdict} answers. The app wires one per process; the engine's catalog mirror
 * feeds it.
 */
public final class UniquenessIndex implements SimilarityIndex {
    /** How many of the nearest scenarios a verdict names. */
    public static final int NEAREST_SHOWN = 3;

    private record PackIndexes(UniquenessPolicy policy, LexicalIndex lexical, Optional<SemanticIndex> semantic) {}

    private final ShingleSimilarityIndex shingles = new ShingleSimilarityIndex();
    private final Function<String, Optional<UniquenessPolicy>> policies;
    private final Optional<Embedder> embedder;
    private final Supplier<Optional<VectorSearch>> searches;
    private final EmbeddingCache cache;
    private final Map<String, Optional<PackIndexes>> packs = new ConcurrentHashMap<>();
    /** The last texts embedded: a candidate is embedded by the gate, again at acceptance, and added once accepted. */
    private final Map<String, float[]> recent = java.util.Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > RECENT;
        }
    });
    private static final int RECENT = 32;

    /**
     * @param policies the uniqueness policy of a pack by name (empty: the pack keeps the shingle index only)
     * @param embedder sentence embeddings for the semantic index, if any (empty: lexical measures only); searched by an
     *                 exact scan
     */
    public UniquenessIndex(Function<String, Optional<UniquenessPolicy>> policies, Optional<Embedder> embedder) {
        this(policies, embedder, Optional::empty);
    }

    /** As above, each pack's semantic index searched by a {@link VectorSearch} from {@code searches} (e.g. HNSW). */
    public UniquenessIndex(Function<String, Optional<UniquenessPolicy>> policies, Optional<Embedder> embedder,
                           Supplier<Optional<VectorSearch>> searches) {
        this(policies, embedder, searches, EmbeddingCache.NONE);
    }

    /**
     * As above, the embeddings of accepted scenarios looked up in {@code cache} first and kept there once computed, so a
     * process starting on a catalog embedded before does not embed it again (candidates are embedded each time).
     */
    public UniquenessIndex(Function<String, Optional<UniquenessPolicy>> policies, Optional<Embedder> embedder,
                           Supplier<Optional<VectorSearch>> searches, EmbeddingCache cache) {
        this.policies = Objects.requireNonNull(policies, "policies");
        this.embedder = Objects.requireNonNull(embedder, "embedder");
        this.searches = Objects.requireNonNull(searches, "searches");
        this.cache = Objects.requireNonNull(cache, "cache");
    }

    private Optional<PackIndexes> indexes(String pack) {
        return packs.computeIfAbsent(pack, p -> policies.apply(p).map(policy -> new PackIndexes(policy,
                new LexicalIndex(policy.rules().lexical()), embedder.map(e -> new SemanticIndex(e, searches.get())))));
    }

    @Override
    public void add(String pack, String scenarioId, String text) {
        add(pack, scenarioId, "", text);
    }

    @Override
    public void add(String pack, String scenarioId, String title, String text) {
        shingles.add(pack, scenarioId, text);
        indexes(pack).ifPresent(ix -> {
            var item = new CatalogItem(scenarioId, title, text, ix.policy().groupKey().groupOf(text));
            ix.lexical().add(item);
            ix.semantic().ifPresent(s -> {
                if (s.contains(scenarioId)) return;
                String model = s.embedder().id();
                float[] vector = cache.find(pack, scenarioId, text, model).orElse(null);
                if (vector == null || vector.length != s.embedder().dimensions()) {
                    vector = embed(s.embedder(), text);
                    cache.keep(pack, scenarioId, text, model, vector);
                }
                s.add(item, vector);
            });
        });
    }

    /** The text's embedding, from the last few embedded when it is among them. */
    private float[] embed(Embedder e, String text) {
        float[] known = recent.get(text);
        if (known != null) return known;
        float[] v = e.embed(text);
        recent.put(text, v);
        return v;
    }

    @Override
    public List<Match> nearest(String pack, String text, int k) {
        return shingles.nearest(pack, text, k);
    }

    @Override
    public Optional<UniquenessVerdict> verdict(String pack, CatalogItem candidate) {
        return indexes(pack).map(ix -> {
            var rules = ix.policy().rules();
            var probe = new CatalogItem(candidate.id(), candidate.title(), candidate.text(), ix.policy().groupKey().groupOf(candidate.text()));
            var lexical = ix.lexical().nearest(probe, NEAREST_SHOWN, rules.sameGroupOnly());
            // nothing to compare with, nothing to embed (a first scenario loads no model)
            var semantic = ix.semantic().filter(s -> s.size() > 0)
                    .map(s -> s.nearest(probe, embed(s.embedder(), probe.text()), NEAREST_SHOWN, rules.sameGroupOnly())).orElse(List.of());
            return decide(rules, lexical, semantic);
        });
    }

    /**
     * The verdict from the nearest entries by each measure: {@code Duplicate} when any lexical measure reaches its
     * threshold or the embedding cosine reaches {@link SemanticThresholds#duplicate()}; else {@code Borderline} when one
     * is within {@link UniquenessRules#lexicalMargin()} below its threshold or the cosine reaches
     * {@link SemanticThresholds#borderline()}; else {@code Unique}. The nearest are named strongest first, at most
     * {@link #NEAREST_SHOWN}, each by its strongest measure, with what it shares with the candidate.
     */
    public static UniquenessVerdict decide(UniquenessRules rules, List<LexicalMatch> lexical, List<SemanticMatch> semantic) {
        boolean duplicate = false, borderline = false;
        Map<String, Similar> byId = new LinkedHashMap<>();
        for (LexicalMatch m : lexical) {
            duplicate |= m.scores().reaches(rules.lexical(), 0);
            borderline |= m.scores().reaches(rules.lexical(), rules.lexicalMargin());
            Measure strongest = m.scores().strongest(rules.lexical());
            List<String> shared = new ArrayList<>();
            m.sharedPhrases().forEach(p -> shared.add("\"" + p + "\""));
            if (!m.sharedWords().isEmpty()) shared.add("words " + String.join(" ", m.sharedWords()));
            keepStronger(byId, new Similar(m.item(), strongest, m.scores().of(strongest), rules.lexical().of(strongest), shared));
        }
        for (SemanticMatch m : semantic) {
            duplicate |= m.cosine() >= rules.semantic().duplicate();
            borderline |= m.cosine() >= rules.semantic().borderline();
            keepStronger(byId, new Similar(m.item(), Measure.EMBEDDING_COSINE, m.cosine(), rules.semantic().duplicate(), List.of()));
        }
        List<Similar> nearest = byId.values().stream().sorted(Comparator.comparingDouble(Similar::strength).reversed())
                .limit(NEAREST_SHOWN).toList();
        if (duplicate) return new UniquenessVerdict.Duplicate(nearest);
        if (borderline) return new UniquenessVerdict.Borderline(nearest);
        return new UniquenessVerdict.Unique(nearest);
    }

    /** One line per scenario: the stronger of its lexical and semantic sides, keeping what the lexical side found shared. */
    private static void keepStronger(Map<String, Similar> byId, Similar s) {
        byId.merge(s.item().id(), s, (old, neu) -> {
            Similar strong = neu.strength() > old.strength() ? neu : old;
            Similar other = strong == neu ? old : neu;
            return strong.shared().isEmpty() && !other.shared().isEmpty()
                    ? new Similar(strong.item(), strong.measure(), strong.score(), strong.threshold(), other.shared()) : strong;
        });
    }
}
