package dev.scenarist.packs.services.internal.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.pack.Check;
import dev.scenarist.packs.services.catalog.ResourceCatalog;
import dev.scenarist.packs.services.format.ScenarioFiles;
import dev.scenarist.sandbox.testing.ThisMachine;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The static checks over the reference example and over copies of it with one thing broken: each broken copy fails
 * with exactly one error, of the expected code, at the expected file and line or JSON path.
 */
class StaticChecksTest {
    private static final String SEED = ScenarioFiles.SEED_SQL;
    private static final String SCHEMA = ScenarioFiles.SCHEMA_SQL;
    private static final String INTAKE = ScenarioFiles.N8N_DIR + "booking-intake.json";
    private static final String REMINDERS = ScenarioFiles.N8N_DIR + "appointment-reminders.json";

    private final List<Check> checks = StaticChecks.all(ResourceCatalog.bundled(), ThisMachine.sandbox());

    @TempDir
    Path tmp;

    private ExampleScenario example() {
        return ExampleScenario.copyInto(tmp);
    }

    /** The only error of all checks. */
    private Finding onlyError(ExampleScenario s) throws InterruptedException {
        List<Finding> errors = s.errors(checks);
        assertThat(errors).as("errors").hasSize(1);
        return errors.getFirst();
    }

    @Test
    void the_checks_run_in_order_cheap_tiers_first() {
        assertThat(checks).extracting(Check::name).containsExactly("schemas", "n8n-connections", "references", "sql-lexical", "catalog",
                "ports", "names", "bash-syntax", "shellcheck");
        assertThat(checks).extracting(Check::tier).isSorted();
        assertThat(checks.stream().filter(c -> c.tier() == Check.TIER_PROCESS).map(Check::name)).containsExactly("bash-syntax", "shellcheck");
    }

    @Test
    void the_reference_example_passes_every_static_check() throws InterruptedException {
        ExampleScenario s = example();
        for (Check c : checks) {
            CheckResult r = s.run(c);
            assertThat(r).as("%s: %s", c.name(), r.findings()).isInstanceOf(CheckResult.Passed.class);
            assertThat(r.findings()).as(c.name()).isEmpty();
        }
    }

    @Test
    void a_phase_naming_a_missing_file_is_a_missing_file_at_the_tasks_json_path() throws InterruptedException {
        var s = example().replace(ScenarioFiles.SERVICE, "\"file\": \"deployment/startup.sh\"", "\"file\": \"deployment/start.sh\"");
        Finding f = onlyError(s);
        assertThat(f.code()).isEqualTo("SVC_MISSING_FILE_TASK");
        assertThat(f.location()).isEqualTo("service.json#/deployment/phases/3/tasks/0/file");
        assertThat(f.message()).contains("task 'start-service'", "deployment/start.sh does not exist", "(line 61)");
        assertThat(f.hint()).contains("deployment/start.sh");
    }

    @Test
    void an_unterminated_string_in_seed_sql_is_reported_on_the_line_it_opens() throws InterruptedException {
        var s = example().replace(SEED, "'attended');", "'attended);");
        Finding f = onlyError(s);
        assertThat(f.code()).isEqualTo("SVC_SYNTAX_SQL_UNTERMINATED_STRING");
        assertThat(f.location()).isEqualTo(SEED + ":15");
        assertThat(f.hint()).contains("''");
    }

    @Test
    void an_unclosed_parenthesis_in_schema_sql_is_reported_on_the_line_of_the_open_parenthesis() throws InterruptedException {
        var s = example().replaceLine(SCHEMA, 6, ";");
        Finding f = onlyError(s);
        assertThat(f.code()).isEqualTo("SVC_SYNTAX_SQL_UNBALANCED_PARENTHESIS");
        assertThat(f.location()).isEqualTo(SCHEMA + ":2");
        assertThat(f.message()).contains("'(' on line 2 is never closed");
    }

    @Test
    void an_extra_closing_parenthesis_is_reported_on_its_own_line() throws InterruptedException {
        var s = example().replace(SCHEMA, "(starts_at);", "(starts_at));");
        Finding f = onlyError(s);
        assertThat(f.code()).isEqualTo("SVC_SYNTAX_SQL_UNBALANCED_PARENTHESIS");
        assertThat(f.location()).isEqualTo(SCHEMA + ":24");
    }

    @Test
    void a_bash_syntax_error_is_reported_by_bash_n_with_its_line() throws InterruptedException {
        var s = example().replaceLine(ScenarioFiles.STARTUP, 25, "fi");
        CheckResult r = s.run(new BashSyntaxCheck(ThisMachine.sandbox()));
        assertThat(r).isInstanceOf(CheckResult.Failed.class);
        assertThat(r.findings()).extracting(Finding::code, Finding::location)
                .containsExactly(tuple("SVC_SYNTAX_SHELL", ScenarioFiles.STARTUP + ":25"));
        assertThat(r.findings().getFirst().message()).contains("syntax error near unexpected token `fi'");
        // shellcheck sees the same broken loop; no other check says anything
        assertThat(s.errors(checks)).extracting(Finding::code).containsOnly("SVC_SYNTAX_SHELL", "SVC_SYNTAX_SHELLCHECK");
    }

    @Test
    void a_script_without_a_bash_shebang_is_refused() throws InterruptedException {
        var s = example().replace(ScenarioFiles.TEST_SCRIPT, "#!/usr/bin/env bash", "#!/bin/sh");
        Finding f = onlyError(s);
        assertThat(f.code()).isEqualTo("SVC_SYNTAX_SHEBANG");
        assertThat(f.location()).isEqualTo("test.sh:1");
    }

    @Test
    void a_shellcheck_error_that_bash_accepts_is_reported_with_its_code_and_line() throws InterruptedException {
        var s = example().replace(ScenarioFiles.TEST_SCRIPT, "if [ \"$DRY_RUN\" = \"1\" ]; then", "if [ \"$DRY_RUN\" > 0 ]; then");
        Finding f = onlyError(s);
        assertThat(f.code()).isEqualTo("SVC_SYNTAX_SHELLCHECK");
        assertThat(f.location()).isEqualTo("test.sh:10");
        assertThat(f.message()).startsWith("SC2071: ");
        assertThat(f.hint()).contains("https://www.shellcheck.net/wiki/SC2071");
    }

    @Test
    void two_listeners_on_one_port_are_a_port_clash() throws InterruptedException {
        var s = example().replace(ScenarioFiles.SERVICE, "\"port\": 8420", "\"port\": 5678");
        Finding f = onlyError(s);
        assertThat(f.code()).isEqualTo("SVC_CONFIGURATION_PORT_CLASH");
        assertThat(f.location()).isEqualTo("service.json#/resources/automation/n8n/port");
        assertThat(f.message()).contains("resource 'n8n' uses port 5678", "the service 'dental-appointments'", "(line 28)");
    }

    @Test
    void a_resource_left_at_the_catalogs_port_clashes_too() throws InterruptedException {
        // postgres without a port listens on the catalog's 5432; the service claims it
        var s = example().replace(ScenarioFiles.SERVICE, "\"port\": 5433,", "")
                .replace(ScenarioFiles.SERVICE, "\"port\": 8420", "\"port\": 5432")
                .replace(ScenarioFiles.RESOURCE_URLS, "localhost:5433", "localhost:5432");
        Finding f = onlyError(s);
        assertThat(f.code()).isEqualTo("SVC_CONFIGURATION_PORT_CLASH");
        assertThat(f.location()).isEqualTo("service.json#/resources/storage/postgres");
        assertThat(f.message()).contains("the catalog's default");
    }

    @Test
    void a_resource_outside_the_catalog_is_named_with_the_catalogs_resources() throws InterruptedException {
        var s = example().replace(ScenarioFiles.SERVICE, "    \"automation\": {",
                "    \"queue\": {\"rabbitmq\": {\"enabled\": false, \"required\": false}},\n    \"automation\": {");
        Finding f = onlyError(s);
        assertThat(f.code()).isEqualTo("SVC_CONFIGURATION_UNKNOWN_RESOURCE");
        assertThat(f.location()).isEqualTo("service.json#/resources/queue/rabbitmq");
        assertThat(f.hint()).contains("postgres", "n8n");
        assertThat(f.fix()).contains("--option catalog=");
    }

    @Test
    void a_resource_under_the_wrong_category_or_with_a_foreign_initialization_kind_is_refused() throws InterruptedException {
        var s = example().replace(ScenarioFiles.SERVICE, "\"workflows\": [", "\"flows\": [");
        Finding f = onlyError(s);
        assertThat(f.code()).isEqualTo("SVC_CONFIGURATION_INITIALIZATION_KIND");
        assertThat(f.location()).isEqualTo("service.json#/resources/automation/n8n/initialization/flows");
        assertThat(f.hint()).contains("workflows");
    }

    @Test
    void a_resource_url_on_another_port_than_the_resource_is_a_mismatch() throws InterruptedException {
        var s = example().replace(ScenarioFiles.RESOURCE_URLS, "http://localhost:5678", "http://localhost:5679");
        Finding f = onlyError(s);
        assertThat(f.code()).isEqualTo("SVC_CONFIGURATION_RESOURCE_URL_PORT");
        assertThat(f.location()).isEqualTo(ScenarioFiles.RESOURCE_URLS + "#/n8n");
        assertThat(f.message()).contains("uses port 5679", "listens on 5678", "(line 3)");
    }

    @Test
    void a_localhost_port_in_a_script_that_nothing_declares_is_reported_with_its_line() throws InterruptedException {
        var s = example().replace(ScenarioFiles.TEST_SCRIPT, "http://localhost:$N8N_PORT/webhook/book\"\n  exit 0",
                "http://localhost:9999/webhook/book\"\n  exit 0");
        Finding f = onlyError(s);
        assertThat(f.code()).isEqualTo("SVC_CONFIGURATION_UNDECLARED_PORT");
        assertThat(f.location()).isEqualTo("test.sh:11");
    }

    @Test
    void an_n8n_connection_to_a_missing_node_names_the_connection() throws InterruptedException {
        var s = example().replace(INTAKE, "[[{\"node\": \"Confirm\"", "[[{\"node\": \"Confirmation\"");
        Finding f = onlyError(s);
        assertThat(f.code()).isEqualTo("SVC_CONFIGURATION_N8N_UNKNOWN_NODE");
        assertThat(f.location()).isEqualTo(INTAKE + "#/connections/Store appointment/main/0/0/node");
        assertThat(f.message()).contains("'Confirmation'", "(line 15)");
        assertThat(f.hint()).contains("'Confirm'");
    }

    @Test
    void an_n8n_credential_with_a_secret_value_is_refused() throws InterruptedException {
        var s = example().replace(REMINDERS, "{\"postgres\": {\"name\": \"dental-appointments-postgres\"}}",
                "{\"postgres\": {\"name\": \"dental-appointments-postgres\", \"password\": \"hunter2\"}}");
        Finding f = onlyError(s);
        assertThat(f.code()).isEqualTo("SVC_CONFIGURATION_N8N_CREDENTIAL");
        assertThat(f.location()).startsWith(REMINDERS + "#/nodes/1/credentials/postgres");
        assertThat(f.message()).contains("password", "(line 10)");
        assertThat(f.hint()).contains("by name only");
    }

    @Test
    void retries_out_of_range_in_service_json_is_a_schema_violation_at_its_json_path() throws InterruptedException {
        var s = example().replace(ScenarioFiles.SERVICE, "\"timeout\": 60, \"retries\": 2}", "\"timeout\": 60, \"retries\": 9}");
        Finding f = onlyError(s);
        assertThat(f.code()).isEqualTo("SVC_CONFIGURATION_SCHEMA");
        assertThat(f.location()).isEqualTo("service.json#/deployment/phases/1/tasks/0/retries");
        assertThat(f.message()).contains("5", "found: 9", "(line 48)");
    }

    @Test
    void a_task_missing_its_type_specific_field_is_named() throws InterruptedException {
        var s = example().replace(ScenarioFiles.SERVICE, "\"resource\": \"postgres\", \"file\": \"initialization/storage/schema.sql\",",
                "\"resource\": \"postgres\",");
        List<Finding> errors = s.errors(checks);
        assertThat(errors).extracting(Finding::code, Finding::location)
                .contains(tuple("SVC_CONFIGURATION_SCHEMA", "service.json#/deployment/phases/0/tasks/0/file"));
    }

    @Test
    void a_field_of_another_task_type_is_named_with_the_fields_this_type_allows() throws InterruptedException {
        var s = example().replace(ScenarioFiles.SERVICE, "\"file\": \"deployment/startup.sh\"", "\"files\": [\"deployment/startup.sh\"]");
        List<Finding> errors = s.errors(checks);
        assertThat(errors).extracting(Finding::code).containsOnly("SVC_CONFIGURATION_SCHEMA");
        assertThat(errors).extracting(Finding::location)
                .containsExactly("service.json#/deployment/phases/3/tasks/0/file", "service.json#/deployment/phases/3/tasks/0/files");
        assertThat(errors.get(1).message()).contains("'files'", "\"args\"", "(line 61)");
    }

    @Test
    void service_json_that_is_not_json_is_a_syntax_error_with_its_line_and_nothing_else_piles_up() throws InterruptedException {
        var s = example().replace(ScenarioFiles.SERVICE, "\"version\": \"1.0.0\",", "\"version\": \"1.0.0\"");
        Finding f = onlyError(s);
        assertThat(f.code()).isEqualTo("SVC_SYNTAX_JSON");
        assertThat(f.location()).isEqualTo("service.json:7");
    }

    @Test
    void scenario_test_yaml_is_validated_after_reading_the_yaml() throws InterruptedException {
        var s = example().replace(ScenarioFiles.SCENARIO_TEST, "    expect_status: 200", "    expect_status: 2000");
        Finding f = onlyError(s);
        assertThat(f.code()).isEqualTo("SVC_CONFIGURATION_SCHEMA");
        assertThat(f.location()).isEqualTo("scenario-test.yaml#/tests/2/expect_status");
        assertThat(f.message()).contains("(line 29)");
    }

    @Test
    void names_must_agree_between_service_json_scenario_test_and_app_config() throws InterruptedException {
        var s = example().replace(ScenarioFiles.SCENARIO_TEST, "scenario: dental-appointments", "scenario: dental-bookings")
                .replace(ScenarioFiles.APP_CONFIG, "\"service\": \"dental-appointments\"", "\"service\": \"dental\"");
        assertThat(s.errors(checks)).extracting(Finding::code, Finding::location).containsExactly(
                tuple("SVC_CONFIGURATION_NAME_MISMATCH", "scenario-test.yaml:2"),
                tuple("SVC_CONFIGURATION_NAME_MISMATCH", ScenarioFiles.APP_CONFIG + "#/service"));
    }

    @Test
    void a_resource_scenario_test_requires_must_be_declared() throws InterruptedException {
        var s = example().replace(ScenarioFiles.SCENARIO_TEST, "required: [postgres, n8n]", "required: [postgres, n8n, redis]");
        Finding f = onlyError(s);
        assertThat(f.code()).isEqualTo("SVC_CONFIGURATION_UNDECLARED_RESOURCE");
        assertThat(f.location()).isEqualTo("scenario-test.yaml:14");
    }

    @Test
    void a_task_on_an_undeclared_resource_and_sql_on_a_resource_without_sql_are_refused() throws InterruptedException {
        var s = example().replace(ScenarioFiles.SERVICE, "{\"name\": \"postgres-ready\", \"type\": \"healthcheck\", \"resource\": \"postgres\"",
                "{\"name\": \"postgres-ready\", \"type\": \"healthcheck\", \"resource\": \"redis\"")
                .replace(ScenarioFiles.SERVICE, "{\"name\": \"load-seed-data\", \"type\": \"sql\", \"resource\": \"postgres\"",
                        "{\"name\": \"load-seed-data\", \"type\": \"sql\", \"resource\": \"n8n\"");
        assertThat(s.errors(checks)).extracting(Finding::code, Finding::location).containsExactly(
                tuple("SVC_CONFIGURATION_SQL_RESOURCE", "service.json#/deployment/phases/0/tasks/1/resource"),
                tuple("SVC_CONFIGURATION_UNDECLARED_RESOURCE", "service.json#/deployment/phases/4/tasks/0/resource"));
    }

    @Test
    void an_empty_required_folder_and_a_missing_required_file_are_reported_once_each() throws InterruptedException {
        var s = example();
        s.workspace.delete("prompts/booking-assistant.md");
        s.workspace.delete(ScenarioFiles.SEED_SQL);
        // seed.sql is named by a task, a resource's initialization, scenario-test.yaml and the pack: the task says it first
        assertThat(s.errors(checks)).extracting(Finding::code, Finding::location).containsExactly(
                tuple("SVC_MISSING_FILE_TASK", "service.json#/deployment/phases/0/tasks/1/file"),
                tuple("SVC_MISSING_FILE_FOLDER", "scenario-test.yaml:12"));
    }
}
