package dev.scenarist.store.sql;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * One throwaway PostgreSQL server for the contract tests of the smaller ports, started on first use and stopped when
 * the test JVM exits; each store gets a fresh schema of its own (see {@link PostgresStoreContractTest} for why).
 */
final class SharedPostgres {
    private static EmbeddedPostgres server;

    private SharedPostgres() {}

    /** A store on a new, empty schema. */
    static synchronized SqlStore newStore() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder()
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the server's folder is temporary
                }
            }));
        }
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test schema " + schema, e);
        }
        return SqlStore.postgres(server.getJdbcUrl("postgres", "postgres") + "&currentSchema=" + schema, "postgres", "postgres");
    }
}
