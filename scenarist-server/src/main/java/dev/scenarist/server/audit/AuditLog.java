package dev.scenarist.server.audit;

import java.util.List;

/** Where every mutation made through the server is recorded: durably, before the answer is sent. */
public interface AuditLog extends AutoCloseable {
    /** Records an entry; it is on disk (or in the store) when this returns. */
    void append(AuditEntry entry);

    /** The latest {@code limit} entries, newest first. */
    List<AuditEntry> recent(int limit);

    @Override
    void close();
}
