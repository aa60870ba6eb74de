package dev.scenarist.packs.services.internal.dryrun;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The PostgreSQL server the dry-runs of one pack instance load their SQL into: an embedded server (zonky, real
 * PostgreSQL binaries from Maven) started on the first dry-run and stopped when this holder is closed or, at the
 * latest, when the JVM exits. One per pack instance, not a static global, so a test (or a second pack) owns its own
 * and closing it is a real stop.
 *
 * <p>The server trusts local connections (it is a throwaway cluster on a random loopback port); what the scenario's
 * SQL may do is bounded by the unprivileged role each dry-run gets ({@link ScratchDatabase}), and the scenario's
 * scripts cannot reach the port at all (they run in the sandbox, which has no network). At start the maintenance
 * databases are closed to everyone but the superuser, so a dry-run's role can only ever connect to its own database.
 */
public final class PostgresServer implements AutoCloseable {
    private EmbeddedPostgres server;
    private Thread shutdownHook;
    private boolean closed;

    /** A holder that has not started anything yet: the server starts on the first {@link #admin()}. */
    public PostgresServer() {}

    /**
     * A superuser connection to the maintenance database, starting the server first if needed.
     *
     * @throws PostgresUnavailableException when the server cannot be started on this machine
     */
    public Connection admin() throws PostgresUnavailableException, SQLException {
        return connect("postgres", "postgres", "");
    }

    /** A connection to {@code database} as {@code user}; the server must be running (see {@link #admin()}). */
    public Connection connect(String database, String user, String password) throws PostgresUnavailableException, SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        p.setProperty("ApplicationName", "scenarist-dry-run");
        p.setProperty("connectTimeout", "10");
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + started().getPort() + "/" + database, p);
    }

    /** Whether the server is running now (for tests and reports). */
    public synchronized boolean running() {
        return server != null;
    }

    private synchronized EmbeddedPostgres started() throws PostgresUnavailableException {
        if (closed) throw new PostgresUnavailableException("the dry-run's PostgreSQL server was already stopped (the pack was closed)");
        if (server != null) return server;
        EmbeddedPostgres pg;
        try {
            pg = EmbeddedPostgres.builder()
                    .setRegisterShutdownHook(false) // ours, so close() can remove it
                    // a dry-run's data is thrown away: durability costs time and buys nothing
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("listen_addresses", "localhost")
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new PostgresUnavailableException("cannot start the embedded PostgreSQL server for the dry-run: " + e.getMessage()
                    + " (it unpacks PostgreSQL from the io.zonky.test.postgres binaries jar into the temporary folder and runs it"
                    + " on a loopback port: check that java.io.tmpdir is writable and not mounted noexec)", e);
        }
        try (Connection c = DriverManager.getConnection(pg.getJdbcUrl("postgres", "postgres")); Statement s = c.createStatement()) {
            s.execute("REVOKE CONNECT, TEMPORARY ON DATABASE postgres FROM PUBLIC");
            s.execute("REVOKE CONNECT, TEMPORARY ON DATABASE template1 FROM PUBLIC");
        } catch (SQLException e) {
            closeQuietly(pg);
            throw new PostgresUnavailableException("the embedded PostgreSQL server started but could not be prepared: " + e.getMessage(), e);
        }
        server = pg;
        shutdownHook = new Thread(() -> closeQuietly(pg), "dry-run-postgres-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        return pg;
    }

    /** Stops the server (if it was started); later dry-runs through this holder are not judged. */
    @Override
    public synchronized void close() {
        closed = true;
        if (server == null) return;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting: the hook stops the server anyway
        }
        closeQuietly(server);
        server = null;
    }

    private static void closeQuietly(EmbeddedPostgres pg) {
        try {
            pg.close();
        } catch (IOException ignored) {
            // the server's folder is temporary; nothing else to do
        }
    }
}
