package dev.scenarist.app.ratelimits;

import dev.scenarist.app.postgres.PostgresPool;
import com.zaxxer.hikari.HikariDataSource;
import dev.scenarist.models.RateLimitState;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * {@link RateLimitState} in PostgreSQL, shared by every process that opens the same database. Buckets are Bucket4j's
 * {@code SELECT … FOR UPDATE} proxies over {@value #BUCKETS}; a pause is a row of {@value #PAUSES} saying until when,
 * read before any token is taken. Pauses are measured on the database's clock, so workers whose clocks disagree still
 * wait the same Retry-After. Rows are keyed by {@code RateLimitKey} values, which hold a hash of the API key, never the key.
 */
public final class PostgresRateLimitState implements RateLimitState, AutoCloseable {
    static final String BUCKETS = "scenarist_rate_limit_buckets";
    static final String PAUSES = "scenarist_rate_limit_pauses";
    /** Taken while creating the tables, so workers starting together do not race on {@code CREATE TABLE}. */
    private static final long CREATE_LOCK = 0x5ce7a_21L;
    private static final int POOL_SIZE = 4;
    /**
     * How long an answer about a pause is reused before the database is asked again. Every model call asks (even
     * without configured limits, to honour a shared Retry-After), and thousands of calls a second would otherwise
     * each cost a query; a pause seen up to this late is negligible next to Retry-After's whole seconds.
     */
    static final Duration PAUSE_READ_REUSE = Duration.ofMillis(200);

    private final HikariDataSource db;
    private final ProxyManager<String> buckets;
    private final Map<String, PauseRead> pauseReads = new ConcurrentHashMap<>();

    /** A pause as last read: until when (this process's nano clock), and when it was read. */
    private record PauseRead(long untilNanos, long readAtNanos) {}

    private PostgresRateLimitState(HikariDataSource db) {
        this.db = db;
        createTables(db);
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(db).primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(BUCKETS).idColumn("id").stateColumn("state").build();
    }

    /**
     * Opens a small pool of its own on {@code jdbcUrl} and creates the two tables if missing.
     *
     * @throws IllegalStateException when the database cannot be reached or the tables cannot be created
     */
    public static PostgresRateLimitState open(String jdbcUrl, String user, String password) {
        try {
            return PostgresPool.open(new PostgresPool.Settings(jdbcUrl, user, password, "scenarist-rate-limits", POOL_SIZE, 1), PostgresRateLimitState::new);
        } catch (com.zaxxer.hikari.pool.HikariPool.PoolInitializationException e) {
            throw new IllegalStateException("cannot reach the database for the shared rate limits: " + e.getMessage(), e);
        }
    }

    private static void createTables(DataSource db) {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_advisory_xact_lock(" + CREATE_LOCK + ")");
                s.execute("CREATE TABLE IF NOT EXISTS " + BUCKETS + " (id TEXT PRIMARY KEY, state BYTEA)");
                s.execute("CREATE TABLE IF NOT EXISTS " + PAUSES + " (id TEXT PRIMARY KEY, paused_until TIMESTAMPTZ NOT NULL)");
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the shared rate-limit tables: " + e.getMessage()
                    + "; check that the database user may create tables", e);
        }
    }

    @Override
    public Bucket bucket(String key, long capacity, Duration refillPeriod) {
        BucketConfiguration config = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, refillPeriod).build()).build();
        return buckets.getProxy(key, () -> config);
    }

    @Override
    public void pause(String key, Duration pause) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO " + PAUSES + " (id, paused_until) VALUES (?, clock_timestamp() + ? * interval '1 microsecond')"
                     + " ON CONFLICT (id) DO UPDATE SET paused_until = GREATEST(" + PAUSES + ".paused_until, EXCLUDED.paused_until)")) {
            s.setString(1, key);
            s.setLong(2, Math.max(0, pause.toNanos() / 1000));
            s.executeUpdate();
            pauseReads.remove(key); // this worker sees its own pause at once
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record a provider's pause in the shared rate limits: " + e.getMessage(), e);
        }
    }

    @Override
    public Duration pauseLeft(String key) {
        long now = System.nanoTime();
        PauseRead last = pauseReads.get(key);
        if (last == null || now - last.readAtNanos() > PAUSE_READ_REUSE.toNanos()) {
            last = new PauseRead(now + readPauseLeft(key).toNanos(), now);
            pauseReads.put(key, last);
        }
        long left = last.untilNanos() - now;
        return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
    }

    private Duration readPauseLeft(String key) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT GREATEST(0, EXTRACT(EPOCH FROM (paused_until - clock_timestamp())) * 1000000)::BIGINT"
                     + " FROM " + PAUSES + " WHERE id = ?")) {
            s.setString(1, key);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Duration.ofNanos(r.getLong(1) * 1000) : Duration.ZERO;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the shared rate limits: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        db.close();
    }
}
