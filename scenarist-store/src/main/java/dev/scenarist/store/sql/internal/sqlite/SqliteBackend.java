package dev.scenarist.store.sql.internal.sqlite;

import com.zaxxer.hikari.HikariConfig;
import dev.scenarist.core.store.StoreDamagedException;
import dev.scenarist.store.sql.internal.Backend;
import dev.scenarist.store.sql.internal.Causes;
import dev.scenarist.store.sql.SchemaRefusedException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Arrays;
import java.util.Map;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * One SQLite file, the default store.
 *
 * <p>Settings, and why: WAL so readers (dashboard, status) never block the writer; {@code synchronous=FULL} so a
 * committed attempt survives power loss, not only a killed process; {@code busy_timeout} of 30 s so writers queue
 * instead of failing with SQLITE_BUSY; every transaction {@code BEGIN IMMEDIATE}, taking the write lock at its start,
 * so a transaction that read something can never lose a race to upgrade to writing; foreign keys enforced.
 */
public final class SqliteBackend implements Backend {
    /** The first 16 bytes of every SQLite database file. */
    private static final byte[] HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final int BUSY_TIMEOUT_MILLIS = 30_000;
    /** Writers take turns anyway; a few connections let reads run beside the writer. */
    private static final int POOL_SIZE = 4;
    /** Orders this process's operations on this database file (fair: no run waits behind a stream of others). */
    private final java.util.concurrent.locks.ReentrantLock inProcess = new java.util.concurrent.locks.ReentrantLock(true);
    /** Enough to say what is wrong; a badly damaged file can list thousands of problems. */
    private static final int MAX_REPORTED_PROBLEMS = 5;

    private final Path file;

    private SqliteBackend(Path file) {
        this.file = file;
    }

    /**
     * Checks what can be checked before SQLite opens the file, so the error names the file rather than a pool:
     * a folder, or a file that is not a database at all. Creates missing parent folders.
     */
    public static SqliteBackend forFile(Path dbFile) {
        Path file = dbFile.toAbsolutePath().normalize();
        if (Files.isDirectory(file)) {
            throw new IllegalStateException(file + " is a folder, not a database file; give the path of a file, e.g. "
                    + file.resolve("scenarist.db"));
        }
        if (Files.exists(file)) {
            requireSqliteHeader(file);
        } else {
            createParent(file);
        }
        return new SqliteBackend(file);
    }

    private static void requireSqliteHeader(Path file) {
        byte[] start;
        try (InputStream in = Files.newInputStream(file)) {
            start = in.readNBytes(HEADER.length);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the database file " + file + ": " + e.getMessage()
                    + "; check that it is readable and writable by this user", e);
        }
        // an empty file is what SQLite itself leaves when a new database was opened but never written
        if (start.length > 0 && !Arrays.equals(start, HEADER)) {
            throw new IllegalStateException(file + " is not a SQLite database (it does not start with the SQLite"
                    + " header); point Scenarist at its database file, or move this file away so that a new database"
                    + " can be created there");
        }
    }

    private static void createParent(Path file) {
        Path parent = file.getParent();
        try {
            if (parent != null) Files.createDirectories(parent);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the folder " + parent + " for the database file " + file
                    + ": " + e + "; create it yourself or choose another path", e);
        }
    }

    @Override
    public String describe() {
        return "sqlite:" + file;
    }

    @Override
    public HikariConfig poolConfig() {
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
        sqlite.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        sqlite.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        sqlite.enforceForeignKeys(true);
        sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource dataSource = new SQLiteDataSource(sqlite);
        dataSource.setUrl("jdbc:sqlite:" + file);

        HikariConfig pool = new HikariConfig();
        pool.setDataSource(dataSource);
        pool.setPoolName("scenarist-sqlite");
        pool.setMaximumPoolSize(POOL_SIZE);
        return pool;
    }

    @Override
    public Map<String, String> schemaPlaceholders() {
        // SQLite's default collation is already binary; INTEGER PRIMARY KEY is the rowid, numbered in insertion order
        return Map.of("text", "TEXT", "row_no", "INTEGER PRIMARY KEY");
    }

    /** One operation at a time: SQLite's driver waits for its lock in native code, which pins a virtual thread's carrier. */
    @Override
    public org.jdbi.v3.core.HandleCallbackDecorator inProcessOrder(org.jdbi.v3.core.HandleCallbackDecorator decorator) {
        return new dev.scenarist.store.sql.internal.InProcessOrder(inProcess, decorator);
    }

    /**
     * Nothing to do: the accept transaction began with {@code BEGIN IMMEDIATE}, so it already holds SQLite's single
     * write lock, and every other writer (another accept included) waits for it to commit.
     */
    @Override
    public void serializeAccepts(Handle transaction, String pack, String campaignId) {}

    @Override
    public RuntimeException openFailure(RuntimeException cause) {
        var refused = Causes.find(cause, SchemaRefusedException.class);
        if (refused.isPresent()) {
            return switch (refused.get().reason()) {
                case FOREIGN_TABLES -> new IllegalStateException(file + " is a SQLite database of another application (it"
                        + " has tables but no Scenarist schema history); choose another file for Scenarist, or move this"
                        + " one away", cause);
                case NEWER_SCHEMA -> new IllegalStateException(file + " was written by a newer version of Scenarist; use"
                        + " that version, or choose another database file", cause);
                case MISSING_TABLES -> damaged(refused.get().getCause().getMessage(), cause);
            };
        }
        var sqlite = Causes.find(cause, SQLiteException.class);
        if (sqlite.isPresent() && sqlite.get().getResultCode() != null) {
            if (isDamage(sqlite.get().getResultCode())) return damaged(sqlite.get().getMessage(), cause);
            String problem = explain(sqlite.get().getResultCode(), sqlite.get().getMessage());
            if (problem != null) return new IllegalStateException(problem, cause);
        }
        return new IllegalStateException("cannot open the SQLite database " + file + ": " + cause.getMessage(), cause);
    }

    @Override
    public java.util.Optional<StoreDamagedException> damage(RuntimeException failure) {
        return Causes.find(failure, SQLiteException.class)
                .filter(e -> e.getResultCode() != null && isDamage(e.getResultCode()))
                .map(e -> damaged(e.getMessage(), failure));
    }

    /** NOTADB past our header check: the header is right but what follows is not, so it is damaged too. */
    private static boolean isDamage(SQLiteErrorCode code) {
        String name = code.name();
        return name.startsWith("SQLITE_CORRUPT") || name.equals("SQLITE_NOTADB") || name.equals("SQLITE_IOERR_CORRUPTFS");
    }

    /**
     * {@code PRAGMA quick_check}: every page of every table and index is read and its structure checked (not the index
     * contents against the tables, which {@code integrity_check} adds at several times the cost). A truncated file shows
     * up here as pages past its end; a damaged page as a malformed b-tree. Read-only, so it runs before migrating.
     */
    @Override
    public void verify(DataSource pool) {
        List<String> problems = new ArrayList<>();
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA quick_check(" + MAX_REPORTED_PROBLEMS + ")")) {
            while (rs.next()) problems.add(rs.getString(1));
        } catch (SQLException e) {
            if (e instanceof SQLiteException se && se.getResultCode() != null && isDamage(se.getResultCode())) {
                throw damaged(e.getMessage(), e);
            }
            throw new IllegalStateException("cannot check the SQLite database " + file + ": " + e.getMessage(), e);
        }
        if (!(problems.size() == 1 && problems.getFirst().equals("ok"))) {
            throw damaged(String.join("; ", problems), null);
        }
    }

    private StoreDamagedException damaged(String what, Throwable cause) {
        Path dataDir = file.getParent();
        return new StoreDamagedException(describe(), "the database " + file + " is damaged (" + what + "). Nothing was"
                + " changed. To recover: restore " + file.getFileName() + " from a backup; or salvage what is still"
                + " readable with 'sqlite3 " + file + " .recover | sqlite3 " + dataDir.resolve("recovered.db")
                + "' and put recovered.db in its place; the accepted scenarios' files are still in "
                + dataDir.resolve("scenarios") + "; or start afresh with another --data-dir", cause);
    }

    /** Extended result codes share their primary code's prefix (SQLITE_CORRUPT_INDEX, SQLITE_READONLY_DIRECTORY…). */
    private String explain(SQLiteErrorCode code, String message) {
        String name = code.name();
        if (name.startsWith("SQLITE_CANTOPEN") || name.startsWith("SQLITE_READONLY") || name.equals("SQLITE_PERM")) {
            return "cannot open " + file + " for writing (" + message + "); check the permissions of the file and its"
                    + " folder (SQLite also writes -wal and -shm files beside it)";
        }
        if (name.startsWith("SQLITE_BUSY") || name.startsWith("SQLITE_LOCKED")) {
            return file + " stayed locked by another process for " + BUSY_TIMEOUT_MILLIS / 1000 + " s; stop the other"
                    + " program using it, or choose another file";
        }
        return null;
    }
}
