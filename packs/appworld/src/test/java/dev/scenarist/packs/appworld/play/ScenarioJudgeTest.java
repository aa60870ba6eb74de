package dev.scenarist.packs.appworld.play;

import dev.scenarist.packs.appworld.scenario.Scenario;
import dev.scenarist.packs.appworld.scenario.ScenarioFiles;
import dev.scenarist.packs.appworld.scenario.Validation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScenarioJudgeTest {
    private final Player player = new Player(PlayOptions.DEFAULTS);

    private Transcript oracle(Scenario s) throws InterruptedException {
        return ((PlayResult.Played) player.playOracle(s)).transcript();
    }

    @Test
    void the_oracle_passes_and_the_verdict_names_the_predicate_that_met_each_goal() throws Exception {
        Scenario s = ScenarioFiles.read("valid", "invitation-reply");
        Verdict v = new Judge(s.validation()).judge(oracle(s));
        assertThat(v).isInstanceOfSatisfying(Verdict.Passed.class, p -> assertThat(p.met())
                .extracting(Verdict.Met::goalId, Verdict.Met::index)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("dinner_in_calendar", 0), org.assertj.core.groups.Tuple.tuple("lisa_answered", 0),
                        org.assertj.core.groups.Tuple.tuple("proposed_before_acting", 0)));
    }

    @Test
    void an_equivalent_tool_path_meets_the_goal_through_its_own_predicate() throws Exception {
        Scenario s = ScenarioFiles.read("valid", "invitation-reply");
        // an agent that writes Lisa a new email instead of replying to hers
        Agent other = new Agent() {
            public String name() {
                return "new-email";
            }

            public void onTurn(AgentTurn turn) {
                if (turn.news().isEmpty()) return;
                turn.call("AgentUserInterface__send_message_to_user", Map.of("content", "Add the dinner and tell Lisa?"));
                turn.call("CalendarApp__add_calendar_event", Map.of("title", "Dinner", "start_datetime", "2024-10-19 19:00:00", "end_datetime", "2024-10-19 21:00:00"));
                turn.call("EmailClientApp__send_email", Map.of("recipients", List.of("lisa.park@friends.org"), "content", "I'll come!"));
            }
        };
        Transcript t = ((PlayResult.Played) player.play(s, Cast.of(other))).transcript();
        Verdict v = new Judge(s.validation()).judge(t);
        assertThat(v).isInstanceOfSatisfying(Verdict.Passed.class, p -> assertThat(p.met())
                .filteredOn(m -> m.goalId().equals("lisa_answered")).extracting(Verdict.Met::index).containsExactly(1));
    }

    @Test
    void a_missed_goal_fails_with_its_rationale() throws Exception {
        Scenario s = ScenarioFiles.read("valid", "cancelled-meeting-reminder");
        Transcript noop = ((PlayResult.Played) player.play(s, Cast.noop())).transcript();
        Verdict v = new Judge(s.validation()).judge(noop);
        assertThat(v).isInstanceOfSatisfying(Verdict.Failed.class, f -> {
            assertThat(f.missed()).extracting(Verdict.Missed::goalId).containsExactly("slides_reminder_gone", "proposed_before_acting");
            assertThat(f.missed().getFirst().rationale()).contains("cancelled review");
            assertThat(f.met()).extracting(Verdict.Met::goalId).containsExactly("other_reminders_kept");
        });
        assertThat(v.passed()).isFalse();
    }

    @Test
    void a_predicate_that_does_not_compile_is_not_judged_never_passed() throws Exception {
        Scenario s = ScenarioFiles.read("valid", "invitation-reply");
        Validation broken = new Validation(List.of(new Validation.Goal("g", List.of("true", "apps.CalendarApp.events.exists(k, "), "r")));
        Verdict v = new Judge(broken).judge(oracle(s));
        assertThat(v).isInstanceOfSatisfying(Verdict.NotJudged.class, n -> {
            assertThat(n.goalId()).isEqualTo("g");
            assertThat(n.reason()).contains("does not compile");
        });
    }

    @Test
    void a_predicate_that_fails_to_evaluate_is_not_judged_even_when_another_predicate_is_true() throws Exception {
        Scenario s = ScenarioFiles.read("valid", "invitation-reply");
        Validation v = new Validation(List.of(new Validation.Goal("g", List.of("true", "apps.CalendarApp.events['nope'].title == 'x'"), "r")));
        assertThat(new Judge(v).judge(oracle(s))).isInstanceOfSatisfying(Verdict.NotJudged.class,
                n -> assertThat(n.predicate()).contains("nope"));
    }

    @Test
    void predicates_see_the_log_with_uniform_keys_and_the_state() throws Exception {
        Scenario s = ScenarioFiles.read("valid", "invitation-reply");
        Validation v = new Validation(List.of(
                new Validation.Goal("log_keys", List.of("log.all(e, has(e.seq) && has(e.time) && has(e.actor) && has(e.app) && has(e.tool) && has(e.args) && has(e.outcome) && has(e.result) && has(e.error))"), "r"),
                new Validation.Goal("reply_result", List.of("log.exists(e, e.actor == 'agent' && e.tool == 'reply_to_email' && e.result == 'email_2' && e.time == '2024-10-15 09:00:24')"), "r"),
                new Validation.Goal("state_time", List.of("state.current_datetime == '2024-10-15 09:00:24' && 'EmailClientApp' in apps"), "r")));
        assertThat(new Judge(v).judge(oracle(s))).isInstanceOf(Verdict.Passed.class);
    }
}
