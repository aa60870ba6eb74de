package dev.scenarist.packs.services.internal.dryrun;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.model.Finding;
import dev.scenarist.packs.services.format.ScenarioFiles;
import dev.scenarist.sandbox.Sandbox;
import dev.scenarist.sandbox.testing.ThisMachine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in dry-run over the reference example and broken copies of it: a real PostgreSQL, the real sandbox. */
class DryRunCheckTest {
    private static final Map<String, Integer> CATALOG_PORTS = Map.of("postgres", 5432, "n8n", 5678);
    private static PostgresServer postgres;
    private static Sandbox sandbox;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        postgres = new PostgresServer();
        sandbox = ThisMachine.sandbox();
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @AfterEach
    void noScratchDatabaseOrRoleIsLeft() throws Exception {
        if (!postgres.running()) return;
        try (Connection c = postgres.admin(); Statement s = c.createStatement()) {
            assertThat(count(s, "SELECT count(*) FROM pg_database WHERE datname LIKE 'dryrun\\_%'")).isZero();
            assertThat(count(s, "SELECT count(*) FROM pg_roles WHERE rolname LIKE 'dryrun\\_%'")).isZero();
        }
    }

    private static DryRunCheck check() {
        return new DryRunCheck(postgres, sandbox, Optional.empty(), CATALOG_PORTS);
    }

    private ExampleScenario example() {
        return new ExampleScenario(dir);
    }

    private static CheckResult run(ExampleScenario scenario) throws InterruptedException {
        return check().run(scenario.context());
    }

    private static List<Finding> errors(CheckResult r) {
        return r.findings().stream().filter(Finding::isError).toList();
    }

    private JsonNode report(ExampleScenario scenario, int attempt) throws Exception {
        return new ObjectMapper().readTree(scenario.artifacts.resolve("dry-run/" + attempt + "/report.json").toFile());
    }

    @Test
    void theReferenceExamplePassesAndItsSchemaAndSeedReallyLoad() throws Exception {
        ExampleScenario scenario = example();
        CheckResult r = run(scenario);

        assertThat(r).as("%s", r).isInstanceOf(CheckResult.Passed.class);
        JsonNode report = report(scenario, 1);
        assertThat(report.path("tables").path("dentists").asLong()).isEqualTo(2);
        assertThat(report.path("tables").path("patients").asLong()).isEqualTo(3);
        assertThat(report.path("tables").path("appointments").asLong()).isEqualTo(4);
        assertThat(report.path("errors_by_class").path("database").asInt()).isZero();
        List<String> statuses = report.path("tasks").findValuesAsText("status");
        assertThat(statuses).doesNotContain("failed");
        assertThat(report.path("tasks").findValuesAsText("task")).contains("create-schema", "load-seed-data", "start-service", "test.sh",
                "booked appointments exist", "every appointment has a patient");
        Finding summary = r.findings().getLast();
        assertThat(summary.code()).isEqualTo(DryRunReport.SUMMARY_CODE);
        assertThat(summary.message()).contains("3 tables, 9 rows").contains("database=0");
        // the script ran with the dry-run's environment and printed its actions instead of performing them
        String startupOut = Files.readString(scenario.artifacts.resolve("dry-run/1/" + stdoutOf(report, "start-service")));
        assertThat(startupOut).contains("[dry-run] psql -h localhost -p 5433").contains("startup: dental-appointments ready");
        // the deployer's hand-overs happened in the scratch copy, never in the workspace
        assertThat(scenario.workspace.list()).noneMatch(f -> f.startsWith(".deploy"));
    }

    private static String stdoutOf(JsonNode report, String task) {
        for (JsonNode t : report.path("tasks")) if (t.path("task").asText().equals(task)) return t.path("stdout").asText();
        throw new AssertionError("no task " + task + " in " + report);
    }

    @Test
    void aSeedInsertingAnUndefinedColumnIsADatabaseErrorAtItsSeedLine() throws Exception {
        ExampleScenario scenario = example().replace(ScenarioFiles.SEED_SQL, "INSERT INTO patients (name, email, phone)",
                "INSERT INTO patients (name, email, mobile)");
        CheckResult r = run(scenario);

        assertThat(r).isInstanceOf(CheckResult.Failed.class);
        Finding f = errors(r).getFirst();
        assertThat(f.code()).isEqualTo("SVC_DATABASE_UNDEFINED_COLUMN");
        assertThat(f.location()).isEqualTo(ScenarioFiles.SEED_SQL + ":6");
        assertThat(f.message()).contains("\"mobile\"");
        assertThat(f.hint()).isNotBlank();
        // the SQL tests are not run against a half-loaded database
        assertThat(errors(r)).hasSize(1);
        assertThat(report(scenario, 1).path("errors_by_class").path("database").asInt()).isEqualTo(1);
    }

    @Test
    void aSyntaxErrorInTheSchemaIsASyntaxErrorAtItsLineAndTheSeedIsSkipped() throws Exception {
        // without the comma after the primary key, PostgreSQL stops at "name" on the next line (line 10)
        ExampleScenario scenario = example().replace(ScenarioFiles.SCHEMA_SQL, "    id     SERIAL PRIMARY KEY,\n    name   TEXT NOT NULL,",
                "    id     SERIAL PRIMARY KEY\n    name   TEXT NOT NULL,");
        CheckResult r = run(scenario);

        Finding f = errors(r).getFirst();
        assertThat(f.code()).isEqualTo("SVC_SYNTAX_SQL");
        assertThat(f.location()).isEqualTo(ScenarioFiles.SCHEMA_SQL + ":10");
        assertThat(errors(r)).hasSize(1);
        JsonNode seed = taskNamed(report(scenario, 1), "load-seed-data");
        assertThat(seed.path("status").asText()).isEqualTo("skipped");
    }

    private static JsonNode taskNamed(JsonNode report, String task) {
        for (JsonNode t : report.path("tasks")) if (t.path("task").asText().equals(task)) return t;
        throw new AssertionError("no task " + task + " in " + report);
    }

    @Test
    void aForeignKeyToAMissingRowIsADatabaseErrorAtTheInsert() throws Exception {
        ExampleScenario scenario = example().replace(ScenarioFiles.SEED_SQL, "(2, 1, '2026-11-24 11:30:00+01', 'attended')",
                "(2, 42, '2026-11-24 11:30:00+01', 'attended')");
        CheckResult r = run(scenario);

        Finding f = errors(r).getFirst();
        assertThat(f.code()).isEqualTo("SVC_DATABASE_FOREIGN_KEY");
        assertThat(f.location()).isEqualTo(ScenarioFiles.SEED_SQL + ":11");
        assertThat(f.message()).contains("23503").contains("42");
    }

    @Test
    void aStartupScriptReadingAMissingFileAtRunTimeIsAMissingFileAtItsLine() throws Exception {
        // line 26 of startup.sh, after the file checks: a config file nobody wrote
        ExampleScenario scenario = example().replace(ScenarioFiles.STARTUP, "done\n\nrun psql",
                "done\nFLAGS=\"$(cat \"$SCENARIO_DIR/initialization/configuration/feature-flags.json\")\"\nrun psql");
        assertThat(scenario.read(ScenarioFiles.STARTUP).lines().toList().get(25)).startsWith("FLAGS=");
        CheckResult r = run(scenario);

        assertThat(r).isInstanceOf(CheckResult.Failed.class);
        Finding f = errors(r).getFirst();
        assertThat(f.code()).isEqualTo("SVC_MISSING_FILE_SCRIPT");
        assertThat(f.location()).isEqualTo(ScenarioFiles.STARTUP + ":26");
        assertThat(f.message()).contains("initialization/configuration/feature-flags.json").doesNotContain("scenarist-dry-run-");
        JsonNode report = report(scenario, 1);
        assertThat(report.path("errors_by_class").path("missing_file").asInt()).isEqualTo(1);
        assertThat(Files.readString(scenario.artifacts.resolve("dry-run/1/" + taskNamed(report, "start-service").path("stderr").asText())))
                .contains("No such file or directory");
    }

    @Test
    void aScenarioTestTheSeedDoesNotMeetFailsAtTheTest() throws Exception {
        ExampleScenario scenario = example().replace(ScenarioFiles.SCENARIO_TEST, "WHERE status = 'booked'\"\n    expect_min: 1",
                "WHERE status = 'booked'\"\n    expect_min: 5");
        CheckResult r = run(scenario);

        Finding f = errors(r).getFirst();
        assertThat(f.code()).isEqualTo("SVC_DATABASE_SQL_TEST");
        assertThat(f.location()).isEqualTo(ScenarioFiles.SCENARIO_TEST + ":16");
        assertThat(f.message()).contains("booked appointments exist").contains("at least 5, got 2");
        assertThat(errors(r)).hasSize(1);
    }

    @Test
    void handedOverFilesMustExistAndParseAndLandWhereTheDeployerPutsThem() throws Exception {
        ExampleScenario scenario = example()
                .write(ScenarioFiles.N8N_DIR + "booking-intake.json", "{\n  \"name\": \"Booking intake\",\n  \"nodes\": [,]\n}\n")
                .replace(ScenarioFiles.SERVICE, "\"file\": \"initialization/configuration/resource-urls.json\"",
                        "\"file\": \"initialization/configuration/urls.json\"")
                // the startup script looks for what the deployer handed over, as a real one would
                .replace(ScenarioFiles.STARTUP, "done\n\nrun psql", "done\ntest -f \"$SCENARIO_DIR/.deploy/config/app-config.json\"\nrun psql");
        CheckResult r = run(scenario);

        assertThat(errors(r)).extracting(Finding::code, Finding::location).containsExactly(
                org.assertj.core.groups.Tuple.tuple("SVC_SYNTAX_JSON", ScenarioFiles.N8N_DIR + "booking-intake.json:3"),
                org.assertj.core.groups.Tuple.tuple("SVC_MISSING_FILE_TASK_FILE", ScenarioFiles.SERVICE));
        assertThat(taskNamed(report(scenario, 1), "start-service").path("status").asText()).isEqualTo("done");
    }

    @Test
    void aScriptThatSleepsPastItsTimeoutIsStopped() throws Exception {
        ExampleScenario scenario = example()
                .replace(ScenarioFiles.SERVICE, "\"file\": \"deployment/startup.sh\", \"timeout\": 120", "\"file\": \"deployment/startup.sh\", \"timeout\": 2")
                .replace(ScenarioFiles.STARTUP, "done\n\nrun psql", "done\nsleep 600\nrun psql");
        CheckResult r = run(scenario);

        Finding f = errors(r).getFirst();
        assertThat(f.code()).isEqualTo("SVC_CONFIGURATION_SCRIPT_TIMEOUT");
        assertThat(f.location()).isEqualTo(ScenarioFiles.STARTUP + ":26");
        assertThat(f.message()).contains("timeout of 2 s");
    }

    @Test
    void sqlThatRunsPastItsTaskTimeoutIsCancelledEvenAfterResettingStatementTimeout() throws Exception {
        ExampleScenario scenario = example().replace(ScenarioFiles.SERVICE,
                "\"file\": \"initialization/storage/seed.sql\", \"timeout\": 60", "\"file\": \"initialization/storage/seed.sql\", \"timeout\": 2");
        scenario.write(ScenarioFiles.SEED_SQL, scenario.read(ScenarioFiles.SEED_SQL) + "\nSET statement_timeout = 0;\nSELECT pg_sleep(600);\n");
        CheckResult r = run(scenario);

        Finding f = errors(r).getFirst();
        assertThat(f.code()).isEqualTo("SVC_DATABASE_SQL_TIMEOUT");
        assertThat(f.location()).isEqualTo(ScenarioFiles.SEED_SQL + ":" + scenario.read(ScenarioFiles.SEED_SQL).lines().count());
    }

    @Test
    void sqlThatTriesToLeaveTheDatabaseIsRefused() throws Exception {
        Path marker = Path.of("/tmp", "svdry-copy-program-" + UUID.randomUUID());
        List<String> escapes = List.of(
                "COPY (SELECT 1) TO PROGRAM 'touch " + marker + "'",
                "SELECT pg_read_file('/etc/passwd')",
                "COPY patients (name, email) FROM '/etc/passwd'",
                "CREATE EXTENSION plpython3u",
                "ALTER ROLE CURRENT_USER SUPERUSER",
                "CREATE ROLE intruder LOGIN SUPERUSER PASSWORD 'x'");
        for (String escape : escapes) {
            ExampleScenario scenario = new ExampleScenario(Files.createTempDirectory(dir, "escape"));
            scenario.write(ScenarioFiles.SEED_SQL, scenario.read(ScenarioFiles.SEED_SQL) + "\n" + escape + ";\n");
            CheckResult r = run(scenario);

            assertThat(r).as(escape).isInstanceOf(CheckResult.Failed.class);
            Finding f = errors(r).getFirst();
            assertThat(f.location()).as(escape).isEqualTo(ScenarioFiles.SEED_SQL + ":" + scenario.read(ScenarioFiles.SEED_SQL).lines().count());
            if (!escape.contains("EXTENSION")) assertThat(f.code()).as(escape).isEqualTo("SVC_PERMISSION_SQL_PRIVILEGE");
            else assertThat(f.code()).as(escape).isIn("SVC_PERMISSION_SQL_PRIVILEGE", "SVC_DATABASE_UNAVAILABLE_FILE");
        }
        assertThat(marker).doesNotExist();
        try (Connection c = postgres.admin(); Statement s = c.createStatement()) {
            assertThat(count(s, "SELECT count(*) FROM pg_roles WHERE rolname = 'intruder'")).isZero();
        }
    }

    @Test
    void aScriptCannotReachTheNetwork() throws Exception {
        ExampleScenario scenario = example().replace(ScenarioFiles.STARTUP, "done\n\nrun psql",
                "done\ncurl -fsS --max-time 5 -o /dev/null https://example.org/\nrun psql");
        CheckResult r = run(scenario);

        assertThat(r).isInstanceOf(CheckResult.Failed.class);
        Finding f = errors(r).getFirst();
        assertThat(f.location()).isEqualTo(ScenarioFiles.STARTUP + ":26");
        assertThat(f.message()).contains("curl");
        assertThat(f.hint()).contains("no network");
    }

    @Test
    void aScriptWritingOutsideTheScenarioStaysConfined() throws Exception {
        Path hostTmpMarker = Path.of("/tmp", "svdry-tmp-" + UUID.randomUUID());
        Path outside = Files.createDirectories(dir.resolve("outside")).resolve("escaped.txt");
        ExampleScenario scenario = example().replace(ScenarioFiles.STARTUP, "done\n\nrun psql",
                "done\necho x > " + hostTmpMarker + "\necho y > " + outside + " 2>/dev/null || true\nrun psql");
        CheckResult r = run(scenario);

        assertThat(r).as("%s", r).isInstanceOf(CheckResult.Passed.class); // its private /tmp takes the write, and nothing else does
        assertThat(hostTmpMarker).doesNotExist();
        assertThat(outside).doesNotExist();
    }

    @Test
    void aFailingUserDryRunCommandGivesClassifiedFindings() throws Exception {
        Path tools = Files.createDirectories(dir.resolve("tools"));
        Path tool = tools.resolve("scenario-to-app.sh");
        Files.writeString(tool, """
                #!/usr/bin/env bash
                test -f "$2/service.json" || { echo "no service.json in $2" >&2; exit 9; }
                echo "checking $2"
                echo "missing file: initialization/configuration/feature-flags.json" >&2
                echo "psql:initialization/storage/seed.sql:4: ERROR:  column \\"mobile\\" does not exist" >&2
                exit 1
                """);
        openToOthers(tools, tool);
        ExampleScenario scenario = example();
        CheckResult r = new DryRunCheck(postgres, sandbox, Optional.of(tool + " --dry-run"), CATALOG_PORTS).run(scenario.context());

        assertThat(r).as("%s", r).isInstanceOf(CheckResult.Failed.class);
        List<Finding> errors = errors(r);
        assertThat(errors).extracting(Finding::code).containsExactly("SVC_MISSING_FILE_DRY_RUN_COMMAND", "SVC_DATABASE_DRY_RUN_COMMAND");
        assertThat(errors.get(1).location()).isEqualTo(ScenarioFiles.SEED_SQL + ":4");
        assertThat(report(scenario, 1).path("mode").asText()).isEqualTo("command");
    }

    @Test
    void aSucceedingUserDryRunCommandPasses() throws Exception {
        Path tools = Files.createDirectories(dir.resolve("tools"));
        Path tool = tools.resolve("check.sh");
        Files.writeString(tool, "#!/usr/bin/env bash\ntest -f \"$1/service.json\" && test \"$DRY_RUN\" = 1 && test \"$POSTGRES_PORT\" = 5433 && echo fine\n");
        openToOthers(tools, tool);
        CheckResult r = new DryRunCheck(postgres, sandbox, Optional.of(tool.toString()), CATALOG_PORTS).run(example().context());

        assertThat(r).as("%s", r).isInstanceOf(CheckResult.Passed.class);
    }

    @Test
    void whenPostgresCannotRunTheDryRunIsNotJudged() throws Exception {
        PostgresServer stopped = new PostgresServer();
        stopped.close();
        CheckResult r = new DryRunCheck(stopped, sandbox, Optional.empty(), CATALOG_PORTS).run(example().context());

        assertThat(r).isInstanceOfSatisfying(CheckResult.Errored.class, e -> assertThat(e.permanent()).isTrue());
    }

    @Test
    void eachAttemptKeepsItsOwnReport() throws Exception {
        ExampleScenario scenario = example();
        run(scenario);
        run(scenario);
        assertThat(scenario.artifacts.resolve("dry-run/1/report.json")).exists();
        assertThat(scenario.artifacts.resolve("dry-run/2/report.json")).exists();
    }

    /** As root the sandbox runs the command as an unprivileged uid, which must be able to read the user's tool. */
    private static void openToOthers(Path folder, Path tool) throws Exception {
        Files.setPosixFilePermissions(folder, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(tool, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        for (Path p = folder.getParent(); p != null && !p.equals(Path.of("/tmp")) && !p.equals(Path.of("/")); p = p.getParent()) {
            Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
