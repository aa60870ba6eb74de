package dev.scenarist.packs.services.internal.dryrun;

import dev.scenarist.core.model.Finding;
import dev.scenarist.packs.services.internal.sql.SqlLexer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Runs one SQL file of the scenario against the scratch database as the unprivileged role, statement by statement and
 * in autocommit as {@code psql -f} would, stopping at the first statement PostgreSQL refuses: the statements after it
 * usually fail only because of it. The refusal becomes one finding at {@code file:line}, the line taken from PostgreSQL's
 * error position within the statement (or the statement's first line when PostgreSQL gives no position, as for
 * constraint violations).
 */
final class SqlFileRunner {
    private SqlFileRunner() {}

    /** What running a file did: statements run, and the finding when PostgreSQL refused one. */
    record Result(int executed, int total, List<Finding> findings, String log, String error) {}

    static Result run(ScratchDatabase db, String file, String text, Duration timeout) throws PostgresUnavailableException, SQLException {
        SqlLexer.Result script = SqlLexer.read(text);
        List<SqlLexer.Statement> statements = script.statements();
        if (!script.problems().isEmpty()) return unreadable(file, script);
        long deadline = System.nanoTime() + timeout.toNanos();
        int executed = 0;
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.setEscapeProcessing(false); // the text goes to PostgreSQL as written, so its error positions match the file
            for (SqlLexer.Statement st : statements) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return timedOut(file, st, executed, statements.size(), timeout);
                s.setQueryTimeout((int) Math.max(1, Duration.ofNanos(left).toSeconds()));
                try {
                    s.execute(st.text());
                    executed++;
                } catch (PSQLException e) {
                    return refused(file, script, st, e, executed, statements.size());
                }
            }
        }
        return new Result(executed, statements.size(), List.of(), "executed " + executed + " of " + statements.size() + " statements of " + file, "");
    }

    private static Result refused(String file, SqlLexer.Result script, SqlLexer.Statement st, PSQLException e, int executed, int total) {
        ServerErrorMessage server = e.getServerErrorMessage();
        String sqlState = server != null && server.getSQLState() != null ? server.getSQLState() : e.getSQLState();
        String message = server != null && server.getMessage() != null ? server.getMessage() : e.getMessage();
        int line = server == null ? st.line() : script.lineOf(st, server.getPosition());
        SqlStates meaning = SqlStates.of(sqlState);
        StringBuilder said = new StringBuilder(message);
        if (server != null && server.getDetail() != null) said.append(" (").append(server.getDetail()).append(')');
        String location = file + ":" + line;
        String hint = meaning.fix();
        if (server != null && server.getHint() != null) hint += "; PostgreSQL suggests: " + server.getHint();
        Finding f = Finding.error(meaning.code(), "PostgreSQL refused the statement at " + location + " [SQLSTATE " + sqlState + "]: " + said
                + " — statement: " + abbreviate(st.text()), location, hint);
        return new Result(executed, total, List.of(f), "executed " + executed + " of " + total + " statements of " + file
                + " before the failing one", "ERROR " + sqlState + " at " + location + ": " + said);
    }

    private static Result timedOut(String file, SqlLexer.Statement st, int executed, int total, Duration timeout) {
        SqlStates meaning = SqlStates.of("57014");
        String location = file + ":" + st.line();
        Finding f = Finding.error(meaning.code(), file + " did not finish within its task timeout of " + timeout.toSeconds()
                + " s; stopped before the statement at " + location, location, meaning.fix());
        return new Result(executed, total, List.of(f), "executed " + executed + " of " + total + " statements of " + file,
                "timed out after " + timeout.toSeconds() + " s");
    }

    /** A file that does not even lex (an unterminated quote or comment) is not sent at all: its problems are the findings. */
    private static Result unreadable(String file, SqlLexer.Result script) {
        List<Finding> findings = script.problems().stream().map(p -> Finding.error(
                dev.scenarist.packs.services.format.ErrorClass.SYNTAX.code(p.detail()), file + ":" + p.line() + ": " + p.message(),
                file + ":" + p.line(), p.fix())).toList();
        return new Result(0, script.statements().size(), findings, "not executed: " + file + " does not lex",
                findings.getFirst().message());
    }

    static String abbreviate(String sql) {
        String one = sql.replaceAll("\\s+", " ").strip();
        return one.length() <= 160 ? one : one.substring(0, 157) + "...";
    }
}
