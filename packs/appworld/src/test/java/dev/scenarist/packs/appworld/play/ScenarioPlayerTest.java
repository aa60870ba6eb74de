package dev.scenarist.packs.appworld.play;

import dev.scenarist.packs.appworld.phone.log.LogEntry;
import dev.scenarist.packs.appworld.phone.notify.Notification;
import dev.scenarist.packs.appworld.phone.tools.Actor;
import dev.scenarist.packs.appworld.scenario.Scenario;
import dev.scenarist.packs.appworld.scenario.ScenarioEvent;
import dev.scenarist.packs.appworld.scenario.ScenarioFiles;
import dev.scenarist.packs.appworld.scenario.EventAction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScenarioPlayerTest {
    private final Player player = new Player(PlayOptions.DEFAULTS);

    private static Transcript played(PlayResult r) {
        assertThat(r).isInstanceOf(PlayResult.Played.class);
        return ((PlayResult.Played) r).transcript();
    }

    private static Instant at(String hms) {
        return Instant.parse("2024-10-15T" + hms + "Z");
    }

    @Test
    void the_oracle_replays_every_event_at_its_time_in_simulated_time_only() throws Exception {
        PlayResult r = player.playOracle(ScenarioFiles.read("valid", "invitation-reply"));
        assertThat(((PlayResult.Played) r).ending()).isEqualTo(PlayResult.Ending.QUIET);
        Map<String, EventOutcome> ev = played(r).events();
        assertThat(ev.get("invite")).isEqualTo(new EventOutcome.Happened("invite", at("09:00:05")));
        assertThat(ev.get("propose")).isEqualTo(new EventOutcome.Happened("propose", at("09:00:10")));
        assertThat(ev.get("accept")).isEqualTo(new EventOutcome.Happened("accept", at("09:00:20")));
        assertThat(ev.get("add_event")).isEqualTo(new EventOutcome.Happened("add_event", at("09:00:22")));
        assertThat(ev.get("reply")).isEqualTo(new EventOutcome.Happened("reply", at("09:00:24")));
        assertThat(played(r).endedAt()).isEqualTo(at("09:00:24"));
        assertThat(played(r).snapshot().at("/apps/CalendarApp/events/event_1/title").asText()).isEqualTo("Dinner with Lisa");
    }

    @Test
    void two_oracle_plays_leave_byte_identical_logs_and_snapshots() throws Exception {
        Scenario s = ScenarioFiles.read("valid", "rejected-move-reply");
        Transcript a = played(player.playOracle(s));
        Transcript b = played(player.playOracle(s));
        assertThat(a.logJsonLines()).isEqualTo(b.logJsonLines());
        assertThat(a.snapshot()).isEqualTo(b.snapshot());
    }

    @Test
    void a_conditional_event_fires_only_when_its_condition_holds_and_its_dependents_follow_it() throws Exception {
        Scenario s = ScenarioFiles.read("valid", "rejected-move-reply");
        assertThat(played(player.playOracle(s)).events().get("nudge")).isInstanceOf(EventOutcome.Happened.class);

        // the same flow where the user accepts the move: Tom does not write again, so nothing follows his nudge
        List<ScenarioEvent> accepting = s.events().stream().map(e -> e.id().equals("reject")
                ? new ScenarioEvent(e.id(), e.dependsOn(), e.delaySeconds(), e.condition(), new EventAction.UserReply(EventAction.Answer.ACCEPT, "ok"))
                : e).toList();
        Map<String, EventOutcome> ev = played(player.playOracle(s.withEvents(accepting))).events();
        assertThat(ev.get("nudge")).isInstanceOf(EventOutcome.Skipped.class);
        assertThat(ev.get("propose_reply")).isInstanceOf(EventOutcome.Skipped.class);
        assertThat(ev.get("reply")).isInstanceOf(EventOutcome.Skipped.class);
    }

    @Test
    void the_do_nothing_agent_gets_a_turn_for_each_notification_and_only_the_environment_acts() throws Exception {
        List<List<Notification>> seen = new ArrayList<>();
        Agent watcher = new Agent() {
            public String name() {
                return "watcher";
            }

            public void onTurn(AgentTurn turn) {
                seen.add(turn.news());
            }
        };
        Transcript t = played(player.play(ScenarioFiles.read("valid", "cancelled-meeting-reminder"), Cast.of(watcher)));
        assertThat(seen).hasSize(2);
        assertThat(seen.get(0)).extracting(Notification::text).containsExactly("Calendar event evt_review deleted by Dana Smith");
        assertThat(seen.get(1)).extracting(Notification::text).containsExactly("New email from dana.smith@work.com: Project review cancelled");
        assertThat(t.calls()).allMatch(c -> c.actor() == Actor.ENV);
        assertThat(t.events().get("propose")).isInstanceOf(EventOutcome.NeverHappened.class);
    }

    @Test
    void a_model_agent_meets_the_scripted_user_who_answers_its_proposal_after_the_scripted_delay() throws Exception {
        Agent model = new Agent() {
            boolean proposed;

            public String name() {
                return "model-like";
            }

            public void onTurn(AgentTurn turn) {
                if (!proposed && turn.news().stream().anyMatch(n -> n.source().equals("EmailClientApp__send_email_to_user_only"))) {
                    proposed = true;
                    turn.call("AgentUserInterface__send_message_to_user", Map.of("content", "Shall I delete the slides reminder?"));
                    // a model waiting for the answer: the wait runs the flow, so the user's reply arrives inside it
                    turn.call("SystemApp__wait_for_notification", Map.of("timeout", 3600));
                }
            }
        };
        Transcript t = played(player.play(ScenarioFiles.read("valid", "cancelled-meeting-reminder"), Cast.of(model)));
        // proposed when Dana's email arrived (09:00:13); the scripted accept comes 8 s later, during the agent's wait
        assertThat(t.events().get("propose")).isEqualTo(new EventOutcome.Happened("propose", at("09:00:13")));
        assertThat(t.events().get("accept")).isEqualTo(new EventOutcome.Happened("accept", at("09:00:21")));
        // the wait ended with the user's answer, not an hour later
        LogEntry.ToolCall wait = t.calls().stream().filter(c -> c.tool().equals("wait_for_notification")).findFirst().orElseThrow();
        assertThat(wait.time()).isBefore(at("09:01:00"));
        assertThat(((dev.scenarist.packs.appworld.phone.tools.ToolResult.Ok) wait.result()).value().toString()).contains("User accepted the proposal");
        assertThat(t.endedAt()).isBefore(at("10:00:00"));
    }

    @Test
    void a_looping_agent_is_stopped_by_the_tool_call_cap() throws Exception {
        Agent looping = new Agent() {
            public String name() {
                return "looping";
            }

            public void onTurn(AgentTurn turn) {
                while (turn.callsLeft() > 0) turn.call("SystemApp__get_current_time", Map.of());
                assertThat(turn.call("SystemApp__get_current_time", Map.of()).ok()).isFalse();
            }
        };
        PlayResult r = new Player(new PlayOptions(25, 100, Duration.ofHours(1))).play(ScenarioFiles.read("valid", "invitation-reply"), Cast.of(looping));
        assertThat(((PlayResult.Played) r).ending()).isEqualTo(PlayResult.Ending.TOOL_CALL_CAP);
        assertThat(played(r).calls().stream().filter(c -> c.actor() == Actor.AGENT)).hasSize(25);
    }

    @Test
    void an_agent_that_cannot_go_on_makes_the_play_an_infrastructure_failure_with_its_transcript() throws Exception {
        Agent failing = new Agent() {
            public String name() {
                return "failing";
            }

            public void onTurn(AgentTurn turn) throws AgentException {
                throw new AgentException("model endpoint gone for good");
            }
        };
        PlayResult r = player.play(ScenarioFiles.read("valid", "invitation-reply"), Cast.of(failing));
        assertThat(r).isInstanceOfSatisfying(PlayResult.AgentFailed.class, f -> {
            assertThat(f.problem()).contains("gone for good");
            assertThat(f.transcript().events().get("invite")).isInstanceOf(EventOutcome.Happened.class);
        });
    }

    @Test
    void a_bad_seed_makes_the_scenario_unplayable_with_the_seed_path() throws Exception {
        Scenario s = ScenarioFiles.read("broken", "APPS_SEED__misspelt-field");
        assertThat(player.playOracle(s)).isInstanceOfSatisfying(PlayResult.Unplayable.class,
                u -> assertThat(u.problem().location()).isEqualTo("$.apps.ContactsApp.contacts[0].emial"));
    }

    @Test
    void the_horizon_ends_a_play_whose_next_event_is_too_late() throws Exception {
        PlayResult r = new Player(new PlayOptions(200, 200, Duration.ofSeconds(20))).playOracle(ScenarioFiles.read("valid", "rejected-move-reply"));
        assertThat(((PlayResult.Played) r).ending()).isEqualTo(PlayResult.Ending.HORIZON);
        assertThat(played(r).events().get("nudge")).isInstanceOf(EventOutcome.NeverHappened.class);
        assertThat(played(r).endedAt()).isEqualTo(at("09:00:20"));
    }

    @Test
    void play_options_refuse_nonsense_caps() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PlayOptions(0, 1, Duration.ofHours(1))).hasMessageContaining("maxToolCalls");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PlayOptions(1, 1, Duration.ZERO)).hasMessageContaining("horizon");
    }
}
