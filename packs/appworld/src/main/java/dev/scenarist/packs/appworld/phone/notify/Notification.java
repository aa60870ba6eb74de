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
        // an EnumSet iterates in declaration order; Set.copyOf would iterate in a per-JVM order and break byte-stable snapshots
        audience = java.util.Collections.unmodifiableSet(audience.isEmpty() ? EnumSet.noneOf(Actor.class) : EnumSet.copyOf(audience));
    }
}
