package dev.scenarist.store.sql;

import dev.scenarist.store.sql.internal.Backend;

/** The database exists but its schema is not one this Scenarist can use; {@link Backend#openFailure} explains it. */
public final class SchemaRefusedException extends IllegalStateException {
    public enum Reason {
        /** it holds tables but no Scenarist schema history: it belongs to another application */
        FOREIGN_TABLES,
        /** a newer Scenarist migrated it to a schema this code does not know */
        NEWER_SCHEMA,
        /** the history says the schema is current, but some of its tables are gone */
        MISSING_TABLES
    }

    private final Reason reason;

    public SchemaRefusedException(Reason reason, RuntimeException cause) {
        super(reason + ": " + cause.getMessage(), cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
