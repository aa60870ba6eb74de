package dev.scenarist.packs.appworld.phone.notify;

import dev.scenarist.packs.appworld.phone.tools.Actor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The queue of notifications; the agent and the user each have their own read position. */
public final class NotificationCenter {
    private final List<Notification> all = new ArrayList<>();
    private final Map<Actor, Integer> readUpTo = new EnumMap<>(Actor.class);

    public Notification post(Instant time, String app, String source, String text, Set<Actor> audience) {
        Notification n = new Notification(String.format("n%04d", all.size() + 1), time, app, source, text, audience);
        all.add(n);
        return n;
    }

    /** Unread notifications for {@code reader}, without marking them read. */
    public List<Notification> unread(Actor reader) {
        int from = readUpTo.getOrDefault(reader, 0);
        return all.subList(from, all.size()).stream().filter(n -> n.audience().contains(reader)).toList();
    }

    public boolean hasUnread(Actor reader) {
        return !unread(reader).isEmpty();
    }

    /** Unread notifications for {@code reader}, marking them read. */
    public List<Notification> take(Actor reader) {
        List<Notification> out = unread(reader);
        readUpTo.put(reader, all.size());
        return out;
    }

    public List<Notification> all() {
        return List.copyOf(all);
    }
}
