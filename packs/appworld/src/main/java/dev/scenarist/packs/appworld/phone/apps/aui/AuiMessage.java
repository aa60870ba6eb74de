package dev.scenarist.packs.appworld.phone.apps.aui;

import java.time.Instant;
import java.util.Optional;

/**
 * One message between assistant and user.
 *
 * @param sender "agent" or "user"
 * @param kind   "proposal", "accept", "reject" or "message"
 */
public record AuiMessage(String messageId, String sender, String kind, String content, Instant timestamp, Optional<Instant> timeRead) {
    AuiMessage readAt(Instant t) {
        return new AuiMessage(messageId, sender, kind, content, timestamp, Optional.of(t));
    }
}
