package dev.scenarist.packs.appworld.phone.apps.calendar;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** ARE's CalendarEvent. */
public record CalendarEvent(String eventId, String title, Instant startDatetime, Instant endDatetime, Optional<String> tag,
                            Optional<String> description, Optional<String> location, List<String> attendees) {
    public CalendarEvent {
        attendees = List.copyOf(attendees);
    }
}
