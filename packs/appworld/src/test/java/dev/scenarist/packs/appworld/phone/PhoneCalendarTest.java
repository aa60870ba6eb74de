package dev.scenarist.packs.appworld.phone;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneCalendarTest {
    private final TestPhone t = new TestPhone();

    @Test
    void add_calendar_event_stores_a_typed_event() {
        String id = t.agent("CalendarApp__add_calendar_event", "title", "Lunch with Bob", "start_datetime", "2024-10-15 12:00:00",
                "end_datetime", "2024-10-15 13:00:00", "attendees", List.of("Bob Stone")).asText();
        JsonNode e = t.state("CalendarApp").get("events").get(id);
        assertThat(e.get("title").asText()).isEqualTo("Lunch with Bob");
        assertThat(e.get("start_datetime").asText()).isEqualTo("2024-10-15 12:00:00");
        assertThat(e.get("attendees").toString()).isEqualTo("[\"Bob Stone\"]");
    }

    @Test
    void add_calendar_event_defaults_to_an_hour_from_now() {
        String id = t.agent("CalendarApp__add_calendar_event", "title", "Call").asText();
        assertThat(t.state("CalendarApp").at("/events/" + id + "/end_datetime").asText()).isEqualTo("2024-10-15 10:00:00");
    }

    @Test
    void edit_calendar_event_changes_only_the_given_fields() {
        t.agent("CalendarApp__edit_calendar_event", "event_id", "ev2", "start_datetime", "2024-10-16 16:00:00", "end_datetime", "2024-10-16 17:00:00");
        JsonNode e = t.state("CalendarApp").at("/events/ev2");
        assertThat(e.get("start_datetime").asText()).isEqualTo("2024-10-16 16:00:00");
        assertThat(e.get("location").asText()).isEqualTo("Main St");
    }

    @Test
    void an_event_ending_before_it_starts_is_refused_and_nothing_changes() {
        String before = t.phone.snapshotJson();
        assertThat(t.agentError("CalendarApp__edit_calendar_event", "event_id", "ev2", "end_datetime", "2024-10-16 13:00:00"))
                .contains("end_datetime must be after start_datetime");
        assertThat(t.phone.snapshotJson()).isEqualTo(before);
    }

    @Test
    void a_badly_written_datetime_names_the_argument_and_the_format() {
        assertThat(t.agentError("CalendarApp__add_calendar_event", "start_datetime", "tomorrow 3pm"))
                .isEqualTo("CalendarApp__add_calendar_event: argument 'start_datetime' is \"tomorrow 3pm\", which is not a datetime; "
                        + "use the format YYYY-MM-DD HH:MM:SS, e.g. \"2024-10-15 09:30:00\"");
    }

    @Test
    void events_from_to_returns_overlapping_events_only() {
        JsonNode page = t.agent("CalendarApp__get_calendar_events_from_to", "start_datetime", "2024-10-15 00:00:00", "end_datetime", "2024-10-16 00:00:00");
        assertThat(page.get("events").findValuesAsText("event_id")).containsExactly("ev1");
        assertThat(page.get("total").asInt()).isEqualTo(1);
    }

    @Test
    void search_events_and_today_and_tags() {
        assertThat(t.agent("CalendarApp__search_events", "query", "main st").findValuesAsText("event_id")).containsExactly("ev2");
        assertThat(t.agent("CalendarApp__read_today_calendar_events").get("events").findValuesAsText("event_id")).containsExactly("ev1");
        assertThat(t.agent("CalendarApp__get_all_tags").toString()).isEqualTo("[\"work\"]");
    }

    @Test
    void delete_calendar_event_removes_it() {
        t.agent("CalendarApp__delete_calendar_event", "event_id", "ev1");
        assertThat(t.state("CalendarApp").get("events").has("ev1")).isFalse();
    }

    @Test
    void an_attendee_adding_an_event_notifies_with_its_template() {
        t.env("CalendarApp__add_calendar_event_by_attendee", "who_add", "Ann Lee", "title", "Review", "start_datetime", "2024-10-17 10:00:00",
                "end_datetime", "2024-10-17 11:00:00");
        assertThat(t.phone.notifications().get(0).text()).isEqualTo("New calendar event by Ann Lee: Review at 2024-10-17 10:00:00");
    }
}
