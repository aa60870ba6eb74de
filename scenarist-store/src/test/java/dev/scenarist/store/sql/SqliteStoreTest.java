package dev.scenarist.store.sql;

import dev.scenarist.store.sql.internal.Schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scenarist.core.store.CampaignRecord;
import dev.scenarist.core.store.CampaignStatus;
import dev.scenarist.core.store.StoreDamagedException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is particular to the SQLite file: where it goes, its settings, and files that are not (our) databases. */
class SqliteStoreTest {
    @TempDir
    Path dir;

    @Test
    void missingFoldersAreCreatedAndTheStoreIsDescribedByTheAbsolutePath() {
        Path file = dir.resolve("a/b/scenarist.db");

        try (SqlStore store = SqlStore.sqlite(file)) {
            assertThat(store.describe()).isEqualTo("sqlite:" + file.toAbsolutePath());
        }
        assertThat(file).isRegularFile();
    }

    @Test
    void connectionsUseWalFullSyncForeignKeysAndAThirtySecondBusyTimeout() {
        try (SqlStore store = SqlStore.sqlite(dir.resolve("scenarist.db"))) {
            store.jdbi().useHandle(h -> {
                assertThat(pragma(h, "journal_mode")).isEqualTo("wal");
                assertThat(pragma(h, "synchronous")).isEqualTo("2"); // FULL
                assertThat(pragma(h, "foreign_keys")).isEqualTo("1");
                assertThat(pragma(h, "busy_timeout")).isEqualTo("30000");
            });
        }
    }

    @Test
    void aFileThatIsNotADatabaseIsRefusedNamingItAndLeftUntouched() throws IOException {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "shopping list: crates, ramps, springs\n");

        assertThatThrownBy(() -> SqlStore.sqlite(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("is not a SQLite database")
                .hasMessageContaining("move this file away");
        assertThat(Files.readString(file)).isEqualTo("shopping list: crates, ramps, springs\n");
    }

    @Test
    void aDamagedDatabaseIsRefusedNamingItAndSayingHowToRecover() throws IOException {
        Path file = dir.resolve("scenarist.db");
        try (SqlStore store = SqlStore.sqlite(file)) {
            store.campaigns().create(campaign());
        }
        byte[] bytes = Files.readAllBytes(file);
        // keep the 16-byte magic header, scramble the rest of the first page (the schema's root)
        for (int i = 16; i < 4096 && i < bytes.length; i++) bytes[i] = (byte) (i * 31);
        Files.write(file, bytes);

        assertThatThrownBy(() -> SqlStore.sqlite(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("damaged")
                .hasMessageContaining(".recover");
    }

    @Test
    void aDatabaseWithAGarbledPageDeepInsideIsFoundByTheCheckOnOpen() throws IOException {
        Path file = manyPageDatabase();
        byte[] bytes = Files.readAllBytes(file);
        int page = bytes.length / 4096 / 2; // a table page in the middle: opening alone would never read it
        for (int i = 0; i < 64; i++) bytes[page * 4096 + i] = (byte) 0xFF;
        Files.write(file, bytes);

        assertThatThrownBy(() -> SqlStore.sqlite(file))
                .isInstanceOf(StoreDamagedException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("backup")
                .hasMessageContaining("--data-dir");
        assertThat(Files.readAllBytes(file)).as("left as it was").isEqualTo(bytes);
    }

    @Test
    void damageThatAStatementFindsAfterTheStoreWasOpenedIsReportedAsDamageNotAsAnInternalError() {
        Path file = dir.resolve("scenarist.db");
        try (SqlStore store = SqlStore.sqlite(file)) {
            // what the driver throws when a row read mid-run turns out malformed (quick_check at open reads structure only)
            var malformed = new org.sqlite.SQLiteException("[SQLITE_CORRUPT] database disk image is malformed",
                    org.sqlite.SQLiteErrorCode.SQLITE_CORRUPT);

            assertThatThrownBy(() -> store.jdbi().withHandle(h -> {
                throw new org.jdbi.v3.core.statement.UnableToExecuteStatementException(malformed, null);
            })).isInstanceOf(StoreDamagedException.class).hasMessageContaining(file.toString()).hasMessageContaining("backup");
            assertThatThrownBy(() -> store.jdbi().withHandle(h -> {
                throw new IllegalStateException("an ordinary failure");
            })).as("anything else passes through as it was").isExactlyInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aDatabaseCutToHalfItsLengthIsFoundByTheCheckOnOpen() throws IOException {
        Path file = manyPageDatabase();
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> SqlStore.sqlite(file))
                .isInstanceOf(StoreDamagedException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("damaged");
    }

    @Test
    void aDatabaseWithATableDroppedIsRefusedAsDamagedNamingTheTable() throws SQLException {
        Path file = dir.resolve("scenarist.db");
        SqlStore.sqlite(file).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("DROP TABLE catalog");
        }

        assertThatThrownBy(() -> SqlStore.sqlite(file))
                .isInstanceOf(StoreDamagedException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("catalog");
    }

    /** A closed database of a few dozen pages (campaigns with long specs), checkpointed into the main file. */
    private Path manyPageDatabase() {
        Path file = dir.resolve("scenarist.db");
        Instant now = Instant.parse("2026-03-01T10:00:00Z");
        try (SqlStore store = SqlStore.sqlite(file)) {
            for (int i = 0; i < 200; i++) {
                store.campaigns().create(new CampaignRecord("c" + i, "boxes", 3, CampaignStatus.RUNNING, "", "fp",
                        "{\"notes\":\"" + "x".repeat(900) + "\"}", now, now, 0));
            }
        }
        return file;
    }

    @Test
    void aSqliteDatabaseOfAnotherApplicationIsRefused() throws SQLException {
        Path file = dir.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)");
        }

        assertThatThrownBy(() -> SqlStore.sqlite(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("another application");
    }

    @Test
    void aDatabaseWrittenByANewerScenaristIsRefused() {
        Path file = dir.resolve("scenarist.db");
        try (SqlStore store = SqlStore.sqlite(file)) {
            store.jdbi().useHandle(h -> h.execute("INSERT INTO " + Schema.HISTORY_TABLE + " (installed_rank, version,"
                    + " description, type, script, checksum, installed_by, execution_time, success)"
                    + " VALUES (99, '99', 'from the future', 'SQL', 'V99__from_the_future.sql', 0, '', 1, 1)"));
        }

        assertThatThrownBy(() -> SqlStore.sqlite(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("newer version of Scenarist");
    }

    @Test
    void aFolderIsRefusedAsTheDatabaseFile() {
        assertThatThrownBy(() -> SqlStore.sqlite(dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(dir.toString())
                .hasMessageContaining("is a folder");
    }

    @Test
    void attemptsCommittedBeforeTheProcessIsKilledAreThereAfterwards() throws Exception {
        Path file = dir.resolve("scenarist.db");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process writer = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), CrashingWriter.class.getName(), file.toString(), "5")
                .redirectErrorStream(true).start();
        assertThat(writer.waitFor(60, TimeUnit.SECONDS)).as("the writer finishes").isTrue();
        String output = new String(writer.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(writer.exitValue()).as(output).isEqualTo(137);
        assertThat(output).contains("committed 5");

        try (SqlStore store = SqlStore.sqlite(file)) {
            assertThat(store.runs().attempts("r1")).extracting(a -> a.seq()).containsExactly(1, 2, 3, 4, 5);
            assertThat(store.runs().find("r1").orElseThrow().version()).isEqualTo(6);
        }
    }

    @Test
    void aRowWhoseStoredTextWasGarbledIsReportedAsDamageNamingItsTableNotAsAnInternalError() throws SQLException {
        Path file = dir.resolve("scenarist.db");
        try (SqlStore store = SqlStore.sqlite(file)) {
            store.campaigns().create(campaign());
            store.runs().create(dev.scenarist.core.store.RunRecord.queued("r1", "c1", "boxes", 1, 7, java.util.Map.of("a", 1),
                    Instant.parse("2026-03-01T10:00:00Z")));
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE runs SET parameters = '{\"a\" 1t}' WHERE id = 'r1'"); // what a garbled page leaves
            }
            assertThatThrownBy(() -> store.runs().byCampaign("c1")).isInstanceOf(StoreDamagedException.class)
                    .hasMessageContaining("table 'runs'").hasMessageContaining("To recover");
        }
    }

    private static String pragma(Handle h, String name) {
        return h.createQuery("PRAGMA " + name).mapTo(String.class).one();
    }

    private static CampaignRecord campaign() {
        Instant now = Instant.parse("2026-03-01T10:00:00Z");
        return new CampaignRecord("c1", "boxes", 3, CampaignStatus.RUNNING, "", "fp", "{}", now, now, 0);
    }
}
