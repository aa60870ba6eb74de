package dev.scenarist.core.catalog;

import java.util.List;

/**
 * An approximate nearest-neighbour structure over unit vectors that a {@link SemanticIndex} may use instead of its exact
 * scan (e.g. the HNSW graph in {@code scenarist-embeddings}). Entries are numbered 0, 1, 2, … in the order added. The
 * index rescans exactly when this answers too few entries that pass its filter (a group restriction). Safe for
 * concurrent use.
 */
public interface VectorSearch {
    /** An entry and its cosine with the query. */
    record Hit(int ordinal, double cosine) {}

    /** Adds the unit vector of entry {@code ordinal}. */
    void add(int ordinal, float[] unit);

    /** Up to {@code k} entries nearest to the unit vector {@code query}, most similar first. */
    List<Hit> nearest(float[] query, int k);
}
