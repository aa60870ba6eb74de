package dev.scenarist.store.sql.internal;

import dev.scenarist.core.model.Usage;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * A {@link Usage} as five columns ({@code input_tokens, output_tokens, cache_read_tokens, cache_write_tokens,
 * cost_usd}) rather than JSON, because token and cost totals are what reports sum up.
 */
final class UsageColumns {
    static final String NAMES = "input_tokens, output_tokens, cache_read_tokens, cache_write_tokens, cost_usd";
    static final String PARAMETERS = ":input_tokens, :output_tokens, :cache_read_tokens, :cache_write_tokens, :cost_usd";

    private UsageColumns() {}

    /** Binds the five parameters; a null usage (allowed by some records) is stored as five NULLs. */
    static <S extends SqlStatement<S>> S bind(S statement, Usage usage) {
        return statement
                .bind("input_tokens", usage == null ? null : usage.inputTokens())
                .bind("output_tokens", usage == null ? null : usage.outputTokens())
                .bind("cache_read_tokens", usage == null ? null : usage.cacheReadTokens())
                .bind("cache_write_tokens", usage == null ? null : usage.cacheWriteTokens())
                .bind("cost_usd", usage == null ? null : usage.costUsd());
    }

    static Usage read(ResultSet rs) throws SQLException {
        long input = rs.getLong("input_tokens");
        if (rs.wasNull()) return null;
        return new Usage(input, rs.getLong("output_tokens"), rs.getLong("cache_read_tokens"),
                rs.getLong("cache_write_tokens"), rs.getDouble("cost_usd"));
    }
}
