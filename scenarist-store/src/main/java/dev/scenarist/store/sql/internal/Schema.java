package dev.scenarist.store.sql.internal;

import dev.scenarist.store.sql.SchemaRefusedException;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Brings a database to the current schema with Flyway; a no-op when it is already there. Flyway itself lives in
 * {@link FlywayMigration}, a class of its own, so that the fast path (history complete) loads none of its ~400
 * classes: a method that names Flyway's types (a catch of FlywayException) makes the verifier load them with its class.
 */
public final class Schema {
    /** Every table of the current schema. */
    private static final List<String> TABLES = List.of("campaigns", "runs", "attempts", "author_calls", "check_results", "catalog", "lessons", "review_decisions", "run_leases");

    /**
     * Our own history table name: a database that holds tables but not this one is some other application's, and
     * Flyway refuses it instead of creating Scenarist tables among foreign ones.
     */
    public static final String HISTORY_TABLE = "scenarist_schema_history";

    /**
     * The versions of the migrations in {@code db/migration/scenarist}, in order; a test keeps this list and the folder
     * in step. Listed here because finding them is most of Flyway's cost: it scans the class path (tens of thousands
     * of entries in the application jar), about a second of CPU at every start.
     */
    static final List<String> MIGRATIONS = List.of("1", "2", "3", "4");

    private Schema() {}

    /** @throws SchemaRefusedException when the database belongs to another application or to a newer Scenarist */
    public static void migrate(DataSource dataSource, Backend backend) {
        if (isCurrent(dataSource)) {
            requireTables(dataSource);
            return;
        }
        FlywayMigration.migrate(dataSource, backend);
        requireTables(dataSource);
    }

    /**
     * Whether the history table records exactly {@link #MIGRATIONS}, each applied successfully: then there is nothing
     * to migrate and Flyway need not start. Anything else — no history yet, a failed or a newer migration — is Flyway's
     * to handle (and to refuse, naming why). Flyway's checksum comparison is skipped on this path: it guards against a
     * migration edited after it was applied, which only a developer of Scenarist can do, and they run the full path on
     * every new database.
     */
    private static boolean isCurrent(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT version, success FROM " + HISTORY_TABLE + " WHERE version IS NOT NULL ORDER BY installed_rank")) {
            List<String> applied = new ArrayList<>();
            while (rs.next()) {
                if (!rs.getBoolean(2)) return false;
                applied.add(rs.getString(1));
            }
            return applied.equals(MIGRATIONS);
        } catch (SQLException noHistoryYet) {
            return false;
        }
    }

    /**
     * Flyway trusts its history table; a table dropped by hand (or lost with a damaged page) would otherwise surface
     * as "no such table" in the middle of a campaign. One empty SELECT per table costs next to nothing.
     */
    private static void requireTables(DataSource dataSource) {
        List<String> missing = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String table : TABLES) {
                try {
                    s.executeQuery("SELECT 1 FROM " + table + " WHERE 1 = 0").close();
                } catch (SQLException e) {
                    missing.add(table);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot check the tables: " + e.getMessage(), e);
        }
        if (!missing.isEmpty()) {
            throw new SchemaRefusedException(SchemaRefusedException.Reason.MISSING_TABLES,
                    new IllegalStateException("tables missing: " + String.join(", ", missing)));
        }
    }
}
