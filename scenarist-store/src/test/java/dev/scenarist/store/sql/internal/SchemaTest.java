package dev.scenarist.store.sql.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.store.sql.internal.sqlite.SqliteBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start-up path that skips Flyway when the history already records every migration. */
class SchemaTest {
    @TempDir
    Path dir;

    @Test
    void theListedMigrationsAreExactlyTheMigrationFilesInOrder() throws IOException {
        Path folder = Path.of("src/main/resources/db/migration/scenarist");
        List<String> versions;
        try (Stream<Path> files = Files.list(folder)) {
            versions = files.map(p -> p.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .map(n -> n.substring(1, n.indexOf("__"))).sorted(java.util.Comparator.comparingInt(Integer::parseInt)).toList();
        }
        assertThat(Schema.MIGRATIONS).as("Schema.MIGRATIONS must list every file in " + folder).isEqualTo(versions);
    }

    @Test
    void aCurrentDatabaseIsRecognisedAndAFailedMigrationSendsItBackToFlyway() throws Exception {
        var backend = SqliteBackend.forFile(dir.resolve("s.db"));
        try (var pool = new HikariDataSource(backend.poolConfig())) {
            Schema.migrate(pool, backend);
            assertThat(historyRows(pool)).isEqualTo(Schema.MIGRATIONS.size());

            Schema.migrate(pool, backend); // current: nothing written
            assertThat(historyRows(pool)).isEqualTo(Schema.MIGRATIONS.size());

            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("UPDATE " + Schema.HISTORY_TABLE + " SET success = 0 WHERE version = '" + Schema.MIGRATIONS.getLast() + "'");
            }
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Schema.migrate(pool, backend))
                    .as("a failed migration in the history is Flyway's to report, not skipped as current")
                    .isInstanceOf(org.flywaydb.core.api.FlywayException.class);
        }
    }

    private static int historyRows(HikariDataSource pool) throws Exception {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT COUNT(*) FROM " + Schema.HISTORY_TABLE)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
