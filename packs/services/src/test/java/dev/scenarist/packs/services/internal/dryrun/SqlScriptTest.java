package dev.scenarist.packs.services.internal.dryrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlScriptTest {
    @Test
    void splitsOnSemicolonsOutsideQuotesCommentsAndDollarQuotes() {
        String sql = """
                -- a comment; not a statement
                CREATE TABLE t (a TEXT DEFAULT 'x;y', "odd;name" INT); /* block; comment /* nested; */ still */
                INSERT INTO t VALUES ('it''s; fine', 1);
                CREATE FUNCTION f() RETURNS INT AS $body$ BEGIN RETURN 1; END; $body$ LANGUAGE plpgsql;
                SELECT E'a\\';b', $$x;y$$, price$1 FROM t
                """;
        List<SqlScript.Statement> st = SqlScript.parse(sql).statements();

        assertThat(st).extracting(SqlScript.Statement::line).containsExactly(2, 3, 4, 5);
        assertThat(st.get(0).text()).isEqualTo("CREATE TABLE t (a TEXT DEFAULT 'x;y', \"odd;name\" INT)");
        assertThat(st.get(2).text()).endsWith("$body$ LANGUAGE plpgsql");
        assertThat(st.get(3).text()).isEqualTo("SELECT E'a\\';b', $$x;y$$, price$1 FROM t");
    }

    @Test
    void aPositionInAStatementIsALineOfTheFile() {
        String sql = "-- header\n\nINSERT INTO t (a,\n  b, ünïcode,\n  missing) VALUES (1, 2, 3, 4);\n";
        SqlScript script = SqlScript.parse(sql);
        SqlScript.Statement insert = script.statements().getFirst();
        int position = insert.text().codePointCount(0, insert.text().indexOf("missing")) + 1;

        assertThat(insert.line()).isEqualTo(3);
        assertThat(script.lineOf(insert, position)).isEqualTo(5);
        assertThat(script.lineOf(insert, 0)).isEqualTo(3);
    }

    @Test
    void anUnterminatedQuoteRunsToTheEndForPostgresToReport() {
        List<SqlScript.Statement> st = SqlScript.parse("SELECT 1;\nSELECT 'open;\nSELECT 2;").statements();
        assertThat(st).hasSize(2);
        assertThat(st.get(1).line()).isEqualTo(2);
    }
}
