package dev.scenarist.packs.appworld.phone;

import dev.scenarist.packs.appworld.phone.apps.PhoneServices;
import dev.scenarist.packs.appworld.phone.nav.Screen;
import dev.scenarist.packs.appworld.phone.notify.Notification;
import dev.scenarist.packs.appworld.phone.tools.Actor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The phone-level services the system app and the agent-user interface call back into. */
final class Services implements PhoneServices {
    private final Phone phone;

    Services(Phone phone) {
        this.phone = phone;
    }

    @Override
    public void sleep(Duration duration, String reason) {
        phone.timeline().advanceTo(phone.clock().now().plus(duration), reason);
    }

    @Override
    public Wake waitForNotification(Actor reader, Duration timeout) {
        Timeline timeline = phone.timeline();
        timeline.fireDue();
        Instant deadline = phone.clock().now().plus(timeout);
        // jump from trigger to trigger (no ticking) until something arrives for this reader or the deadline passes
        while (!phone.notificationCenter().hasUnread(reader)) {
            Optional<Instant> next = timeline.nextDue().filter(t -> !t.isAfter(deadline));
            if (next.isEmpty()) break;
            timeline.advanceTo(next.get(), "wait_for_notification");
        }
        if (phone.notificationCenter().hasUnread(reader)) {
            return new Wake("notification", phone.clock().now(), phone.notificationCenter().take(reader));
        }
        timeline.advanceTo(deadline, "wait_for_notification timeout");
        return new Wake("timeout", phone.clock().now(), List.of());
    }

    @Override
    public Notification post(String app, String source, String text, Set<Actor> audience) {
        return phone.post(app, source, text, audience);
    }

    @Override
    public List<Notification> takeNotifications(Actor reader) {
        return phone.notificationCenter().take(reader);
    }

    @Override
    public Optional<Screen> rootScreen(String app) {
        return Optional.ofNullable(phone.apps().get(app)).map(a -> a.rootScreen());
    }

    @Override
    public List<String> launchableApps() {
        return phone.apps().values().stream().map(a -> a.name()).filter(n -> !n.equals("SystemApp") && !n.equals("AgentUserInterface")).sorted().toList();
    }
}
