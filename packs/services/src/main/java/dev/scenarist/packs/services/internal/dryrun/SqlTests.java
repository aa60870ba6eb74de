package dev.scenarist.packs.services.internal.dryrun;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.scenarist.core.model.Finding;
import dev.scenarist.packs.services.format.ErrorClass;
import dev.scenarist.packs.services.format.ScenarioFiles;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.postgresql.util.PSQLException;

/**
 * The {@code type: sql} tests of scenario-test.yaml, run against the database the dry-run loaded: each query's first
 * column of its first row must be a number within {@code expect_min} / {@code expect_max}. Read with each test's line so
 * a failed expectation points at the test.
 */
final class SqlTests {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** One sql test as written. */
    record SqlTest(String name, String query, Optional<BigDecimal> min, Optional<BigDecimal> max, int line) {
        String location() {
            return ScenarioFiles.SCENARIO_TEST + ":" + line;
        }
    }

    private SqlTests() {}

    /** The sql tests of scenario-test.yaml's text; an unreadable file has none here (the static checks report it). */
    static List<SqlTest> read(String yaml) {
        List<SqlTest> out = new ArrayList<>();
        try (JsonParser p = YAML.createParser(yaml)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return out;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("tests") && value == JsonToken.START_ARRAY) {
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        int line = p.currentTokenLocation().getLineNr();
                        JsonNode test = YAML.readTree(p);
                        if (test != null && test.path("type").asText("").equals("sql")) {
                            out.add(new SqlTest(test.path("name").asText("(unnamed)"), test.path("query").asText(""),
                                    number(test.get("expect_min")), number(test.get("expect_max")), line));
                        }
                    }
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException | RuntimeException e) {
            return out;
        }
        return out;
    }

    /** Runs one test as the role; a finding when its query fails or its value is out of bounds. */
    static TaskOutcome run(ScratchDatabase db, SqlTest test, Duration timeout) throws PostgresUnavailableException, SQLException {
        String fixExpectation = "make seed.sql insert the rows the test expects, or correct the test's query or bounds in " + ScenarioFiles.SCENARIO_TEST;
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.setEscapeProcessing(false);
            s.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
            BigDecimal value;
            try (ResultSet rs = s.executeQuery(test.query())) {
                if (!rs.next()) {
                    return fail(test, ErrorClass.DATABASE.code("SQL_TEST"), "its query returned no rows; it must return one row whose"
                            + " first column is a number", fixExpectation, "");
                }
                String text = rs.getString(1);
                try {
                    value = new BigDecimal(text == null ? "" : text.strip());
                } catch (NumberFormatException e) {
                    return fail(test, ErrorClass.DATABASE.code("SQL_TEST"), "its query's first column is '" + text + "', not a number",
                            "select a count or another number as the first column", "");
                }
            }
            List<String> broken = new ArrayList<>();
            test.min().filter(min -> value.compareTo(min) < 0).ifPresent(min -> broken.add("at least " + min.toPlainString()));
            test.max().filter(max -> value.compareTo(max) > 0).ifPresent(max -> broken.add("at most " + max.toPlainString()));
            if (!broken.isEmpty()) {
                return fail(test, ErrorClass.DATABASE.code("SQL_TEST"), "expected " + String.join(" and ", broken) + ", got "
                        + value.toPlainString() + " from: " + SqlFileRunner.abbreviate(test.query()), fixExpectation, value.toPlainString());
            }
            return TaskOutcome.done(step(test), "got " + value.toPlainString() + " as expected", new TaskOutcome.Output(value.toPlainString(), ""));
        } catch (PSQLException e) {
            SqlStates meaning = SqlStates.of(e.getSQLState());
            var server = e.getServerErrorMessage();
            String said = server != null && server.getMessage() != null ? server.getMessage() : e.getMessage();
            return fail(test, meaning.code(), "its query failed [SQLSTATE " + e.getSQLState() + "]: " + said,
                    meaning.fix() + " (the query runs against the database schema.sql and seed.sql built)", "");
        }
    }

    /** A scenario test's line in the dry-run report. */
    static TaskOutcome.Step step(SqlTest test) {
        return new TaskOutcome.Step("scenario tests", test.name(), "sql-test");
    }

    private static TaskOutcome fail(SqlTest test, String code, String what, String fix, String stdout) {
        Finding f = Finding.error(code, "scenario test '" + test.name() + "' at " + test.location() + ": " + what, test.location(), fix);
        return TaskOutcome.failed(step(test), what, List.of(f), new TaskOutcome.Output(stdout, what));
    }

    private static Optional<BigDecimal> number(JsonNode n) {
        if (n == null || n.isNull()) return Optional.empty();
        try {
            return Optional.of(new BigDecimal(n.asText().strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
