package dev.scenarist.core.catalog;

import java.util.List;

/** Finds accepted scenarios whose uniqueness text resembles a candidate's. Safe for concurrent use. */
public interface SimilarityIndex {
    record Match(String scenarioId, double similarity) {}

    void add(String pack, String scenarioId, String text);

    /** Up to {@code k} most similar scenarios of the pack, most similar first. */
    List<Match> nearest(String pack, String text, int k);
}
