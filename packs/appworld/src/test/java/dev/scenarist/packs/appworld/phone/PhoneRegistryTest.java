package dev.scenarist.packs.appworld.phone;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.scenarist.packs.appworld.phone.tools.Layer;
import dev.scenarist.packs.appworld.phone.tools.Tool;
import dev.scenarist.packs.appworld.phone.tools.ToolDescription;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneRegistryTest {
    private final TestPhone t = new TestPhone();

    @Test
    void every_tool_description_is_a_valid_json_schema_object() throws Exception {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        Schema meta = registry.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        for (Layer layer : Layer.values()) {
            for (ToolDescription d : t.phone.registry().describe(layer)) {
                assertThat(d.name()).matches("[A-Za-z]+__[a-z_]+");
                assertThat(d.description()).isNotBlank();
                assertThat(d.parameters().get("type").asText()).isEqualTo("object");
                String schema = t.json.writeValueAsString(d.parameters());
                assertThat(meta.validate(schema, InputFormat.JSON)).as(d.name() + " " + schema).isEmpty();
                assertThat(registry.getSchema(schema, InputFormat.JSON).validate("{}", InputFormat.JSON).isEmpty())
                        .as("{} is valid for %s exactly when it has no required parameters", d.name())
                        .isEqualTo(d.parameters().get("required").isEmpty());
            }
        }
    }

    @Test
    void the_nine_apps_system_and_interface_are_present_with_the_are_tool_names() {
        Set<String> names = t.phone.registry().all().stream().map(x -> x.spec().qualifiedName()).collect(Collectors.toSet());
        assertThat(names).contains(
                "EmailClientApp__list_emails", "EmailClientApp__get_email_by_id", "EmailClientApp__reply_to_email", "EmailClientApp__forward_email",
                "EmailClientApp__search_emails", "CalendarApp__add_calendar_event", "CalendarApp__edit_calendar_event",
                "CalendarApp__get_calendar_events_from_to", "CalendarApp__search_events", "MessagingApp__send_message",
                "MessagingApp__read_conversation", "MessagingApp__list_recent_conversations", "ShoppingApp__list_cart", "ShoppingApp__checkout",
                "ShoppingApp__cancel_order", "CabApp__get_quotation", "CabApp__order_ride", "CabApp__user_cancel_ride",
                "ApartmentListingApp__search_apartments", "ApartmentListingApp__save_apartment", "ReminderApp__add_reminder",
                "ReminderApp__update_reminder", "ReminderApp__delete_reminder", "NoteApp__create_note", "NoteApp__update_note",
                "NoteApp__search_notes", "ContactsApp__search_contacts", "ContactsApp__add_new_contact", "ContactsApp__edit_contact",
                "SystemApp__get_current_time", "SystemApp__open_app", "SystemApp__go_home", "SystemApp__switch_app",
                "SystemApp__wait_for_notification", "AgentUserInterface__send_message_to_user", "AgentUserInterface__wait",
                "AgentUserInterface__accept_proposal", "AgentUserInterface__reject_proposal", "AgentUserInterface__send_message_to_agent");
        assertThat(t.phone.appNames()).hasSize(11);
    }

    @Test
    void every_environment_tool_has_a_notification_and_every_user_tool_of_an_app_has_screens() {
        for (Tool tool : t.phone.registry().inLayer(Layer.ENV)) assertThat(tool.spec().notification()).as(tool.spec().qualifiedName()).isPresent();
        for (Tool tool : t.phone.registry().inLayer(Layer.USER)) {
            boolean global = Set.of("SystemApp", "AgentUserInterface").contains(tool.spec().app());
            assertThat(tool.spec().screens().isEmpty()).as(tool.spec().qualifiedName()).isEqualTo(global);
        }
    }

    @Test
    void agent_descriptions_do_not_mention_screens_but_user_ones_do() {
        ToolDescription agent = t.phone.agentTools().stream().filter(d -> d.name().equals("EmailClientApp__list_emails")).findFirst().orElseThrow();
        assertThat(agent.description()).doesNotContain("screen");
        t.user("SystemApp__open_app", "app_name", "EmailClientApp");
        ToolDescription user = t.phone.userTools().stream().filter(d -> d.name().equals("EmailClientApp__list_emails")).findFirst().orElseThrow();
        assertThat(user.description()).endsWith("(on screen mailbox)");
    }

    @Test
    void argument_errors_name_the_tool_the_argument_the_value_and_what_is_valid() {
        assertThat(t.agentError("EmailClientApp__list_emails", "limt", 3))
                .isEqualTo("EmailClientApp__list_emails: unknown argument 'limt'; did you mean 'limit'? known: 'folder_name', 'limit', 'offset'");
        assertThat(t.agentError("EmailClientApp__list_emails", "limit", "ten"))
                .isEqualTo("EmailClientApp__list_emails: argument 'limit' must be an integer, got \"ten\"");
        assertThat(t.agentError("EmailClientApp__list_emails", "folder_name", "Inbox"))
                .isEqualTo("EmailClientApp__list_emails: argument 'folder_name' is \"Inbox\"; valid values: INBOX, SENT, DRAFT, TRASH");
        assertThat(t.agentError("EmailClientApp__get_email_by_id"))
                .isEqualTo("EmailClientApp__get_email_by_id: missing required argument 'email_id' (a string: id of the email)");
        assertThat(t.agentError("EmailClientApp__list_emails", "offset", -1))
                .isEqualTo("EmailClientApp__list_emails: argument 'offset' must be 0 or more, got -1");
        assertThat(t.agentError("EmailClientApp__list_mails")).isEqualTo("unknown tool 'EmailClientApp__list_mails'; did you mean 'EmailClientApp__list_emails'?");
    }

    @Test
    void non_object_arguments_are_refused() {
        assertThat(TestPhone.error(t.phone.call(dev.scenarist.packs.appworld.phone.tools.Actor.AGENT, "EmailClientApp__list_emails",
                t.json.getNodeFactory().arrayNode()))).isEqualTo("EmailClientApp__list_emails: arguments must be a JSON object, got array []");
    }

    @Test
    void errors_are_logged_like_any_call() {
        t.agentError("CalendarApp__get_calendar_event", "event_id", "nope");
        assertThat(t.phone.logJsonLines()).contains("\"outcome\":\"error\"").contains("no event with event_id 'nope'");
        assertThat(List.of(t.phone.log().entries().size())).containsExactly(1);
    }
}
