package dev.scenarist.packs.appworld.phone;

import dev.scenarist.packs.appworld.phone.seed.SeedException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhoneSeedingTest {

    private static SeedException seedError(String json) {
        try {
            new TestPhone(json);
        } catch (SeedException e) {
            return e;
        }
        throw new AssertionError("seed was accepted: " + json);
    }

    @Test
    void the_full_seed_loads_every_app() {
        TestPhone t = new TestPhone();
        assertThat(t.state("EmailClientApp").get("emails").size()).isEqualTo(3);
        assertThat(t.state("ShoppingApp").at("/orders/o1/order_total").asDouble()).isEqualTo(25.0);
        assertThat(t.phone.log().entries()).as("seeding is not logged as changes").isEmpty();
    }

    @Test
    void an_unknown_app_is_named_with_the_nearest() {
        SeedException e = seedError("{\"EmailApp\": {}}");
        assertThat(e.path()).isEqualTo("$.apps.EmailApp");
        assertThat(e.getMessage()).contains("unknown field; did you mean 'EmailClientApp'?");
    }

    @Test
    void a_wrong_type_names_the_json_path() {
        assertThat(seedError("{\"EmailClientApp\": {\"emails\": [{}, {\"sender\": 42}]}}").getMessage())
                .isEqualTo("$.apps.EmailClientApp.emails[1].sender: expected a string, got number 42");
    }

    @Test
    void a_bad_datetime_names_the_path_and_the_format() {
        assertThat(seedError("{\"CalendarApp\": {\"events\": [{\"start_datetime\": \"15/10/2024\"}]}}").getMessage())
                .isEqualTo("$.apps.CalendarApp.events[0].start_datetime: \"15/10/2024\" is not a datetime; use YYYY-MM-DD HH:MM:SS");
    }

    @Test
    void a_misspelt_field_is_refused_rather_than_ignored() {
        assertThat(seedError("{\"ContactsApp\": {\"contacts\": [{\"first_name\": \"A\", \"last_name\": \"B\", \"emial\": \"a@b.c\"}]}}").getMessage())
                .isEqualTo("$.apps.ContactsApp.contacts[0].emial: unknown field; did you mean 'email'? known: 'address', 'age', 'city_living', "
                        + "'contact_id', 'country', 'description', 'email', 'first_name', 'gender', 'is_user' (and 5 more)");
    }

    @Test
    void references_between_seeded_objects_are_checked() {
        assertThat(seedError("{\"ShoppingApp\": {\"cart\": [{\"item_id\": \"x\"}]}}").getMessage())
                .isEqualTo("$.apps.ShoppingApp.cart[0].item_id: no item 'x' among the seeded products' variants");
        assertThat(seedError("{\"ShoppingApp\": {\"products\": [{\"name\": \"P\", \"variants\": [{\"item_id\": \"i\", \"price\": 1}]}], \"discount_codes\": {\"C\": {\"i\": 150}}}}").getMessage())
                .isEqualTo("$.apps.ShoppingApp.discount_codes.C.i: percent must be in (0, 100], got 150.0");
        assertThat(seedError("{\"NoteApp\": {\"notes\": [{\"folder\": \"Secret\"}]}}").path()).isEqualTo("$.apps.NoteApp.notes[0].folder");
    }

    @Test
    void enumerations_and_duplicates_are_checked() {
        assertThat(seedError("{\"EmailClientApp\": {\"emails\": [{\"folder\": \"Spam\"}]}}").getMessage())
                .isEqualTo("$.apps.EmailClientApp.emails[0].folder: \"Spam\" is not a folder; valid: INBOX, SENT, DRAFT, TRASH");
        assertThat(seedError("{\"ReminderApp\": {\"reminders\": [{\"reminder_id\": \"r\", \"title\": \"a\", \"due_datetime\": \"2024-10-15 08:00:00\"},"
                + "{\"reminder_id\": \"r\", \"title\": \"b\", \"due_datetime\": \"2024-10-15 08:00:00\"}]}}").getMessage())
                .isEqualTo("$.apps.ReminderApp.reminders[1].reminder_id: duplicate reminder id 'r'");
    }

    @Test
    void the_apps_section_must_be_an_object() {
        assertThatThrownBy(() -> new TestPhone("[]")).isInstanceOf(SeedException.class).hasMessage("$.apps: expected a JSON object, got array []");
    }
}
