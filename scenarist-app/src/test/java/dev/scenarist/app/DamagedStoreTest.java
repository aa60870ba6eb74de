package dev.scenarist.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.store.sql.SqlStore;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database written by a real campaign, then damaged the ways disks and people damage files. Every command that
 * opens it must stop with exit 2 and a message that names the file and how to recover; no stack trace, no change.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DamagedStoreTest {
    @TempDir
    static Path tmp;
    private Path pristine;
    private String campaign;

    @BeforeAll
    void generateARealDatabase() {
        Path dir = tmp.resolve("pristine");
        CliRun run = CliRun.in(dir, "generate", "--pack", "sql-quiz", "--count", "3");
        assertThat(run.code()).as(run.err()).isIn(0, 1);
        try (SqlStore store = SqlStore.sqlite(dir.resolve("scenarist.db"))) {
            campaign = store.campaigns().list().getFirst().id();
        }
        pristine = dir;
    }

    @Test
    void aDatabaseWithAnOverwrittenPageInTheMiddleIsRefusedWithExit2() throws IOException {
        Path dir = copy("page");
        Path db = dir.resolve("scenarist.db");
        long pages = Files.size(db) / 4096;
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            f.seek(pages / 2 * 4096); // the b-tree page header: garbage there is what a torn write leaves
            byte[] junk = new byte[64];
            Arrays.fill(junk, (byte) 0xFF);
            f.write(junk);
        }

        assertRefusedAsDamaged(dir);
    }

    @Test
    void aDatabaseTruncatedToHalfItsSizeIsRefusedWithExit2() throws IOException {
        Path dir = copy("truncated");
        Path db = dir.resolve("scenarist.db");
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            f.setLength(f.length() / 2);
        }

        assertRefusedAsDamaged(dir);
    }

    @Test
    void aDatabaseWithATableMissingIsRefusedWithExit2() throws IOException, SQLException {
        Path dir = copy("dropped");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("scenarist.db"));
             Statement s = c.createStatement()) {
            s.execute("DROP TABLE check_results");
        }

        CliRun run = assertRefusedAsDamaged(dir);
        assertThat(run.err()).contains("check_results");
    }

    @Test
    void aDatabaseFromANewerScenaristIsRefusedWithExit2() throws IOException, SQLException {
        Path dir = copy("newer");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("scenarist.db"));
             Statement s = c.createStatement()) {
            s.execute("INSERT INTO scenarist_schema_history (installed_rank, version, description, type, script,"
                    + " checksum, installed_by, execution_time, success) VALUES (99, '99', 'from the future', 'SQL',"
                    + " 'V99__from_the_future.sql', 0, '', 1, 1)");
        }

        for (List<String> command : List.of(List.of("campaigns"), List.of("resume", "--campaign", campaign))) {
            CliRun run = CliRun.in(dir, command.toArray(String[]::new));
            assertThat(run.code()).as(run.err()).isEqualTo(2);
            assertThat(run.err()).contains("newer version of Scenarist").doesNotContain("\tat ");
        }
    }

    private CliRun assertRefusedAsDamaged(Path dir) throws IOException {
        Path db = dir.resolve("scenarist.db");
        byte[] before = Files.readAllBytes(db);
        CliRun last = null;
        for (List<String> command : List.of(List.of("campaigns"), List.of("resume", "--campaign", campaign))) {
            last = CliRun.in(dir, command.toArray(String[]::new));
            assertThat(last.code()).as("exit code of %s; stderr:%n%s", command, last.err()).isEqualTo(2);
            assertThat(last.err()).as("message of %s", command)
                    .contains(db.toString())
                    .contains("damaged")
                    .contains("backup")
                    .contains("--data-dir")
                    .doesNotContain("internal error")
                    .doesNotContain("\tat ");
        }
        assertThat(Files.readAllBytes(db)).as("the damaged file is left exactly as it was").isEqualTo(before);
        return last;
    }

    private Path copy(String name) throws IOException {
        Path dir = tmp.resolve(name);
        Files.createDirectories(dir);
        Files.copy(pristine.resolve("scenarist.db"), dir.resolve("scenarist.db"));
        return dir;
    }
}
