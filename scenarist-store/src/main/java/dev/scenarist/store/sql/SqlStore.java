package dev.scenarist.store.sql;

import dev.scenarist.store.sql.internal.Backend;
import dev.scenarist.store.sql.internal.DamageTranslation;
import dev.scenarist.store.sql.internal.Schema;
import dev.scenarist.store.sql.internal.SqlAnalyticsStore;
import dev.scenarist.store.sql.internal.SqlCampaignStore;
import dev.scenarist.store.sql.internal.SqlLessonStore;
import dev.scenarist.store.sql.internal.SqlCatalogStore;
import dev.scenarist.store.sql.internal.SqlReviewStore;
import dev.scenarist.store.sql.internal.SqlRunStore;

import com.zaxxer.hikari.HikariDataSource;
import dev.scenarist.core.store.AnalyticsStore;
import dev.scenarist.core.store.CampaignStore;
import dev.scenarist.core.store.LessonStore;
import dev.scenarist.core.store.CatalogStore;
import dev.scenarist.core.store.ReviewStore;
import dev.scenarist.core.store.RunStore;
import dev.scenarist.core.store.Store;
import dev.scenarist.core.store.StoreDamagedException;
import dev.scenarist.store.sql.internal.postgres.PostgresBackend;
import dev.scenarist.store.sql.internal.sqlite.SqliteBackend;
import java.nio.file.Path;
import org.jdbi.v3.core.Jdbi;

/**
 * The store on a SQL database: SQLite (one file, the default) or PostgreSQL (shared by distributed workers).
 *
 * <p>One code base serves both: the schema is one Flyway migration set with two vendor placeholders, every query is
 * plain SQL both accept, and a {@link Backend} holds the rest. Opening checks the database for damage, migrates the schema
 * and checks that every table is there; a database that cannot be used fails right there with an
 * {@link IllegalStateException} that names it and says what to do ({@link StoreDamagedException} when it is damaged).
 */
public final class SqlStore implements Store {
    private final Backend backend;
    private final HikariDataSource pool;
    private final Jdbi jdbi;
    private final CampaignStore campaigns;
    private final RunStore runs;
    private final CatalogStore catalog;
    private final AnalyticsStore analytics;
    private final LessonStore lessons;
    private final ReviewStore reviews;
    private final dev.scenarist.core.store.WorkerCoordination coordination;

    private SqlStore(Backend backend, HikariDataSource pool) {
        this.backend = backend;
        this.pool = pool;
        this.jdbi = Jdbi.create(pool);
        // damage found by a later statement (quick_check at open reads structure, not every row's content) is the same
        // clear exit as damage found at open, never an internal error
        this.jdbi.setHandleCallbackDecorator(backend.inProcessOrder(new DamageTranslation(backend)));
        this.campaigns = new SqlCampaignStore(jdbi);
        this.runs = new SqlRunStore(jdbi);
        this.catalog = new SqlCatalogStore(jdbi, backend);
        this.analytics = new SqlAnalyticsStore(jdbi);
        this.lessons = new SqlLessonStore(jdbi);
        this.reviews = new SqlReviewStore(jdbi);
        this.coordination = new dev.scenarist.store.sql.internal.SqlWorkerCoordination(jdbi, backend);
    }

    /** Opens (creating it and its folder if missing) the SQLite database file {@code dbFile}. */
    public static SqlStore sqlite(Path dbFile) {
        return open(SqliteBackend.forFile(dbFile));
    }

    /** Connects to PostgreSQL, e.g. {@code postgres("jdbc:postgresql://db:5432/scenarist", "scenarist", secret)}. */
    public static SqlStore postgres(String jdbcUrl, String user, String password) {
        return open(PostgresBackend.forUrl(jdbcUrl, user, password));
    }

    /** Opens the pool and brings the schema up to date; on failure nothing stays open. */
    public static SqlStore open(Backend backend) {
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(backend.poolConfig());
        } catch (RuntimeException e) {
            throw backend.openFailure(e);
        }
        try {
            backend.verify(pool);
            Schema.migrate(pool, backend);
        } catch (StoreDamagedException e) {
            pool.close();
            throw e;
        } catch (RuntimeException e) {
            pool.close();
            throw backend.openFailure(e);
        }
        return new SqlStore(backend, pool);
    }

    @Override
    public CampaignStore campaigns() {
        return campaigns;
    }

    @Override
    public RunStore runs() {
        return runs;
    }

    @Override
    public CatalogStore catalog() {
        return catalog;
    }

    @Override
    public AnalyticsStore analytics() {
        return analytics;
    }

    @Override
    public LessonStore lessons() {
        return lessons;
    }

    @Override
    public ReviewStore reviews() {
        return reviews;
    }

    @Override
    public dev.scenarist.core.store.WorkerCoordination coordination() {
        return coordination;
    }

    @Override
    public String describe() {
        return backend.describe();
    }

    /** For this module's tests, which check connection settings the port does not expose. */
    Jdbi jdbi() {
        return jdbi;
    }

    @Override
    public void close() {
        pool.close();
    }

    @Override
    public String toString() {
        return describe();
    }
}
