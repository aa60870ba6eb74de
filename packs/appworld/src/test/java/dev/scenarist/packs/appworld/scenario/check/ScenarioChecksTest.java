package dev.scenarist.packs.appworld.scenario.check;

import dev.scenarist.core.model.Finding;
import dev.scenarist.packs.appworld.play.PlayOptions;
import dev.scenarist.packs.appworld.play.Verdict;
import dev.scenarist.packs.appworld.scenario.Scenario;
import dev.scenarist.packs.appworld.scenario.ScenarioFiles;
import dev.scenarist.packs.appworld.scenario.ScenarioReader;
import dev.scenarist.packs.appworld.scenario.Section;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScenarioChecksTest {
    private final ScenarioChecks checks = new ScenarioChecks(PlayOptions.DEFAULTS);

    @Test
    void every_valid_example_passes_every_check_without_a_single_finding() throws Exception {
        for (Path p : ScenarioFiles.in("valid")) {
            Scenario s = new ScenarioReader().read(ScenarioFiles.text(p));
            assertThat(checks.all(s)).as(p.toString()).isEmpty();
        }
    }

    @Test
    void every_valid_example_is_discriminative_against_noop_an_impatient_agent_and_a_wrong_item_agent() throws Exception {
        for (Path p : ScenarioFiles.in("valid")) {
            Discrimination d = checks.discriminate(new ScenarioReader().read(ScenarioFiles.text(p)));
            assertThat(d.discriminative()).as(p.toString()).isTrue();
            assertThat(d.oracle()).isInstanceOf(Verdict.Passed.class);
            assertThat(d.noop()).isInstanceOf(Verdict.Failed.class);
            assertThat(d.wrong()).extracting(Discrimination.WrongRun::agent).as(p.toString())
                    .contains("wrong:no-proposal").anyMatch(a -> a.startsWith("wrong:wrong-item:"));
            assertThat(d.wrong()).allMatch(w -> w.verdict() instanceof Verdict.Failed);
        }
    }

    @Test
    void every_broken_variant_is_caught_by_the_check_it_is_named_after() throws Exception {
        List<Path> files = ScenarioFiles.in("broken");
        assertThat(files).hasSizeGreaterThanOrEqualTo(28);
        for (Path p : files) {
            String code = ScenarioFiles.expectedCode(p);
            List<Finding> findings = checks.all(new ScenarioReader().read(ScenarioFiles.text(p)));
            assertThat(findings).as(p + " -> " + findings).anyMatch(f -> f.code().equals(code));
            Finding f = findings.stream().filter(x -> x.code().equals(code)).findFirst().orElseThrow();
            assertThat(f.location()).as(p.toString()).startsWith("$");
            assertThat(f.hint()).isNotBlank();
            assertThat(CheckCode.of(f)).as(p.toString()).isPresent();
        }
    }

    @Test
    void a_wrong_agent_that_slips_through_is_named_with_the_goals_that_let_it() throws Exception {
        Discrimination d = checks.discriminate(ScenarioFiles.read("broken", "WRONG_AGENT_PASSES_VALIDATION__counts-reminders"));
        assertThat(d.discriminative()).isFalse();
        assertThat(d.findings()).anySatisfy(f -> {
            assertThat(f.code()).isEqualTo("WRONG_AGENT_PASSES_VALIDATION");
            assertThat(f.message()).contains("wrong:wrong-item:delete").contains("reminder_id is \"r2\"").contains("one_reminder_gone");
        });
        Discrimination n = checks.discriminate(ScenarioFiles.read("broken", "WRONG_AGENT_PASSES_VALIDATION__no-proposal-check"));
        assertThat(n.findings()).anySatisfy(f -> assertThat(f.message()).contains("wrong:no-proposal").contains("dinner_in_calendar"));
    }

    @Test
    void the_oracle_run_reports_the_phones_own_error_for_a_bad_argument() throws Exception {
        List<Finding> f = checks.events(ScenarioFiles.read("broken", "BAD_ARGUMENT__bad-datetime"));
        assertThat(f).anySatisfy(x -> {
            assertThat(x.code()).isEqualTo("BAD_ARGUMENT");
            assertThat(x.location()).isEqualTo("$.events[3].action");
            assertThat(x.message()).contains("add_event").contains("Saturday 7pm");
        });
        assertThat(checks.events(ScenarioFiles.read("broken", "BAD_ARGUMENT__second-accept")))
                .anySatisfy(x -> assertThat(x.message()).contains("no pending proposal"));
    }

    @Test
    void the_oracle_run_alone_reports_unknown_tools_and_conditions_that_do_not_compile() throws Exception {
        dev.scenarist.packs.appworld.play.Player player = new dev.scenarist.packs.appworld.play.Player(PlayOptions.DEFAULTS);
        var rules = new dev.scenarist.packs.appworld.internal.check.OracleRunRules();
        Scenario unknown = ScenarioFiles.read("broken", "UNKNOWN_TOOL__made-up-tool");
        assertThat(rules.check(unknown, player.playOracle(unknown))).anySatisfy(f -> {
            assertThat(f.code()).isEqualTo("UNKNOWN_TOOL");
            assertThat(f.message()).contains("unknown tool 'CalendarApp__create_event'");
            assertThat(f.location()).isEqualTo("$.events[3].action");
        });
        Scenario condition = ScenarioFiles.read("broken", "CONDITION_DOES_NOT_COMPILE__half-condition");
        assertThat(rules.check(condition, player.playOracle(condition))).extracting(Finding::code)
                .contains("CONDITION_DOES_NOT_COMPILE", "UNRESOLVED_DEPENDENCY");
    }

    @Test
    void a_trigger_that_never_fires_in_the_oracle_run_is_a_finding() throws Exception {
        ScenarioChecks shortPlays = new ScenarioChecks(new PlayOptions(200, 200, Duration.ofSeconds(20)));
        List<Finding> f = shortPlays.events(ScenarioFiles.read("valid", "rejected-move-reply"));
        assertThat(f).extracting(Finding::code).contains("TRIGGER_NEVER_FIRES", "ORACLE_RUN_CAPPED");
        assertThat(f).filteredOn(x -> x.code().equals("TRIGGER_NEVER_FIRES")).extracting(Finding::location).containsExactly("$.events[3]");
    }

    @Test
    void static_findings_point_at_the_json_path_of_the_bad_value() {
        assertThat(checks.staticEvents(ScenarioFiles.read("broken", "DELAY_TOO_LONG__slow-user")))
                .extracting(Finding::location).containsExactly("$.events[2].delay_seconds");
        assertThat(checks.staticEvents(ScenarioFiles.read("broken", "UNKNOWN_TOOL__made-up-tool")))
                .anySatisfy(f -> {
                    assertThat(f.location()).isEqualTo("$.events[3].action.tool");
                    assertThat(f.message()).contains("did you mean").contains("CalendarApp__");
                });
    }

    @Test
    void a_missing_distractor_is_a_warning_not_an_error() throws Exception {
        List<Finding> f = checks.all(ScenarioFiles.read("broken", "NO_DISTRACTOR__single-reminder"));
        assertThat(f).extracting(Finding::code).containsExactly("NO_DISTRACTOR");
        assertThat(f.getFirst().isError()).isFalse();
    }

    @Test
    void each_check_names_the_section_whose_step_can_fix_it() {
        assertThat(CheckCode.APPS_SEED.section()).isEqualTo(Section.APPS);
        assertThat(CheckCode.DELAY_TOO_LONG.section()).isEqualTo(Section.EVENTS);
        assertThat(CheckCode.BAD_ARGUMENT.section()).isEqualTo(Section.EVENTS);
        assertThat(CheckCode.NOOP_PASSES_VALIDATION.section()).isEqualTo(Section.VALIDATION);
        for (CheckCode c : CheckCode.values()) assertThat(c.fix()).as(c.name()).isNotBlank();
    }
}
