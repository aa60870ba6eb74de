package dev.scenarist.embeddings;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.scenarist.core.catalog.Embedder;

/**
 * Sentence embeddings in process: all-MiniLM-L6-v2 (384 dimensions, mean pooling, normalised), run by ONNX Runtime
 * through LangChain4j — no network, no model download (the model ships inside the dependency's jar). The model loads
 * once, when this is built (about a second); one embedding takes about 5 ms on one core for a scenario-length text.
 * Texts past the model's 256-token window are split and their embeddings averaged by LangChain4j.
 *
 * <p>DJL's tokenizer unpacks a native library into its cache folder ({@code ~/.djl.ai}, or {@code DJL_CACHE_DIR} when
 * the launcher sets it): that folder must be writable. Safe for concurrent use.
 */
public final class MiniLmEmbedder implements Embedder {
    public static final String ID = "all-minilm-l6-v2";
    public static final int DIMENSIONS = 384;

    private final AllMiniLmL6V2EmbeddingModel model;

    public MiniLmEmbedder() {
        this.model = new AllMiniLmL6V2EmbeddingModel();
    }

    /**
     * An embedder of this model that loads it at its first embedding, not before (see {@link LazyEmbedder}): what the
     * app wires, so that a process which never embeds never loads ONNX Runtime.
     */
    public static LazyEmbedder lazily() {
        return new LazyEmbedder(ID, DIMENSIONS, MiniLmEmbedder::new);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }

    @Override
    public float[] embed(String text) {
        return model.embed(text == null || text.isBlank() ? "(empty)" : text).content().vector();
    }
}
