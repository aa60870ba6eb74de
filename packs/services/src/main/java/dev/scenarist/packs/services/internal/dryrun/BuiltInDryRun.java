package dev.scenarist.packs.services.internal.dryrun;

import dev.scenarist.core.model.Finding;
import dev.scenarist.core.workspace.Workspace;
import dev.scenarist.packs.services.format.ErrorClass;
import dev.scenarist.packs.services.format.ScenarioFiles;
import dev.scenarist.packs.services.format.ServiceDefinition;
import dev.scenarist.packs.services.format.Task;
import dev.scenarist.sandbox.Sandbox;
import dev.scenarist.sandbox.SandboxUnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * The built-in dry-run: applies service.json's deployment phases in order to a scratch copy of the scenario, as the
 * deployer would but without the services — SQL into a real PostgreSQL, files handed over into {@code .deploy/},
 * scripts in the sandbox with {@code DRY_RUN=1}, healthchecks recorded as skipped (nothing to reach) — then runs
 * {@code test.sh} the same way and scenario-test.yaml's {@code type: sql} tests against the loaded database.
 *
 * <p>Retries are not applied: the dry-run is deterministic, so a retry would fail the same way. Once a SQL file fails,
 * later SQL tasks and the SQL tests are skipped (they would only fail because of it); scripts still run, since their
 * errors are independent.
 */
final class BuiltInDryRun {
    /** No task of a dry-run gets longer than this, whatever service.json says: the dry-run performs nothing slow. */
    static final Duration MAX_TASK_TIME = Duration.ofSeconds(120);
    /** The role's statement_timeout: a backstop behind each file's own deadline. */
    private static final int STATEMENT_TIMEOUT_SECONDS = 60;
    private static final Duration SQL_TEST_TIME = Duration.ofSeconds(30);
    private static final int MAX_TABLES_COUNTED = 100;

    private final PostgresServer postgres;
    private final Sandbox sandbox;
    private final ToIntFunction<String> catalogPorts;

    BuiltInDryRun(PostgresServer postgres, Sandbox sandbox, ToIntFunction<String> catalogPorts) {
        this.postgres = postgres;
        this.sandbox = sandbox;
        this.catalogPorts = catalogPorts;
    }

    DryRunReport run(Path scratch) throws SandboxUnavailableException, PostgresUnavailableException, SQLException, InterruptedException {
        Path serviceFile = scratch.resolve(ScenarioFiles.SERVICE);
        if (!Files.isRegularFile(serviceFile)) {
            return unreadable(Finding.error(ErrorClass.MISSING_FILE.code("SERVICE_JSON"), "service.json is missing: nothing to deploy",
                    ScenarioFiles.SERVICE, "write service.json with the service, its resources and its deployment phases"));
        }
        ServiceDefinition service;
        try {
            service = ServiceDefinition.read(Files.readString(serviceFile, StandardCharsets.UTF_8));
        } catch (ServiceDefinition.MalformedException e) {
            return unreadable(Finding.error(ErrorClass.SYNTAX.code("JSON"), "service.json does not parse: " + e.getMessage(),
                    ScenarioFiles.SERVICE + ":" + e.line(), "correct the JSON at that line"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the scratch copy of service.json", e);
        }
        List<SqlTests.SqlTest> sqlTests = read(scratch, ScenarioFiles.SCENARIO_TEST).map(SqlTests::read).orElse(List.of());
        boolean needsDatabase = !sqlTests.isEmpty() || service.tasks().stream().anyMatch(t -> t instanceof Task.Sql);
        ScriptRunner scripts = new ScriptRunner(sandbox, scratch, DryRunEnvironment.of(service, scratch, catalogPorts));
        if (!needsDatabase) return new DryRunReport("built-in", applyAll(service, scratch, scripts, null, sqlTests), Map.of(), Optional.empty(), Optional.empty());
        try (ScratchDatabase db = ScratchDatabase.create(postgres, STATEMENT_TIMEOUT_SECONDS)) {
            List<TaskOutcome> outcomes = applyAll(service, scratch, scripts, db, sqlTests);
            return new DryRunReport("built-in", outcomes, tableRows(db), Optional.of(db.database()), Optional.of(db.role()));
        }
    }

    private List<TaskOutcome> applyAll(ServiceDefinition service, Path scratch, ScriptRunner scripts, ScratchDatabase db, List<SqlTests.SqlTest> sqlTests)
            throws SandboxUnavailableException, PostgresUnavailableException, SQLException, InterruptedException {
        List<TaskOutcome> out = new ArrayList<>();
        Optional<String> sqlFailure = Optional.empty();
        for (ServiceDefinition.Phase phase : service.phases()) {
            for (Task task : phase.tasks()) {
                TaskOutcome o = switch (task) {
                    case Task.Sql sql -> sqlFailure.isPresent()
                            ? TaskOutcome.skipped(TaskOutcome.Step.of(phase.name(), sql), "not run: " + sqlFailure.get() + " failed before it")
                            : sql(phase.name(), sql, service, scratch, db);
                    case Task.ResourceInject inject -> FileTasks.inject(phase.name(), inject, service, scratch);
                    case Task.Config config -> FileTasks.config(phase.name(), config, scratch);
                    case Task.Script script -> script(phase.name(), script, scratch, scripts);
                    case Task.Healthcheck check -> healthcheck(phase.name(), check, service);
                    case Task.Unknown unknown -> TaskOutcome.failed(TaskOutcome.Step.of(phase.name(), unknown), "unknown task type", List.of(
                            Finding.error(ErrorClass.CONFIGURATION.code("UNKNOWN_TASK"), "task '" + unknown.name() + "' of phase '" + phase.name()
                                    + "' has type '" + unknown.type() + "', which the deployer does not know", ScenarioFiles.SERVICE,
                                    "use one of sql, resource-inject, config, script, healthcheck")), TaskOutcome.Output.NONE);
                };
                if (task instanceof Task.Sql sql && o.status() == TaskOutcome.Status.FAILED && sqlFailure.isEmpty()) sqlFailure = Optional.of(sql.file());
                out.add(o);
            }
        }
        String testScript = service.json().path("testing").path("script").asText(ScenarioFiles.TEST_SCRIPT);
        int testTimeout = service.json().path("testing").path("timeout").asInt((int) MAX_TASK_TIME.toSeconds());
        if (Files.isRegularFile(scratch.resolve(testScript)) || !testScript.equals(ScenarioFiles.TEST_SCRIPT)) {
            // test.sh runs as a script task of its own: no arguments, and no retries (the dry-run applies none)
            out.add(script("testing", new Task.Script(testScript, testScript, List.of(), testTimeout, 0), scratch, scripts));
        }
        for (SqlTests.SqlTest test : sqlTests) {
            out.add(sqlFailure.isPresent()
                    ? TaskOutcome.skipped(SqlTests.step(test), "not run: " + sqlFailure.get() + " failed to load")
                    : SqlTests.run(db, test, SQL_TEST_TIME));
        }
        return out;
    }

    private TaskOutcome sql(String phase, Task.Sql task, ServiceDefinition service, Path scratch, ScratchDatabase db)
            throws PostgresUnavailableException, SQLException {
        TaskOutcome.Step step = TaskOutcome.Step.of(phase, task);
        Optional<ServiceDefinition.DeclaredResource> resource = service.resource(task.resource());
        if (resource.isEmpty() || !resource.get().enabled()) {
            return TaskOutcome.failed(step, "undeclared resource", List.of(Finding.error(
                    ErrorClass.CONFIGURATION.code("UNDECLARED_RESOURCE"), "sql task '" + task.name() + "' targets resource '" + task.resource()
                            + "', which service.json does not declare as enabled", ScenarioFiles.SERVICE,
                    "declare and enable the PostgreSQL resource (e.g. resources.storage.postgres) or target it by its name")), TaskOutcome.Output.NONE);
        }
        Optional<String> text = Workspace.problemWithPath(task.file()) == null ? read(scratch, task.file()) : Optional.empty();
        if (text.isEmpty()) {
            return TaskOutcome.failed(step, "file missing", List.of(Finding.error(ErrorClass.MISSING_FILE.code("TASK_FILE"),
                    "sql task '" + task.name() + "' names " + task.file() + ", which does not exist", ScenarioFiles.SERVICE,
                    "create " + task.file() + " or correct the path in service.json")), TaskOutcome.Output.NONE);
        }
        SqlFileRunner.Result r = SqlFileRunner.run(db, task.file(), text.get(), capped(task.timeoutSeconds()));
        return TaskOutcome.of(step, r.log(), r.findings(), new TaskOutcome.Output(r.log(), r.error()));
    }

    private static TaskOutcome script(String phase, Task.Script script, Path scratch, ScriptRunner scripts)
            throws SandboxUnavailableException, InterruptedException {
        TaskOutcome.Step step = TaskOutcome.Step.of(phase, script);
        String file = script.file();
        if (Workspace.problemWithPath(file) != null || !Files.isRegularFile(scratch.resolve(file))) {
            return TaskOutcome.failed(step, "file missing", List.of(Finding.error(ErrorClass.MISSING_FILE.code("TASK_FILE"),
                    "script task '" + script.name() + "' names " + file + ", which does not exist", ScenarioFiles.SERVICE,
                    "create " + file + " or correct the path in service.json")), TaskOutcome.Output.NONE);
        }
        return scripts.run(step, file, script.args(), capped(script.timeoutSeconds()));
    }

    private static TaskOutcome healthcheck(String phase, Task.Healthcheck check, ServiceDefinition service) {
        if (check.resource().equals("app") || service.resource(check.resource()).filter(ServiceDefinition.DeclaredResource::enabled).isPresent()) {
            return TaskOutcome.skipped(TaskOutcome.Step.of(phase, check), "nothing to reach in a dry-run: " + check.resource()
                    + check.path().map(p -> " " + p).orElse("") + " would be checked after deployment");
        }
        return TaskOutcome.failed(TaskOutcome.Step.of(phase, check), "undeclared resource", List.of(Finding.error(
                ErrorClass.CONFIGURATION.code("UNDECLARED_RESOURCE"), "healthcheck '" + check.name() + "' checks resource '" + check.resource()
                        + "', which service.json does not declare as enabled", ScenarioFiles.SERVICE,
                "check a declared resource, or 'app' for the service itself")), TaskOutcome.Output.NONE);
    }

    /** Rows per table, read as the role: the proof that the SQL really loaded, for the report. */
    private static Map<String, Long> tableRows(ScratchDatabase db) throws PostgresUnavailableException, SQLException {
        Map<String, Long> rows = new LinkedHashMap<>();
        List<String> tables = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.setQueryTimeout((int) SQL_TEST_TIME.toSeconds());
            try (ResultSet rs = s.executeQuery("SELECT quote_ident(table_schema) || '.' || quote_ident(table_name), table_schema, table_name"
                    + " FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')"
                    + " ORDER BY table_schema, table_name LIMIT " + MAX_TABLES_COUNTED)) {
                while (rs.next()) tables.add(rs.getString(1) + "\t" + (rs.getString(2).equals("public") ? rs.getString(3) : rs.getString(2) + "." + rs.getString(3)));
            }
            for (String t : tables) {
                String[] parts = t.split("\t", 2);
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + parts[0])) {
                    rs.next();
                    rows.put(parts[1], rs.getLong(1));
                } catch (SQLException e) {
                    rows.put(parts[1], -1L); // a table the role may not read (row security): counted as unknown
                }
            }
        }
        return rows;
    }

    private static DryRunReport unreadable(Finding f) {
        TaskOutcome.Step reading = new TaskOutcome.Step("service", ScenarioFiles.SERVICE, "read");
        return new DryRunReport("built-in", List.of(TaskOutcome.failed(reading, f.message(), List.of(f), TaskOutcome.Output.NONE)),
                Map.of(), Optional.empty(), Optional.empty());
    }

    /** The file's text (malformed UTF-8 replaced: PostgreSQL or the parser then says what is wrong), empty when absent. */
    private static Optional<String> read(Path scratch, String file) {
        Path p = scratch.resolve(file);
        if (!Files.isRegularFile(p)) return Optional.empty();
        try {
            return Optional.of(new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the scratch copy of " + file, e);
        }
    }

    static Duration capped(int seconds) {
        Duration asked = Duration.ofSeconds(Math.max(1, seconds));
        return asked.compareTo(MAX_TASK_TIME) > 0 ? MAX_TASK_TIME : asked;
    }
}
