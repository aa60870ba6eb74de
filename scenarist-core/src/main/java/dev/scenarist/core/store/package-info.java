/**
 * The store SPI: campaigns, runs, attempts, author calls and the catalog as records
 * ({@link dev.scenarist.core.store.Store} and its parts). Implemented by {@code scenarist-store} (SQLite, PostgreSQL) and
 * by {@code store.memory}; an attempt's commit ({@link dev.scenarist.core.store.AttemptCommit}) and an acceptance
 * ({@link dev.scenarist.core.store.AcceptRequest}) are each one transaction. <b>API</b>: the store module implements it,
 * the app reads it to list and show; writing is the engine's.
 */
package dev.scenarist.core.store;
