package dev.scenarist.core.catalog;

import java.util.List;
import java.util.Optional;

/** Finds accepted scenarios whose uniqueness text resembles a candidate's. Safe for concurrent use. */
public interface SimilarityIndex {
    record Match(String scenarioId, double similarity) {}

    void add(String pack, String scenarioId, String text);

    /** Adds an accepted scenario with its title (which {@link #verdict} feedback names); by default the title is not kept. */
    default void add(String pack, String scenarioId, String title, String text) {
        add(pack, scenarioId, text);
    }

    /** Up to {@code k} most similar scenarios of the pack, most similar first. */
    List<Match> nearest(String pack, String text, int k);

    /**
     * The catalog uniqueness verdict on a candidate of a pack with a {@link UniquenessPolicy} (the lexical measures, the
     * semantic one when an embedder is wired, the borderline band, what the nearest share); empty when this index keeps
     * no such policy for the pack (then {@link #nearest} is all it answers). {@link UniquenessIndex} gives one.
     */
    default Optional<UniquenessVerdict> verdict(String pack, CatalogItem candidate) {
        return Optional.empty();
    }
}
