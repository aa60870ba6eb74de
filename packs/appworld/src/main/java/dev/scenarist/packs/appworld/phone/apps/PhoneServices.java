package dev.scenarist.packs.appworld.phone.apps;

import dev.scenarist.packs.appworld.phone.nav.Screen;
import dev.scenarist.packs.appworld.phone.notify.Notification;
import dev.scenarist.packs.appworld.phone.tools.Actor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What the phone does for the system app and the agent-user interface: time, notifications, launching apps. */
public interface PhoneServices {
    /** Moves the clock forward by {@code duration}, firing every scheduled trigger that falls due on the way. */
    void sleep(Duration duration, String reason);

    /**
     * Returns at once when {@code reader} has unread notifications; otherwise advances the clock to the next
     * scheduled trigger (firing it) or to the timeout, whichever comes first. Marks what it returns as read.
     */
    Wake waitForNotification(Actor reader, Duration timeout);

    /** Posts a notification (stamped with the current time and logged). */
    Notification post(String app, String source, String text, Set<Actor> audience);

    /** Unread notifications for {@code reader}, marked read. */
    List<Notification> takeNotifications(Actor reader);

    /** The root screen of an installed app, if there is one by that name. */
    Optional<Screen> rootScreen(String app);

    /** Names of the apps a user can open. */
    List<String> launchableApps();

    /** Why a wait ended: {@code woken_by} is "notification" or "timeout". */
    record Wake(String wokenBy, Instant currentDatetime, List<Notification> notifications) {}
}
