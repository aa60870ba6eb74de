package dev.scenarist.core.catalog;

/**
 * Turns a text into a sentence embedding, for the semantic uniqueness index. Implementations live outside core (the
 * {@code scenarist-embeddings} module runs all-MiniLM-L6-v2 in process); tests use a fake. Safe for concurrent use.
 */
public interface Embedder {
    /** A stable name, e.g. {@code all-minilm-l6-v2}. */
    String id();

    int dimensions();

    /** The text's embedding, {@link #dimensions()} long (need not be normalised). */
    float[] embed(String text);
}
