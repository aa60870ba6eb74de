package dev.scenarist.store.sql.internal;

import java.util.Optional;

/** Finds the exception that explains a failure inside the wrappers that pools, JDBI and Flyway put around it. */
public final class Causes {
    private Causes() {}

    public static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
        // bounded: a cause chain that loops back on itself must not hang the error path
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 32; depth++, t = t.getCause()) {
            if (type.isInstance(t)) return Optional.of(type.cast(t));
        }
        return Optional.empty();
    }
}
