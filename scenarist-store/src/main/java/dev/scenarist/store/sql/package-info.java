/**
 * The SQL stores' API: {@link dev.scenarist.store.sql.SqlStore} opens SQLite (the embedded default) or PostgreSQL from a
 * JDBC URL, migrates its schema, and implements core's store SPI ({@code dev.scenarist.core.store}); a schema it cannot
 * use is a {@link dev.scenarist.store.sql.SchemaRefusedException}. How rows are written and read, per table and per
 * database, is in {@code internal} (only this module uses it).
 */
package dev.scenarist.store.sql;
