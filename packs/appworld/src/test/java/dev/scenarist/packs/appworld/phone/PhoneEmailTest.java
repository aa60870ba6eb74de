package dev.scenarist.packs.appworld.phone;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scenarist.packs.appworld.phone.log.LogEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneEmailTest {
    private final TestPhone t = new TestPhone();

    @Test
    void list_emails_shows_the_inbox_newest_first_with_paging() {
        JsonNode page = t.agent("EmailClientApp__list_emails", "limit", 1);
        assertThat(page.get("emails").get(0).get("email_id").asText()).isEqualTo("e2");
        assertThat(page.get("total_emails").asInt()).isEqualTo(2);
        assertThat(page.get("emails_range").toString()).isEqualTo("[0,1]");
    }

    @Test
    void reading_an_email_marks_it_read_and_logs_the_change() {
        t.agent("EmailClientApp__get_email_by_id", "email_id", "e1");
        assertThat(t.state("EmailClientApp").at("/emails/e1/is_read").asBoolean()).isTrue();
        List<LogEntry.StateChange> changes = t.phone.log().entries(LogEntry.StateChange.class);
        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.entity()).isEqualTo("email");
            assertThat(c.id()).isEqualTo("e1");
            assertThat(c.toJson().get("change").asText()).isEqualTo("updated");
        });
    }

    @Test
    void an_unknown_email_id_names_the_tool_the_argument_and_the_nearest_id() {
        String msg = t.agentError("EmailClientApp__get_email_by_id", "email_id", "e9");
        assertThat(msg).startsWith("EmailClientApp__get_email_by_id: no email with email_id 'e9'")
                .contains("did you mean 'e1'?").contains("'e2'").contains("'e3'");
    }

    @Test
    void an_email_looked_up_in_the_wrong_folder_says_where_it_is() {
        assertThat(t.agentError("EmailClientApp__get_email_by_id", "email_id", "e3", "folder_name", "INBOX"))
                .contains("email 'e3' is in folder SENT, not INBOX");
    }

    @Test
    void reply_goes_to_the_sender_with_re_subject_and_parent() {
        String id = t.agent("EmailClientApp__reply_to_email", "email_id", "e1", "content", "Yes!").asText();
        JsonNode reply = t.state("EmailClientApp").get("emails").get(id);
        assertThat(reply.get("folder").asText()).isEqualTo("SENT");
        assertThat(reply.get("recipients").toString()).isEqualTo("[\"bob@work.com\"]");
        assertThat(reply.get("subject").asText()).isEqualTo("Re: Lunch?");
        assertThat(reply.get("parent_id").asText()).isEqualTo("e1");
        assertThat(reply.get("sender").asText()).isEqualTo("me@home.org");
    }

    @Test
    void forward_move_and_delete_change_the_folders() {
        String fwd = t.agent("EmailClientApp__forward_email", "email_id", "e2", "recipients", List.of("carl@work.com")).asText();
        assertThat(t.state("EmailClientApp").at("/emails/" + fwd + "/subject").asText()).isEqualTo("Fwd: Report");
        t.agent("EmailClientApp__move_email", "email_id", "e2", "dest_folder_name", "DRAFT");
        assertThat(t.state("EmailClientApp").at("/emails/e2/folder").asText()).isEqualTo("DRAFT");
        t.agent("EmailClientApp__delete_email", "email_id", "e2");
        assertThat(t.state("EmailClientApp").at("/emails/e2/folder").asText()).isEqualTo("TRASH");
        t.agent("EmailClientApp__delete_email", "email_id", "e2");
        assertThat(t.state("EmailClientApp").at("/emails/e2").isMissingNode()).isTrue();
    }

    @Test
    void send_email_refuses_an_address_without_at_sign() {
        assertThat(t.agentError("EmailClientApp__send_email", "recipients", List.of("bob"), "subject", "x"))
                .isEqualTo("EmailClientApp__send_email: recipient \"bob\" is not an email address (expected name@domain)");
    }

    @Test
    void search_emails_matches_subject_and_content() {
        assertThat(t.agent("EmailClientApp__search_emails", "query", "REVIEW").findValuesAsText("email_id")).containsExactly("e2");
    }

    @Test
    void an_incoming_email_trigger_adds_it_to_the_inbox_and_notifies_both_sides() {
        String id = t.env("EmailClientApp__send_email_to_user_only", "sender", "zoe@x.com", "subject", "Tickets", "content", "Got them").asText();
        assertThat(t.state("EmailClientApp").at("/emails/" + id + "/folder").asText()).isEqualTo("INBOX");
        assertThat(t.phone.notifications()).singleElement().satisfies(n -> {
            assertThat(n.text()).isEqualTo("New email from zoe@x.com: Tickets");
            assertThat(n.audience()).hasSize(2);
        });
    }
}
