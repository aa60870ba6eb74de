package dev.scenarist.packs.appworld.phone;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneMessagingContactsTest {
    private final TestPhone t = new TestPhone();

    @Test
    void send_message_appends_to_the_conversation_as_the_user() {
        t.agent("MessagingApp__send_message", "conversation_id", "conv1", "content", "Yes, Friday works");
        JsonNode conv = t.agent("MessagingApp__read_conversation", "conversation_id", "conv1");
        assertThat(conv.get("messages").findValuesAsText("content")).containsExactly("Are we still on for Friday?", "Yes, Friday works");
        assertThat(conv.get("messages").get(1).get("sender").asText()).isEqualTo("Me");
    }

    @Test
    void recent_conversations_come_most_recently_updated_first() {
        assertThat(t.agent("MessagingApp__list_recent_conversations").findValuesAsText("conversation_id")).containsExactly("conv2", "conv1");
        t.agent("MessagingApp__send_message", "conversation_id", "conv1", "content", "ping");
        assertThat(t.agent("MessagingApp__list_recent_conversations").findValuesAsText("conversation_id")).containsExactly("conv1", "conv2");
    }

    @Test
    void create_conversation_adds_the_user_and_participants_can_change() {
        String id = t.agent("MessagingApp__create_conversation", "participants", List.of("Bob Stone")).asText();
        t.agent("MessagingApp__add_participant_to_conversation", "conversation_id", id, "participant", "Ann Lee");
        assertThat(t.state("MessagingApp").at("/conversations/" + id + "/participants").toString()).isEqualTo("[\"Me\",\"Bob Stone\",\"Ann Lee\"]");
        assertThat(t.agentError("MessagingApp__remove_participant_from_conversation", "conversation_id", id, "participant", "Carl"))
                .contains("no participant in conversation '" + id + "' with participant 'Carl'");
    }

    @Test
    void an_incoming_message_trigger_notifies() {
        t.env("MessagingApp__create_and_add_message", "conversation_id", "conv2", "sender", "Dad", "content", "Bring wine");
        assertThat(t.phone.notifications().get(0).text()).isEqualTo("New message from Dad: Bring wine");
        assertThat(t.agent("MessagingApp__search", "query", "wine").toString()).isEqualTo("[\"conv2\"]");
    }

    @Test
    void contacts_search_add_and_edit() {
        assertThat(t.agent("ContactsApp__search_contacts", "query", "555 0101").findValuesAsText("contact_id")).containsExactly("c1");
        String id = t.agent("ContactsApp__add_new_contact", "first_name", "Carl", "last_name", "Berg", "age", 40, "status", "Employed").asText();
        t.agent("ContactsApp__edit_contact", "contact_id", id, "updates", Map.of("phone", "+1 555 0199", "city_living", "Oslo"));
        JsonNode c = t.state("ContactsApp").get("contacts").get(id);
        assertThat(c.get("phone").asText()).isEqualTo("+1 555 0199");
        assertThat(c.get("age").asInt()).isEqualTo(40);
        assertThat(t.agent("ContactsApp__get_current_user_details").get("contact_id").asText()).isEqualTo("me");
    }

    @Test
    void edit_contact_names_an_unknown_field_and_suggests_the_nearest() {
        assertThat(t.agentError("ContactsApp__edit_contact", "contact_id", "c1", "updates", Map.of("phnoe", "1")))
                .startsWith("ContactsApp__edit_contact: argument 'updates': unknown field 'phnoe'; did you mean 'phone'?");
        assertThat(t.agentError("ContactsApp__edit_contact", "contact_id", "c1", "updates", Map.of("gender", "M")))
                .contains("field 'gender' is \"M\"; valid values: Male, Female, Other, Unknown");
    }

    @Test
    void delete_contact_removes_it() {
        t.agent("ContactsApp__delete_contact", "contact_id", "c2");
        assertThat(t.state("ContactsApp").get("contacts").has("c2")).isFalse();
    }
}
