package dev.scenarist.core.store;

import java.time.Instant;
import java.util.Objects;

/** Who executes (or last executed) a run, and until when the lease holds unless renewed. */
public record RunLease(String runId, String owner, Instant expiresAt) {
    public RunLease {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Whether the lease still holds at {@code now}. */
    public boolean heldAt(Instant now) {
        return !expiresAt.isBefore(now);
    }
}
