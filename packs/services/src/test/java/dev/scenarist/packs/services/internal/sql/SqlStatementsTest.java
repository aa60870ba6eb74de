package dev.scenarist.packs.services.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The statements the dry-run sends PostgreSQL, as written, and how its error positions map back to lines. */
class SqlStatementsTest {
    @Test
    void splitsOnSemicolonsOutsideQuotesCommentsAndDollarQuotes() {
        String sql = """
                -- a comment; not a statement
                CREATE TABLE t (a TEXT DEFAULT 'x;y', "odd;name" INT); /* block; comment /* nested; */ still */
                INSERT INTO t VALUES ('it''s; fine', 1);
                CREATE FUNCTION f() RETURNS INT AS $body$ BEGIN RETURN 1; END; $body$ LANGUAGE plpgsql;
                SELECT E'a\\';b', $$x;y$$, price$1 FROM t
                """;
        List<SqlLexer.Statement> st = SqlLexer.read(sql).statements();

        assertThat(st).extracting(SqlLexer.Statement::line).containsExactly(2, 3, 4, 5);
        assertThat(st.get(0).text()).isEqualTo("CREATE TABLE t (a TEXT DEFAULT 'x;y', \"odd;name\" INT)");
        assertThat(st.get(2).text()).endsWith("$body$ LANGUAGE plpgsql");
        assertThat(st.get(3).text()).isEqualTo("SELECT E'a\\';b', $$x;y$$, price$1 FROM t");
    }

    @Test
    void aPositionInAStatementIsALineOfTheFile() {
        String sql = "-- header\n\nINSERT INTO t (a,\n  b, ünïcode,\n  missing) VALUES (1, 2, 3, 4);\n";
        SqlLexer.Result script = SqlLexer.read(sql);
        SqlLexer.Statement insert = script.statements().getFirst();
        int position = insert.text().codePointCount(0, insert.text().indexOf("missing")) + 1;

        assertThat(insert.line()).isEqualTo(3);
        assertThat(script.lineOf(insert, position)).isEqualTo(5);
        assertThat(script.lineOf(insert, 0)).isEqualTo(3);
    }

    @Test
    void anUnterminatedQuoteIsAProblemAndTheRestOneLastStatement() {
        SqlLexer.Result r = SqlLexer.read("SELECT 1;\nSELECT 'open;\nSELECT 2;");
        assertThat(r.statements()).hasSize(2);
        assertThat(r.statements().get(1).line()).isEqualTo(2);
        assertThat(r.statements().get(1).text()).isEqualTo("SELECT 'open;\nSELECT 2;");
        assertThat(r.problems()).singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(2));
    }

    @Test
    void aCommentInsideAStatementIsKeptSoPositionsStillMatch() {
        String sql = "INSERT INTO t (a, /* note */ b)\nVALUES (1, 2);";
        SqlLexer.Result r = SqlLexer.read(sql);
        assertThat(r.statements().getFirst().text()).isEqualTo("INSERT INTO t (a, /* note */ b)\nVALUES (1, 2)");
        assertThat(r.lineOf(r.statements().getFirst(), r.statements().getFirst().text().indexOf("VALUES") + 1)).isEqualTo(2);
    }
}
