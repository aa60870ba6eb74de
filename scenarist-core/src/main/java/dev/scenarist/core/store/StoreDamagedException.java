package dev.scenarist.core.store;

/**
 * The store's database is damaged (a corrupt page, a truncated file, tables missing): nothing was read or written
 * from it. The message names the database and the ways to recover; the application reports it as a configuration
 * problem (exit 2), never as an internal error.
 */
public final class StoreDamagedException extends IllegalStateException {
    private final String database;

    public StoreDamagedException(String database, String message, Throwable cause) {
        super(message, cause);
        this.database = database;
    }

    /** The damaged database, e.g. {@code sqlite:/data/scenarist.db}. */
    public String database() {
        return database;
    }
}
