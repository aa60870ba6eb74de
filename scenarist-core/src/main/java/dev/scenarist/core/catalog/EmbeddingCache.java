package dev.scenarist.core.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * The embeddings of accepted scenarios kept from an earlier embedding, so that a process starting on a large catalog
 * does not embed it all again ({@code scenarist-embeddings} keeps them in a file per pack beside the catalog). A cache,
 * never the truth: the catalog (the store) says which scenarios exist; a vector missing here, or kept for another text
 * or by another model, is simply computed again. Safe for concurrent use.
 */
public interface EmbeddingCache {
    /** The vector kept for this scenario, when it was embedded from exactly {@code text} by the model {@code model}. */
    Optional<float[]> find(String pack, String scenarioId, String text, String model);

    /** Keeps the vector of this scenario's {@code text} by {@code model} (a failure to keep it is not the caller's problem). */
    void keep(String pack, String scenarioId, String text, String model, float[] vector);

    /** Keeps nothing: every vector is computed. */
    EmbeddingCache NONE = new EmbeddingCache() {
        @Override
        public Optional<float[]> find(String pack, String scenarioId, String text, String model) {
            return Optional.empty();
        }

        @Override
        public void keep(String pack, String scenarioId, String text, String model, float[] vector) {}
    };

    /** SHA-256 of the text's UTF-8 bytes: what a cache keeps to recognise the text a vector was embedded from. */
    static byte[] textHash(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest((text == null ? "" : text).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
