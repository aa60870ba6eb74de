package dev.scenarist.store.sql.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Instants as fixed-width ISO-8601 text ({@code 2026-03-01T10:00:00.000000000Z}).
 *
 * <p>Text rather than a vendor timestamp type so that one schema serves SQLite and PostgreSQL; fixed width (always
 * nine fraction digits, UTC) so that ordering the text orders the instants, which {@link Instant#toString()} does not
 * guarantee ({@code ...:00Z} sorts after {@code ...:00.5Z}). Exact to the nanosecond, readable in any SQL shell.
 */
final class Timestamps {
    private static final DateTimeFormatter SORTABLE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {}

    static String write(Instant instant) {
        return instant == null ? null : SORTABLE.format(instant);
    }

    static Instant read(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
