package dev.scenarist.embeddings;

import dev.scenarist.core.catalog.Embedder;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * An {@link Embedder} whose model loads at its first {@link #embed}: its id and dimensions are known without it, so a
 * process can wire semantic uniqueness and pay for the model (all-MiniLM-L6-v2 and ONNX Runtime: about a second and
 * some 150 MB) only when a scenario of a pack with a uniqueness policy is really embedded. A model that fails to load
 * fails that call and the next ones alike (with the first failure's cause). Safe for concurrent use.
 */
public final class LazyEmbedder implements Embedder {
    private final String id;
    private final int dimensions;
    private final Supplier<? extends Embedder> load;
    private volatile Embedder loaded;
    private volatile long loadNanos = -1;
    private RuntimeException failed;

    public LazyEmbedder(String id, int dimensions, Supplier<? extends Embedder> load) {
        this.id = Objects.requireNonNull(id, "id");
        this.dimensions = dimensions;
        this.load = Objects.requireNonNull(load, "load");
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public int dimensions() {
        return dimensions;
    }

    @Override
    public float[] embed(String text) {
        return model().embed(text);
    }

    /** Whether the model has been loaded (by a first {@link #embed}). */
    public boolean loaded() {
        return loaded != null;
    }

    /** How long loading the model took, in milliseconds; -1 before it is loaded. */
    public long loadMillis() {
        long n = loadNanos;
        return n < 0 ? -1 : n / 1_000_000;
    }

    private Embedder model() {
        Embedder e = loaded;
        if (e != null) return e;
        synchronized (this) {
            if (loaded != null) return loaded;
            if (failed != null) throw new IllegalStateException(failed.getMessage(), failed);
            long start = System.nanoTime();
            try {
                e = load.get();
            } catch (RuntimeException | LinkageError x) {
                failed = new IllegalStateException("cannot load the sentence-embedding model " + id + ": " + x
                        + " (semantic uniqueness can be turned off with SCENARIST_SEMANTIC_UNIQUENESS=off)", x);
                throw failed;
            }
            if (!e.id().equals(id) || e.dimensions() != dimensions) {
                failed = new IllegalStateException("the model loaded as " + id + "/" + dimensions + " is " + e.id() + "/" + e.dimensions());
                throw failed;
            }
            loadNanos = System.nanoTime() - start;
            loaded = e;
            return e;
        }
    }
}
