package dev.scenarist.packs.appworld.phone;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scenarist.packs.appworld.phone.log.LogEntry;
import dev.scenarist.packs.appworld.phone.tools.Actor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhoneTimeAndProposalTest {
    private final TestPhone t = new TestPhone();

    private void scheduleEmail(long seconds, String subject) {
        t.phone.schedule(Duration.ofSeconds(seconds), "EmailClientApp__send_email_to_user_only",
                t.json.valueToTree(TestPhone.args("sender", "bob@work.com", "subject", subject)));
    }

    @Test
    void the_clock_starts_at_the_scenario_start_and_moves_only_when_told() {
        assertThat(t.agent("SystemApp__get_current_time").get("current_datetime").asText()).isEqualTo("2024-10-15 09:00:00");
        assertThat(t.agent("SystemApp__get_current_time").get("current_weekday").asText()).isEqualTo("Tuesday");
        t.agent("AgentUserInterface__wait", "time", 90);
        assertThat(t.phone.now()).isEqualTo(TestPhone.START.plusSeconds(90));
    }

    @Test
    void wait_for_notification_jumps_to_the_next_trigger_and_returns_its_notification() {
        scheduleEmail(600, "First");
        scheduleEmail(1200, "Second");
        JsonNode wake = t.agent("SystemApp__wait_for_notification", "timeout", 3600);
        assertThat(wake.get("woken_by").asText()).isEqualTo("notification");
        assertThat(wake.get("current_datetime").asText()).isEqualTo("2024-10-15 09:10:00");
        assertThat(wake.get("notifications").findValuesAsText("text")).containsExactly("New email from bob@work.com: First");
        assertThat(t.phone.pendingTriggers()).hasSize(1);
    }

    @Test
    void wait_for_notification_times_out_when_nothing_is_due_in_time() {
        scheduleEmail(7200, "Later");
        JsonNode wake = t.agent("SystemApp__wait_for_notification", "timeout", 60);
        assertThat(wake.get("woken_by").asText()).isEqualTo("timeout");
        assertThat(t.phone.now()).isEqualTo(TestPhone.START.plusSeconds(60));
        assertThat(t.phone.notifications()).isEmpty();
    }

    @Test
    void unread_notifications_end_a_wait_at_once() {
        t.env("EmailClientApp__send_email_to_user_only", "sender", "x@y.z", "subject", "Now");
        JsonNode wake = t.agent("SystemApp__wait_for_notification", "timeout", 600);
        assertThat(wake.get("woken_by").asText()).isEqualTo("notification");
        assertThat(t.phone.now()).isEqualTo(TestPhone.START);
        assertThat(t.phone.unreadNotifications(Actor.AGENT)).isEmpty();
        assertThat(t.phone.unreadNotifications(Actor.USER)).hasSize(1);
    }

    @Test
    void advancing_fires_triggers_in_time_order_at_their_own_times() {
        scheduleEmail(300, "B");
        scheduleEmail(100, "A");
        t.phone.advance(Duration.ofMinutes(10), "event delay");
        List<LogEntry.ToolCall> calls = t.phone.log().entries(LogEntry.ToolCall.class);
        assertThat(calls).extracting(c -> c.arguments().get("subject").asText()).containsExactly("A", "B");
        assertThat(calls).extracting(c -> c.time().getEpochSecond() - TestPhone.START.getEpochSecond()).containsExactly(100L, 300L);
        assertThat(t.phone.now()).isEqualTo(TestPhone.START.plusSeconds(600));
    }

    @Test
    void only_environment_tools_can_be_scheduled() {
        assertThatThrownBy(() -> t.phone.schedule(Duration.ZERO, "EmailClientApp__send_email", t.json.createObjectNode()))
                .hasMessage("EmailClientApp__send_email is not an environment trigger; only ENV tools can be scheduled");
        assertThatThrownBy(() -> t.phone.schedule(Duration.ZERO, "EmailClientApp__send_email_to_usr_only", t.json.createObjectNode()))
                .hasMessageContaining("did you mean 'EmailClientApp__send_email_to_user_only'?");
    }

    @Test
    void a_proposal_accepted_by_the_user_reaches_the_agent() {
        t.agent("AgentUserInterface__send_message_to_user", "content", "Shall I accept Bob's lunch invitation?");
        assertThat(t.phone.unreadNotifications(Actor.USER)).extracting(n -> n.text()).containsExactly("Assistant: Shall I accept Bob's lunch invitation?");
        t.user("AgentUserInterface__accept_proposal", "content", "Yes please");
        JsonNode wake = t.agent("SystemApp__wait_for_notification", "timeout", 60);
        assertThat(wake.get("notifications").findValuesAsText("text")).containsExactly("User accepted the proposal: Yes please");
        assertThat(t.agent("AgentUserInterface__get_last_message_from_user").get("kind").asText()).isEqualTo("accept");
        assertThat(t.state("AgentUserInterface").at("/proposals/proposal_1/status").asText()).isEqualTo("accepted");
    }

    @Test
    void answering_without_a_pending_proposal_is_refused() {
        assertThat(t.userError("AgentUserInterface__reject_proposal"))
                .isEqualTo("AgentUserInterface__reject_proposal: there is no pending proposal to answer; the assistant has not proposed anything yet");
        t.agent("AgentUserInterface__send_message_to_user", "content", "Order a cab?");
        t.user("AgentUserInterface__reject_proposal", "content", "No thanks");
        assertThat(t.userError("AgentUserInterface__accept_proposal")).contains("the last one is already rejected");
    }

    @Test
    void no_source_file_reads_the_wall_clock() throws IOException {
        Path main = Path.of("src/main/java");
        try (Stream<Path> files = Files.walk(main)) {
            List<String> offenders = files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    String s = Files.readString(p);
                    return s.matches("(?s).*(Instant\\.now\\(|System\\.currentTimeMillis|System\\.nanoTime|LocalDateTime\\.now|LocalDate\\.now|ZonedDateTime\\.now|Clock\\.system|new Date\\(\\)|Thread\\.sleep|new Random\\(|UUID\\.randomUUID).*");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).map(Path::toString).toList();
            assertThat(offenders).isEmpty();
        }
    }
}
