package dev.scenarist.store.sql.internal;

import dev.scenarist.store.sql.SqlStore;

import com.zaxxer.hikari.HikariConfig;
import java.util.Map;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;

/**
 * What differs between the databases {@link SqlStore} runs on. Everything else (schema, queries, transactions) is
 * shared, so a backend stays a few dozen lines: how to connect, two DDL types, how accepts take turns, and how to
 * explain a database that cannot be opened.
 */
public interface Backend {
    /** For messages, e.g. {@code sqlite:/data/scenarist.db} or {@code postgresql://db:5432/scenarist}; never a password. */
    String describe();

    /** The connection pool, fully configured (the store only opens and closes it). */
    HikariConfig poolConfig();

    /** Values for the {@code ${text}} and {@code ${row_no}} placeholders of the migration scripts. */
    Map<String, String> schemaPlaceholders();

    /**
     * Runs first inside every accept transaction and returns only when no other accept for the same pack or campaign
     * is in flight, so that the duplicate check and the campaign count stay true until the transaction commits.
     */
    void serializeAccepts(Handle transaction, String pack, String campaignId);

    /**
     * Runs {@code decision} as the only one deciding for the campaign among the processes sharing the database, accepts
     * into it included. By default nothing more than the caller's own in-process turn: SQLite workers share one
     * machine's file, and an open write transaction there would lock out the decision's own statements.
     */
    default <T> T campaignTurn(org.jdbi.v3.core.Jdbi jdbi, String campaignId, java.util.function.Supplier<T> decision) {
        return decision.get();
    }

    /**
     * Checks, cheaply and before anything is migrated or written, that the database is not damaged.
     *
     * @throws dev.scenarist.core.store.StoreDamagedException naming the database and how to recover
     */
    default void verify(DataSource pool) {}

    /**
     * How this process's store operations share the database: concurrently, or one at a time when the driver blocks
     * in native code (see {@link InProcessOrder}). Wraps {@code decorator}, which every operation passes through.
     */
    default org.jdbi.v3.core.HandleCallbackDecorator inProcessOrder(org.jdbi.v3.core.HandleCallbackDecorator decorator) {
        return decorator;
    }

    /** Turns a failure while connecting or migrating into an exception that names the database and says what to do. */
    RuntimeException openFailure(RuntimeException cause);

    /**
     * Whether a failure of a statement, after the store was opened, means the database is damaged (a page that
     * {@link #verify} could not see as broken, say, because only a row's content is garbled); then the exception to
     * throw instead, naming the database and how to recover.
     */
    default java.util.Optional<dev.scenarist.core.store.StoreDamagedException> damage(RuntimeException failure) {
        return java.util.Optional.empty();
    }
}
