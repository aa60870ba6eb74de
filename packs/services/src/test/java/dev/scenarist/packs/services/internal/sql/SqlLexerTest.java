package dev.scenarist.packs.services.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

class SqlLexerTest {
    @Test
    void statements_are_split_on_semicolons_outside_quotes_and_comments_with_their_first_line() {
        var r = SqlLexer.read("""
                -- a comment; with a semicolon
                CREATE TABLE t (a TEXT DEFAULT ';', "odd;name" INT);

                /* block; /* nested; */ still comment; */
                INSERT INTO t VALUES ('it''s; fine', 1);
                INSERT INTO t VALUES (E'back\\'slash;', 2)
                """);
        assertThat(r.problems()).isEmpty();
        assertThat(r.statements()).extracting(SqlLexer.Statement::line).containsExactly(2, 5, 6);
        assertThat(r.statements().get(1).text()).isEqualTo("INSERT INTO t VALUES ('it''s; fine', 1)");
    }

    @Test
    void dollar_quoted_bodies_keep_their_semicolons_and_parameters_are_not_quotes() {
        var r = SqlLexer.read("""
                CREATE FUNCTION f(x int) RETURNS int AS $body$
                BEGIN
                  RETURN x + 1; -- ( unbalanced in the body is fine
                END;
                $body$ LANGUAGE plpgsql;
                PREPARE p AS SELECT $1 + 1;
                SELECT $$a;b$$;
                """);
        assertThat(r.problems()).isEmpty();
        assertThat(r.statements()).extracting(SqlLexer.Statement::line).containsExactly(1, 6, 7);
    }

    @Test
    void each_unterminated_construct_is_reported_on_the_line_it_opens() {
        assertThat(SqlLexer.read("SELECT 1;\nSELECT 'abc;\nSELECT 2;\n").problems())
                .extracting(SqlLexer.Problem::detail, SqlLexer.Problem::line).containsExactly(tuple("SQL_UNTERMINATED_STRING", 2));
        assertThat(SqlLexer.read("SELECT 1;\n\nSELECT \"col FROM t;\n").problems())
                .extracting(SqlLexer.Problem::detail, SqlLexer.Problem::line).containsExactly(tuple("SQL_UNTERMINATED_IDENTIFIER", 3));
        assertThat(SqlLexer.read("DO $x$ BEGIN END $y$;\n").problems())
                .extracting(SqlLexer.Problem::detail, SqlLexer.Problem::line).containsExactly(tuple("SQL_UNTERMINATED_DOLLAR_QUOTE", 1));
        assertThat(SqlLexer.read("SELECT 1;\n/* outer /* inner */\nSELECT 2;\n").problems())
                .extracting(SqlLexer.Problem::detail, SqlLexer.Problem::line).containsExactly(tuple("SQL_UNTERMINATED_COMMENT", 2));
    }

    @Test
    void backslashes_escape_only_in_e_strings() {
        // standard strings take a backslash literally: 'C:\' is a complete string
        assertThat(SqlLexer.read("SELECT 'C:\\';\n").problems()).isEmpty();
        assertThat(SqlLexer.read("SELECT E'C:\\';\n").problems()).extracting(SqlLexer.Problem::detail)
                .containsExactly("SQL_UNTERMINATED_STRING");
    }

    @Test
    void parentheses_must_pair_within_each_statement() {
        var unclosed = SqlLexer.read("CREATE TABLE a (\n  id INT,\n  n NUMERIC(10, 2)\n;\nSELECT (1);\n");
        assertThat(unclosed.problems()).extracting(SqlLexer.Problem::detail, SqlLexer.Problem::line)
                .containsExactly(tuple("SQL_UNBALANCED_PARENTHESIS", 1));
        var extra = SqlLexer.read("SELECT 1;\nSELECT (1));\n");
        assertThat(extra.problems()).extracting(SqlLexer.Problem::detail, SqlLexer.Problem::line)
                .containsExactly(tuple("SQL_UNBALANCED_PARENTHESIS", 2));
        assertThat(SqlLexer.read("SELECT ')' , '(';").problems()).isEmpty();
    }
}
