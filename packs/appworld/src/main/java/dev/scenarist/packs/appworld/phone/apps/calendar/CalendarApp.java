package dev.scenarist.packs.appworld.phone.apps.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scenarist.packs.appworld.phone.SimClock;
import dev.scenarist.packs.appworld.phone.apps.AppContext;
import dev.scenarist.packs.appworld.phone.apps.EntityTable;
import dev.scenarist.packs.appworld.phone.apps.PhoneApp;
import dev.scenarist.packs.appworld.phone.nav.Screen;
import dev.scenarist.packs.appworld.phone.seed.SeedNode;
import dev.scenarist.packs.appworld.phone.tools.Args;
import dev.scenarist.packs.appworld.phone.tools.Tool;
import dev.scenarist.packs.appworld.phone.tools.ToolSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static dev.scenarist.packs.appworld.phone.tools.JsonType.INTEGER;
import static dev.scenarist.packs.appworld.phone.tools.JsonType.STRING;
import static dev.scenarist.packs.appworld.phone.tools.JsonType.STRING_ARRAY;

/** ARE's CalendarApp; the user sees an agenda and event details. */
public final class CalendarApp implements PhoneApp {
    public static final String NAME = "CalendarApp";
    static final String AGENDA = "agenda";
    static final String DETAIL = "event_detail";
    private static final String FMT = "in the format YYYY-MM-DD HH:MM:SS";

    private final AppContext ctx;
    private final EntityTable<CalendarEvent> events;

    public CalendarApp(AppContext ctx) {
        this.ctx = ctx;
        this.events = ctx.table(NAME, "event");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Screen rootScreen() {
        return Screen.of(NAME, AGENDA);
    }

    /** ARE's CalendarEventsResult. */
    public record EventsPage(List<CalendarEvent> events, List<Integer> range, int total) {}

    @Override
    public List<Tool> tools() {
        ToolSet t = new ToolSet(NAME);
        details(t.agent("add_calendar_event", "Add an event to the calendar. Returns the new event's id.")
                .optional("title", STRING, "title (default \"Event\")")
                .optional("start_datetime", STRING, "start " + FMT + " (default now)")
                .optional("end_datetime", STRING, "end " + FMT + " (default one hour after the start)"))
                .alsoUserOn(AGENDA)
                .handle(a -> add(a));
        details(t.agent("edit_calendar_event", "Change fields of an event; omitted fields keep their value.")
                .required("event_id", STRING, "id of the event")
                .optional("title", STRING, "new title")
                .optional("start_datetime", STRING, "new start " + FMT)
                .optional("end_datetime", STRING, "new end " + FMT))
                .handle(a -> edit(a, events.require(a, "event_id")));
        t.agent("get_calendar_event", "Read one event by id.")
                .required("event_id", STRING, "id of the event")
                .handle(a -> events.require(a, "event_id"));
        t.agent("delete_calendar_event", "Delete an event.")
                .required("event_id", STRING, "id of the event")
                .handle(a -> delete(events.require(a, "event_id").eventId()));
        t.agent("get_calendar_events_from_to", "Events overlapping a time range (touching the boundary does not count), by start time.")
                .required("start_datetime", STRING, "range start " + FMT)
                .required("end_datetime", STRING, "range end " + FMT)
                .optional("offset", INTEGER, "index of the first event to return (default 0)")
                .optional("limit", INTEGER, "how many events to return (default 10)")
                .alsoUserOn(AGENDA)
                .handle(a -> range(a, a.datetime("start_datetime"), a.datetime("end_datetime"), a.nonNegative("offset", 0), a.nonNegative("limit", 10)));
        t.agent("read_today_calendar_events", "Today's events (UTC day of the current time).")
                .alsoUserOn(AGENDA)
                .handle(a -> {
                    Instant day = ctx.clock().now().truncatedTo(ChronoUnit.DAYS);
                    return range(a, day, day.plus(Duration.ofDays(1)), 0, Integer.MAX_VALUE);
                });
        t.agent("get_all_tags", "Every tag used by an event.")
                .handle(a -> new TreeSet<>(events.values().stream().flatMap(e -> e.tag().stream()).toList()));
        t.agent("get_calendar_events_by_tag", "Events with a tag.")
                .required("tag", STRING, "the tag")
                .handle(a -> sorted(events.values().stream().filter(e -> e.tag().equals(Optional.of(a.text("tag")))).toList()));
        t.agent("search_events", "Events whose title, description, location or attendees contain the query (case-insensitive).")
                .required("query", STRING, "text to look for")
                .alsoUserOn(AGENDA)
                .handle(a -> search(a.text("query")));
        details(t.env("add_calendar_event_by_attendee", "Another attendee adds an event to the user's calendar.",
                        "New calendar event by {who_add}: {title} at {start_datetime}")
                .required("who_add", STRING, "who adds it")
                .required("title", STRING, "title")
                .required("start_datetime", STRING, "start " + FMT)
                .required("end_datetime", STRING, "end " + FMT))
                .handle(a -> add(a));
        t.env("delete_calendar_event_by_attendee", "Another attendee deletes an event.", "Calendar event {event_id} deleted by {who_delete}")
                .required("event_id", STRING, "id of the event")
                .required("who_delete", STRING, "who deletes it")
                .handle(a -> delete(events.require(a, "event_id").eventId()));
        t.user("open_event", "Open an event's details.", AGENDA)
                .required("event_id", STRING, "id of the event")
                .handle(a -> {
                    CalendarEvent e = events.require(a, "event_id");
                    ctx.navigation().push(Screen.of(NAME, DETAIL, "event_id", e.eventId()));
                    return e;
                });
        details(t.user("edit_event", "Change fields of the event shown.", DETAIL)
                .optional("title", STRING, "new title")
                .optional("start_datetime", STRING, "new start " + FMT)
                .optional("end_datetime", STRING, "new end " + FMT))
                .handle(a -> edit(a, shown(a)));
        t.user("delete_event", "Delete the event shown, then go back.", DETAIL)
                .handle(a -> {
                    String result = delete(shown(a).eventId());
                    ctx.navigation().back();
                    return result;
                });
        return t.build();
    }

    private static ToolSet.Definition details(ToolSet.Definition d) {
        return d.optional("tag", STRING, "tag, e.g. work")
                .optional("description", STRING, "description")
                .optional("location", STRING, "location")
                .optional("attendees", STRING_ARRAY, "attendees' full names");
    }

    private CalendarEvent shown(Args a) {
        return events.require(a, "event_id", a.screen().param("event_id"));
    }

    private String add(Args a) {
        Instant start = a.optDatetime("start_datetime").orElse(ctx.clock().now());
        Instant end = a.optDatetime("end_datetime").orElse(start.plus(Duration.ofHours(1)));
        checkOrder(a, start, end);
        String id = events.newId("event");
        events.put(id, new CalendarEvent(id, a.string("title", "Event"), start, end, a.optString("tag"), a.optString("description"),
                a.optString("location"), a.strings("attendees")));
        return id;
    }

    private CalendarEvent edit(Args a, CalendarEvent e) {
        Instant start = a.optDatetime("start_datetime").orElse(e.startDatetime());
        Instant end = a.optDatetime("end_datetime").orElse(e.endDatetime());
        checkOrder(a, start, end);
        CalendarEvent edited = new CalendarEvent(e.eventId(), a.string("title", e.title()), start, end,
                a.optString("tag").or(e::tag), a.optString("description").or(e::description), a.optString("location").or(e::location),
                a.has("attendees") ? a.strings("attendees") : e.attendees());
        events.put(e.eventId(), edited);
        return edited;
    }

    private static void checkOrder(Args a, Instant start, Instant end) {
        if (!end.isAfter(start)) {
            throw a.fail("the event ends (" + SimClock.format(end) + ") before or when it starts (" + SimClock.format(start) + "); end_datetime must be after start_datetime");
        }
    }

    private String delete(String id) {
        events.remove(id);
        return "Event " + id + " deleted";
    }

    private EventsPage range(Args a, Instant from, Instant to, int offset, int limit) {
        if (from.isAfter(to)) throw a.fail("start_datetime " + SimClock.format(from) + " is after end_datetime " + SimClock.format(to));
        List<CalendarEvent> hits = sorted(events.values().stream().filter(e -> e.startDatetime().isBefore(to) && e.endDatetime().isAfter(from)).toList());
        int start = Math.min(offset, hits.size());
        int end = (int) Math.min(hits.size(), (long) start + limit);
        return new EventsPage(hits.subList(start, end), List.of(start, end), hits.size());
    }

    private List<CalendarEvent> search(String query) {
        String q = query.toLowerCase(Locale.ROOT);
        return sorted(events.values().stream().filter(e -> (e.title() + "\n" + e.description().orElse("") + "\n" + e.location().orElse("")
                + "\n" + String.join("\n", e.attendees())).toLowerCase(Locale.ROOT).contains(q)).toList());
    }

    private static List<CalendarEvent> sorted(List<CalendarEvent> list) {
        return list.stream().sorted(Comparator.comparing(CalendarEvent::startDatetime).thenComparing(CalendarEvent::eventId)).toList();
    }

    @Override
    public void seed(SeedNode node) {
        node.object(Set.of("events"));
        events.clear();
        for (SeedNode e : node.list("events")) {
            e.object(Set.of("event_id", "title", "start_datetime", "end_datetime", "tag", "description", "location", "attendees"));
            String id = e.optString("event_id").orElseGet(() -> events.newId("event"));
            if (events.contains(id)) throw e.at("event_id", "duplicate event id '" + id + "'");
            Instant start = e.instant("start_datetime");
            Instant end = e.instant("end_datetime", start.plus(Duration.ofHours(1)));
            if (!end.isAfter(start)) throw e.at("end_datetime", "must be after start_datetime (" + SimClock.format(start) + ")");
            events.load(id, new CalendarEvent(id, e.string("title", "Event"), start, end, e.optString("tag"), e.optString("description"),
                    e.optString("location"), e.strings("attendees")));
        }
    }

    @Override
    public JsonNode snapshot() {
        ObjectNode o = ctx.json().createObjectNode();
        o.set("events", events.snapshot());
        return o;
    }
}
