package dev.scenarist.packs.appworld.phone;

import dev.scenarist.packs.appworld.phone.tools.ToolDescription;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneNavigationTest {
    private final TestPhone t = new TestPhone();

    @Test
    void a_user_tool_on_the_home_screen_is_refused_with_the_screen_it_needs() {
        assertThat(t.userError("EmailClientApp__reply", "content", "ok"))
                .isEqualTo("EmailClientApp__reply: not available on the home screen; it needs screen 'email_detail' of EmailClientApp "
                        + "(open it with SystemApp__open_app, then navigate there)");
    }

    @Test
    void the_user_opens_an_email_replies_and_goes_back() {
        t.user("SystemApp__open_app", "app_name", "EmailClientApp");
        assertThat(t.phone.userScreen().name()).isEqualTo("mailbox");
        assertThat(t.userError("EmailClientApp__reply", "content", "ok"))
                .isEqualTo("EmailClientApp__reply: not available on screen 'mailbox' of EmailClientApp; it needs screen 'email_detail' of EmailClientApp (navigate there first)");
        t.user("EmailClientApp__open_email_by_id", "email_id", "e1");
        assertThat(t.phone.userScreen().params()).containsEntry("email_id", "e1");
        String reply = t.user("EmailClientApp__reply", "content", "See you").asText();
        assertThat(t.state("EmailClientApp").at("/emails/" + reply + "/parent_id").asText()).isEqualTo("e1");
        t.user("SystemApp__go_back");
        assertThat(t.phone.userScreen().name()).isEqualTo("mailbox");
        assertThat(t.userError("SystemApp__go_back")).contains("already at the first screen of EmailClientApp");
    }

    @Test
    void the_user_composes_an_email_step_by_step() {
        t.user("SystemApp__open_app", "app_name", "EmailClientApp");
        t.user("EmailClientApp__start_compose");
        assertThat(t.userError("EmailClientApp__send_composed_email")).contains("the draft has no recipients; call set_recipients first");
        t.user("EmailClientApp__set_recipients", "recipients", List.of("ann@work.com"));
        t.user("EmailClientApp__set_subject", "subject", "Report");
        t.user("EmailClientApp__set_body", "body", "Reviewed, looks good");
        String id = t.user("EmailClientApp__send_composed_email").asText();
        assertThat(t.state("EmailClientApp").at("/emails/" + id + "/content").asText()).isEqualTo("Reviewed, looks good");
        assertThat(t.phone.userScreen().name()).isEqualTo("mailbox");
    }

    @Test
    void each_app_keeps_its_screen_in_the_background() {
        t.user("SystemApp__open_app", "app_name", "ShoppingApp");
        t.user("ShoppingApp__open_product", "product_id", "p1");
        t.user("SystemApp__go_home");
        assertThat(t.userError("SystemApp__switch_app", "app_name", "NoteApp")).contains("NoteApp is not running; running apps: ShoppingApp");
        t.user("SystemApp__open_app", "app_name", "NoteApp");
        t.user("SystemApp__switch_app", "app_name", "ShoppingApp");
        assertThat(t.phone.userScreen().name()).isEqualTo("product_detail");
        t.user("ShoppingApp__add_to_cart", "item_id", "i1");
        assertThat(t.state("ShoppingApp").get("cart").has("i1")).isTrue();
    }

    @Test
    void an_unknown_app_name_suggests_the_nearest() {
        assertThat(t.userError("SystemApp__open_app", "app_name", "EmailApp")).contains("no app with app_name 'EmailApp'; did you mean 'EmailClientApp'?");
    }

    @Test
    void the_user_is_offered_only_the_current_screens_tools_plus_the_global_ones() {
        t.user("SystemApp__open_app", "app_name", "CalendarApp");
        List<String> names = t.phone.userTools().stream().map(ToolDescription::name).toList();
        assertThat(names).contains("CalendarApp__open_event", "CalendarApp__search_events", "SystemApp__go_home", "AgentUserInterface__accept_proposal")
                .doesNotContain("CalendarApp__delete_event", "EmailClientApp__list_emails", "CalendarApp__delete_calendar_event");
    }

    @Test
    void layers_are_enforced_for_each_actor() {
        assertThat(t.agentError("SystemApp__open_app", "app_name", "NoteApp")).isEqualTo("SystemApp__open_app is a user tool; the agent cannot call it");
        assertThat(t.agentError("EmailClientApp__send_email_to_user_only", "sender", "x@y.z"))
                .isEqualTo("EmailClientApp__send_email_to_user_only is an environment trigger; the agent cannot call it");
        assertThat(t.userError("ContactsApp__delete_contact", "contact_id", "c1")).isEqualTo("ContactsApp__delete_contact is an agent tool; the user cannot call it");
    }

    @Test
    void navigation_is_logged_and_snapshotted() {
        t.user("SystemApp__open_app", "app_name", "NoteApp");
        t.user("NoteApp__open_note", "note_id", "n1");
        assertThat(t.phone.snapshot().at("/navigation/current/screen").asText()).isEqualTo("note_detail");
        assertThat(t.phone.snapshot().at("/navigation/apps/NoteApp").size()).isEqualTo(2);
        assertThat(t.phone.logJsonLines()).contains("\"entity\":\"screen\"");
    }
}
