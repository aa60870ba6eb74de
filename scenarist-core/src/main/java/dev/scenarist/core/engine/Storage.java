package dev.scenarist.core.engine;

import dev.scenarist.core.store.Store;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Where the engine keeps what it records, and how: the store (campaigns, runs, attempts, catalog), the data folder
 * (workspaces, trajectories, scenarios), and the redaction every text passes through before it is kept (trajectories,
 * errors, run details).
 */
public record Storage(Store store, DataLayout layout, UnaryOperator<String> redact) {
    public Storage {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(redact, "redact");
    }

    /** Without secrets to redact (tests, benchmarks, offline authors). */
    public Storage(Store store, DataLayout layout) {
        this(store, layout, UnaryOperator.identity());
    }

    /** The same store and folder, every text passed through {@code redact} before it is kept. */
    public Storage redacting(UnaryOperator<String> redact) {
        return new Storage(store, layout, redact);
    }
}
