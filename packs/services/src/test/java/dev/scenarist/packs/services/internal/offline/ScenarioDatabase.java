package dev.scenarist.packs.services.internal.offline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.scenarist.packs.services.format.ScenarioFiles;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL for the tests, as the dry-run uses one: one server per JVM, and per scenario a fresh database owned
 * by an unprivileged login role that runs schema.sql, seed.sql and the scenario test's SQL checks.
 */
final class ScenarioDatabase {
    /** What loading a scenario gave: the SQLSTATE of the statement PostgreSQL refused, and the SQL tests that failed. */
    record Outcome(String sqlState, String error, List<String> failedTests) {
        boolean passed() {
            return sqlState == null && failedTests.isEmpty();
        }
    }

    private static EmbeddedPostgres server;
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private ScenarioDatabase() {}

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off").start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the server's folder is temporary
                }
            }));
        }
        return server;
    }

    /** Loads the scenario's SQL files and runs its SQL tests in a fresh database. */
    static Outcome load(Map<String, String> files) throws SQLException, IOException {
        String name = "scenario_" + COUNTER.incrementAndGet();
        try (Connection admin = server().getPostgresDatabase().getConnection(); Statement s = admin.createStatement()) {
            s.execute("CREATE ROLE " + name + " LOGIN PASSWORD 'dry' NOSUPERUSER NOCREATEDB NOCREATEROLE");
            s.execute("CREATE DATABASE " + name + " OWNER " + name);
        }
        try (Connection c = server().getDatabase(name, name).getConnection(); Statement s = c.createStatement()) {
            s.execute("SET statement_timeout = '10s'");
            for (String sql : List.of(ScenarioFiles.SCHEMA_SQL, ScenarioFiles.SEED_SQL)) {
                try {
                    s.execute(files.get(sql));
                } catch (SQLException e) {
                    return new Outcome(e.getSQLState(), sql + ": " + e.getMessage(), List.of());
                }
            }
            return new Outcome(null, null, failedTests(s, files.get(ScenarioFiles.SCENARIO_TEST)));
        }
    }

    private static List<String> failedTests(Statement s, String scenarioTest) throws SQLException, IOException {
        List<String> failed = new ArrayList<>();
        JsonNode tests = new YAMLMapper().readTree(scenarioTest).path("tests");
        for (JsonNode t : tests) {
            if (!t.path("type").asText().equals("sql")) continue;
            long value;
            try (ResultSet rs = s.executeQuery(t.path("query").asText())) {
                if (!rs.next()) {
                    failed.add(t.path("name").asText() + ": no row");
                    continue;
                }
                value = rs.getLong(1);
            }
            if (t.has("expect_min") && value < t.path("expect_min").asLong()) failed.add(t.path("name").asText() + ": " + value + " < min");
            if (t.has("expect_max") && value > t.path("expect_max").asLong()) failed.add(t.path("name").asText() + ": " + value + " > max");
        }
        return failed;
    }
}
