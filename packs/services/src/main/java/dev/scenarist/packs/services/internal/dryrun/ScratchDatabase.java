package dev.scenarist.packs.services.internal.dryrun;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One dry-run's database and the role its SQL runs as, both created with random names and both dropped by
 * {@link #close()} whatever happened (a failed statement, a timeout, an exception).
 *
 * <p>Why each limit: the scenario's SQL is written by a model and may try anything, so the role is a plain LOGIN role
 * (NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS, not in any predefined role such as
 * pg_execute_server_program or pg_read_server_files): {@code COPY ... TO PROGRAM}, {@code pg_read_file},
 * untrusted languages and role changes are refused by PostgreSQL itself. It owns its database, so it may create
 * tables there (PostgreSQL 15+ gives the public schema to the database owner), and only there: the database is closed
 * to PUBLIC and the maintenance databases are closed by {@link PostgresServer}. The role-level settings bound a runaway
 * statement (statement_timeout, lock_timeout, superuser-only temp_file_limit); statement_timeout can be reset by the
 * role itself, so the runner also cancels from the client side and {@link #close()} forces the database closed.
 */
public final class ScratchDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ScratchDatabase.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Connections the role may hold at once: the runner needs one; a few more leave room for nothing much. */
    static final int CONNECTION_LIMIT = 3;

    private final PostgresServer server;
    private final String database;
    private final String role;
    private final String password;

    private ScratchDatabase(PostgresServer server, String database, String role, String password) {
        this.server = server;
        this.database = database;
        this.role = role;
        this.password = password;
    }

    /**
     * Creates the role and its database.
     *
     * @param statementTimeoutSeconds the role's statement_timeout (and a fifth of it, at least one second, its lock_timeout)
     */
    public static ScratchDatabase create(PostgresServer server, int statementTimeoutSeconds) throws PostgresUnavailableException, SQLException {
        String suffix = hex(8);
        var db = new ScratchDatabase(server, "dryrun_" + suffix, "dryrun_" + suffix + "_role", hex(16));
        try (Connection c = server.admin(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + db.role + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT"
                    + " CONNECTION LIMIT " + CONNECTION_LIMIT + " PASSWORD '" + db.password + "'");
            try {
                s.execute("ALTER ROLE " + db.role + " SET statement_timeout = '" + statementTimeoutSeconds + "s'");
                s.execute("ALTER ROLE " + db.role + " SET lock_timeout = '" + Math.max(1, statementTimeoutSeconds / 5) + "s'");
                s.execute("ALTER ROLE " + db.role + " SET idle_in_transaction_session_timeout = '" + statementTimeoutSeconds + "s'");
                // superuser-only, so the role cannot raise it: bounds what a huge sort or hash may spill to disk
                s.execute("ALTER ROLE " + db.role + " SET temp_file_limit = '256MB'");
                s.execute("CREATE DATABASE " + db.database + " OWNER " + db.role + " TEMPLATE template0 ENCODING 'UTF8'");
                s.execute("REVOKE ALL ON DATABASE " + db.database + " FROM PUBLIC");
            } catch (SQLException e) {
                db.close();
                throw e;
            }
        }
        return db;
    }

    /** A new connection as the unprivileged role, to its own database. */
    public Connection connect() throws PostgresUnavailableException, SQLException {
        return server.connect(database, role, password);
    }

    public String database() {
        return database;
    }

    public String role() {
        return role;
    }

    /** Drops the database (closing any session still in it) and the role; logs, never throws. */
    @Override
    public void close() {
        try (Connection c = server.admin(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            s.execute("DROP ROLE IF EXISTS " + role);
        } catch (PostgresUnavailableException | SQLException e) {
            LOG.warn("could not drop the dry-run database {} or role {}: {}", database, role, e.getMessage());
        }
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
