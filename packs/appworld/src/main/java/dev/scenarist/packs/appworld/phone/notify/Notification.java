package dev.scenarist.packs.appworld.phone.notify;

import dev.scenarist.packs.appworld.phone.tools.Actor;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * Something that appeared on the phone: an environment trigger's text, or a message between agent and user.
 *
 * @param source   the tool that raised it, e.g. {@code EmailClientApp__send_email_to_user_only}
 * @param audience who gets it (AGENT and/or USER)
 */
public record Notification(String id, Instant time, String app, String source, String text, Set<Actor> audience) {
    public Notification {
        audience = Set.copyOf(audience.isEmpty() ? Set.of() : EnumSet.copyOf(audience));
    }
}
