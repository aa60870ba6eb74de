package dev.scenarist.store.sql.internal;

import dev.scenarist.store.sql.SchemaRefusedException;
import java.util.Arrays;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.CoreErrorCode;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationState;

/**
 * The slow path of {@link Schema#migrate}: Flyway, for a new database, one behind this code, or one it must refuse.
 * Kept apart from {@link Schema} so that a current database never loads a Flyway class (see there).
 */
final class FlywayMigration {
    private FlywayMigration() {}

    /** @throws SchemaRefusedException when the database belongs to another application or to a newer Scenarist */
    static void migrate(DataSource dataSource, Backend backend) {
        Flyway flyway = Flyway.configure(Schema.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration/scenarist")
                .table(Schema.HISTORY_TABLE)
                .placeholders(backend.schemaPlaceholders())
                // Flyway skips migrations newer than this code by default; a database written by a newer Scenarist
                // must be refused instead, or this older code would write rows that break the newer schema's rules.
                .ignoreMigrationPatterns(new String[0])
                .load();
        try {
            flyway.migrate();
        } catch (FlywayException e) {
            if (e.getErrorCode() == CoreErrorCode.NON_EMPTY_SCHEMA_WITHOUT_SCHEMA_HISTORY_TABLE) {
                throw new SchemaRefusedException(SchemaRefusedException.Reason.FOREIGN_TABLES, e);
            }
            if (hasMigrationsFromTheFuture(flyway)) {
                throw new SchemaRefusedException(SchemaRefusedException.Reason.NEWER_SCHEMA, e);
            }
            throw e;
        }
    }

    /** Validation failed; was it because the history lists migrations this code does not have? */
    private static boolean hasMigrationsFromTheFuture(Flyway flyway) {
        try {
            return Arrays.stream(flyway.info().applied()).anyMatch(m ->
                    m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED);
        } catch (FlywayException unreadable) {
            return false; // the original failure says more than this one
        }
    }
}
