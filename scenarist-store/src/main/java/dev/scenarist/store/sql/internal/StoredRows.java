package dev.scenarist.store.sql.internal;

import dev.scenarist.core.store.StoreDamagedException;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Row mappers that tell a damaged row from a bug. A row the database hands back but whose text is not what this
 * program wrote (JSON that does not parse, a state or a timestamp it never writes) means a page was garbled after the
 * open-time check: that is a damaged store — exit 2 with the ways to recover — not an internal error.
 */
final class StoredRows {
    private StoredRows() {}

    /** {@code mapper}, with anything it throws on a row of {@code table} reported as damage. */
    static <T> RowMapper<T> of(String table, RowMapper<T> mapper) {
        return (rs, ctx) -> {
            try {
                return mapper.map(rs, ctx);
            } catch (RuntimeException e) {
                if (e instanceof StoreDamagedException d) throw d;
                // the parser's own words name library classes, which mean nothing to the person reading this: the cause keeps them
                throw new StoreDamagedException("the store", "a row of table '" + table + "' holds text Scenarist never wrote"
                        + ", so the database is damaged. Nothing was changed. To recover: restore the database from a backup, or"
                        + " salvage what is readable (for SQLite: sqlite3 DB .recover); the accepted scenarios' files are still in the"
                        + " data directory; or start afresh with another --data-dir", e);
            }
        };
    }
}
