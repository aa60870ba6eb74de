package dev.scenarist.packs.appworld.phone;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneDeterminismTest {

    /** A small scenario run touching every layer: triggers, waits, agent actions, user navigation, errors. */
    private static List<String> run() {
        TestPhone t = new TestPhone();
        t.phone.schedule(Duration.ofMinutes(5), "MessagingApp__create_and_add_message",
                t.json.valueToTree(TestPhone.args("conversation_id", "conv1", "sender", "Ann Lee", "content", "Lunch tomorrow?")));
        t.agent("SystemApp__wait_for_notification", "timeout", 3600);
        t.agent("AgentUserInterface__send_message_to_user", "content", "Add lunch with Ann tomorrow at noon?");
        t.user("AgentUserInterface__accept_proposal");
        t.agent("CalendarApp__add_calendar_event", "title", "Lunch with Ann", "start_datetime", "2024-10-16 12:00:00");
        t.agent("MessagingApp__send_message", "conversation_id", "conv1", "content", "Booked!");
        t.agentError("MessagingApp__send_message", "conversation_id", "conv9", "content", "oops");
        t.user("SystemApp__open_app", "app_name", "ShoppingApp");
        t.user("ShoppingApp__open_product", "product_id", "p2");
        t.user("ShoppingApp__add_to_cart", "item_id", "i3");
        t.agent("ShoppingApp__checkout");
        t.agent("AgentUserInterface__wait", "time", 30);
        return List.of(t.phone.logJsonLines(), t.phone.snapshotJson());
    }

    @Test
    void two_runs_of_the_same_calls_give_byte_identical_logs_and_snapshots() {
        List<String> first = run();
        List<String> second = run();
        assertThat(second.get(0)).isEqualTo(first.get(0));
        assertThat(second.get(1)).isEqualTo(first.get(1));
        assertThat(first.get(0).lines().count()).isGreaterThan(15);
    }

    @Test
    void the_log_orders_a_wait_before_the_trigger_it_let_fire() throws Exception {
        TestPhone t = new TestPhone();
        t.phone.schedule(Duration.ofMinutes(5), "EmailClientApp__send_email_to_user_only", t.json.valueToTree(TestPhone.args("sender", "a@b.c")));
        t.agent("SystemApp__wait_for_notification", "timeout", 3600);
        List<String> kinds = new ArrayList<>();
        for (String line : t.phone.logJsonLines().lines().toList()) {
            JsonNode n = t.json.readTree(line);
            kinds.add(n.get("type").asText() + (n.has("tool") ? ":" + n.get("tool").asText() : ""));
        }
        assertThat(kinds).containsExactly("call:wait_for_notification", "clock", "call:send_email_to_user_only", "change", "notification");
    }

    @Test
    void snapshot_keys_come_in_a_fixed_sorted_order() {
        JsonNode apps = new TestPhone().phone.snapshot().get("apps");
        List<String> names = new ArrayList<>();
        apps.fieldNames().forEachRemaining(names::add);
        assertThat(names).isSorted().hasSize(11);
        List<String> emailFields = new ArrayList<>();
        apps.at("/EmailClientApp/emails/e1").fieldNames().forEachRemaining(emailFields::add);
        assertThat(emailFields).isSorted();
    }
}
