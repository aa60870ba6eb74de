package dev.scenarist.app.wiring;

import dev.scenarist.core.catalog.EmbeddingCache;
import dev.scenarist.core.catalog.Embedder;
import dev.scenarist.core.catalog.UniquenessIndex;
import dev.scenarist.core.catalog.UniquenessPolicy;
import dev.scenarist.core.engine.DataLayout;
import dev.scenarist.embeddings.MiniLmEmbedder;
import dev.scenarist.embeddings.VectorFiles;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * The catalog's uniqueness index as the app wires it: lexical measures for every pack with a uniqueness policy, and —
 * unless {@value Settings#SEMANTIC_UNIQUENESS_ENV}{@code =off} — the semantic one, all-MiniLM-L6-v2 in process,
 * loaded at the first embedding (so {@code scenarist packs}, or a run of a pack without a policy, never loads ONNX
 * Runtime), searched by an exact scan of the pack's vectors (exact, and nothing to build at start; fine to some tens
 * of thousands of scenarios per pack) or, with {@code hnsw}, an HNSW graph (7 ms a lookup at 100 000, built at start). The vectors of accepted scenarios are kept in {@link #folder} — per machine,
 * also when the store is PostgreSQL: a cache of the catalog, recomputed where missing.
 */
final class SemanticUniqueness {
    private SemanticUniqueness() {}

    /** {@code <data-dir>/catalog/embeddings}: one {@code <pack>.vectors} file per pack. */
    static Path folder(DataLayout layout) {
        return layout.root().resolve("catalog").resolve("embeddings");
    }

    static UniquenessIndex index(Function<String, Optional<UniquenessPolicy>> policies, DataLayout layout, Settings.SemanticSearch search) {
        if (search == Settings.SemanticSearch.OFF) return new UniquenessIndex(policies, Optional.empty());
        Embedder model = MiniLmEmbedder.lazily();
        EmbeddingCache vectors = new VectorFiles(folder(layout));
        // the exact scan is SemanticIndex's own (no search given); the graph is built as the stored vectors are added
        java.util.function.Supplier<Optional<dev.scenarist.core.catalog.VectorSearch>> searches = search == Settings.SemanticSearch.HNSW
                ? () -> Optional.of(new dev.scenarist.embeddings.HnswVectorSearch(model.dimensions())) : Optional::empty;
        return new UniquenessIndex(policies, Optional.of(model), searches, vectors);
    }
}
