package dev.scenarist.app.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.function.Function;

/**
 * A small connection pool of its own on the store's PostgreSQL database, for a part that keeps its own tables there
 * beside the store's (JobRunr's jobs, the shared rate limits), and what is made on it: the pool is closed again when
 * making that fails, so a refused start leaves no connection open.
 */
public final class PostgresPool {
    private PostgresPool() {}

    /** Where and as whom to connect, and the pool's name (seen in the server's activity) and size. */
    public record Settings(String jdbcUrl, String user, String password, String name, int maxSize, int minIdle) {}

    /**
     * {@code make} applied to a new pool with {@code settings}; the pool is closed if {@code make} throws.
     *
     * @throws RuntimeException what Hikari throws when the database cannot be reached, or what {@code make} throws
     */
    public static <T> T open(Settings settings, Function<HikariDataSource, T> make) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setPoolName(settings.name());
        config.setMaximumPoolSize(settings.maxSize());
        config.setMinimumIdle(settings.minIdle());
        HikariDataSource pool = new HikariDataSource(config);
        try {
            return make.apply(pool);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }
}
