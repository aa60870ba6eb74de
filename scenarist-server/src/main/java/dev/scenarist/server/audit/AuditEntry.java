package dev.scenarist.server.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One mutation, as the audit log keeps it.
 *
 * @param who    {@code token:<id>} (the first 12 hex digits of the token's SHA-256, never the token), {@code session:<id>}
 *               for a browser logged in with it, or {@code local} on loopback without a token
 * @param action what was done, e.g. {@code campaign.create}, {@code campaign.cancel}
 * @param target what it was done to: a campaign or run id
 * @param status the HTTP status answered: a refused mutation is recorded too
 * @param detail a short note (the request's pack and count, the error message, or the caller's address when refused)
 */
public record AuditEntry(Instant at, String who, String action, String target, int status, String detail) {
    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(who, "who");
        Objects.requireNonNull(action, "action");
        target = target == null ? "" : target;
        detail = detail == null ? "" : detail;
    }
}
