package dev.scenarist.packs.appworld.phone;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneApartmentReminderNoteTest {
    private final TestPhone t = new TestPhone();

    @Test
    void search_apartments_applies_every_filter() {
        assertThat(t.agent("ApartmentListingApp__search_apartments", "max_price", 3000, "amenities", List.of("gym")).fieldNames())
                .toIterable().containsExactly("a1");
        assertThat(t.agent("ApartmentListingApp__search_apartments", "number_of_bedrooms", 3, "property_type", "house").fieldNames())
                .toIterable().containsExactly("a2");
        assertThat(t.agentError("ApartmentListingApp__search_apartments", "min_price", 4000, "max_price", 3000)).contains("min_price 4000.0 is above max_price 3000.0");
    }

    @Test
    void save_apartment_marks_it_and_lists_it() {
        t.agent("ApartmentListingApp__save_apartment", "apartment_id", "a2");
        assertThat(t.agent("ApartmentListingApp__list_saved_apartments").fieldNames()).toIterable().containsExactly("a2");
        assertThat(t.agentError("ApartmentListingApp__save_apartment", "apartment_id", "a2")).contains("already saved");
        t.agent("ApartmentListingApp__remove_saved_apartment", "apartment_id", "a2");
        assertThat(t.state("ApartmentListingApp").at("/apartments/a2/saved").asBoolean()).isFalse();
    }

    @Test
    void a_new_listing_trigger_adds_it_and_notifies() {
        String id = t.env("ApartmentListingApp__add_new_apartment", "name", "Garden flat", "location", "Old town", "zip_code", "10010", "price", 1900,
                "number_of_bedrooms", 2, "number_of_bathrooms", 1, "square_footage", 800).asText();
        assertThat(t.state("ApartmentListingApp").at("/apartments/" + id + "/name").asText()).isEqualTo("Garden flat");
        assertThat(t.phone.notifications().get(0).text()).isEqualTo("New apartment listed: Garden flat (Old town) at 1900 per month");
    }

    @Test
    void reminders_add_update_delete_and_due() {
        String id = t.agent("ReminderApp__add_reminder", "title", "Call mom", "due_datetime", "2024-10-15 18:00:00").asText();
        t.agent("ReminderApp__update_reminder", "reminder_id", id, "due_datetime", "2024-10-15 19:00:00", "repetition_unit", "week");
        JsonNode r = t.state("ReminderApp").at("/reminders/" + id);
        assertThat(r.get("due_datetime").asText()).isEqualTo("2024-10-15 19:00:00");
        assertThat(r.get("title").asText()).isEqualTo("Call mom");
        assertThat(r.get("repetition_value").asInt()).isEqualTo(1);
        assertThat(t.agent("ReminderApp__get_due_reminders").findValuesAsText("reminder_id")).containsExactly("r1");
        t.agent("ReminderApp__delete_reminder", "reminder_id", id);
        assertThat(t.state("ReminderApp").get("reminders").has(id)).isFalse();
    }

    @Test
    void a_repetition_value_without_unit_is_explained() {
        assertThat(t.agentError("ReminderApp__add_reminder", "title", "x", "due_datetime", "2024-10-15 18:00:00", "repetition_value", 2))
                .contains("argument 'repetition_value' needs a repetition_unit (minute, hour, day, week, month)");
    }

    @Test
    void notes_create_update_search_and_move() {
        String id = t.agent("NoteApp__create_note", "title", "Trip ideas", "content", "Lisbon, Porto", "folder", "Personal").asText();
        t.agent("NoteApp__update_note", "note_id", id, "content", "Lisbon, Porto, Faro");
        assertThat(t.agent("NoteApp__search_notes", "query", "faro").findValuesAsText("note_id")).containsExactly(id);
        t.agent("NoteApp__move_note", "note_id", id, "dest_folder_name", "Work");
        assertThat(t.state("NoteApp").at("/notes/" + id + "/folder").asText()).isEqualTo("Work");
        assertThat(t.agentError("NoteApp__move_note", "note_id", id, "dest_folder_name", "Wrok"))
                .contains("no folder with dest_folder_name 'Wrok'; did you mean 'Work'?");
    }

    @Test
    void a_deleted_folder_takes_its_notes_and_notifies() {
        String id = t.agent("NoteApp__create_note", "title", "Budget", "folder", "Work").asText();
        t.env("NoteApp__delete_folder", "folder_name", "Work");
        assertThat(t.state("NoteApp").get("notes").has(id)).isFalse();
        assertThat(t.state("NoteApp").get("folders").toString()).isEqualTo("[\"Inbox\",\"Personal\"]");
        assertThat(t.phone.notifications().get(0).text()).isEqualTo("Notes folder deleted: Work");
        assertThat(TestPhone.error(t.call(dev.scenarist.packs.appworld.phone.tools.Actor.ENV, "NoteApp__delete_folder", "folder_name", "Inbox")))
                .isEqualTo("NoteApp__delete_folder: the Inbox folder cannot be deleted");
    }
}
