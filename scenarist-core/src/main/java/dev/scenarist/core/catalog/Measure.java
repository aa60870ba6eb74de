package dev.scenarist.core.catalog;

/** How two scenarios were found alike. */
public enum Measure {
    /** difflib's SequenceMatcher ratio over the word sequences (see {@code internal.SequenceRatio}). */
    SEQUENCE_RATIO("sequence ratio"),
    /** Jaccard overlap of the sets of 3-word shingles. */
    SHINGLE_JACCARD("3-word shingle Jaccard"),
    /** Cosine of the word-count vectors (order ignored). */
    TOKEN_COSINE("word-count cosine"),
    /** Cosine of the sentence embeddings (meaning, not wording). */
    EMBEDDING_COSINE("embedding cosine");

    private final String label;

    Measure(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
