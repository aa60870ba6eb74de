package dev.scenarist.packs.yaml.internal.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.pack.CheckContext;
import dev.scenarist.core.pack.RunContext;
import dev.scenarist.core.workspace.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PatternsCheckTest {
    @TempDir
    Path dir;

    private CheckResult run(PatternsCheck check, Workspace ws) {
        return check.run(new CheckContext(new RunContext("r", "c", "p", 1, Map.of()), "s", ws, Map.of(), null));
    }

    private static PatternsCheck.Rule forbid(String regex, String message) {
        return new PatternsCheck.Rule(Pattern.compile(regex), message);
    }

    @Test
    void a_forbidden_pattern_is_reported_at_each_file_and_line_with_the_line_quoted() {
        Workspace ws = new Workspace(dir);
        ws.write("a.sql", "SELECT 1;\nATTACH 'x' AS y;\n");
        ws.write("b.sql", ".mode csv\nSELECT 2;\n");
        ws.write("notes.txt", "ATTACH here is fine\n");
        PatternsCheck check = new PatternsCheck("safe", "*.sql",
                List.of(forbid("(?i)\\battach\\b", "no ATTACH"), forbid("^\\s*\\.", "")), List.of());

        CheckResult r = run(check, ws);

        assertThat(r.findings()).extracting(Finding::location, Finding::message).containsExactly(
                tuple("a.sql:2", "no ATTACH: `ATTACH 'x' AS y;`"),
                tuple("b.sql:1", "forbidden pattern /^\\s*\\./ matches: `.mode csv`"));
    }

    @Test
    void a_missing_required_pattern_names_the_file_and_the_message() {
        Workspace ws = new Workspace(dir);
        ws.write("schema.sql", "-- nothing yet\n");
        PatternsCheck check = new PatternsCheck("tables", "schema.sql", List.of(),
                List.of(new PatternsCheck.Rule(Pattern.compile("^CREATE TABLE", Pattern.MULTILINE), "schema.sql creates no table")));

        CheckResult r = run(check, ws);

        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("MISSING_PATTERN");
            assertThat(f.location()).isEqualTo("schema.sql");
            assertThat(f.message()).isEqualTo("schema.sql creates no table");
        });
    }

    @Test
    void a_rule_that_matches_many_lines_reports_five_and_counts_the_rest() {
        Workspace ws = new Workspace(dir);
        ws.write("seed.sql", ".x\n".repeat(9));

        CheckResult r = run(new PatternsCheck("p", "seed.sql", List.of(forbid("^\\.", "dot")), List.of()), ws);

        assertThat(r.findings()).hasSize(6);
        assertThat(r.findings().getLast().message()).startsWith("4 more lines");
    }

    @Test
    void a_missing_file_is_reported_as_missing() {
        CheckResult r = run(new PatternsCheck("p", "seed.sql", List.of(forbid("x", "")), List.of()), new Workspace(dir));

        assertThat(r.findings()).extracting(Finding::code).containsExactly("MISSING_FILE");
    }

    @Test
    void a_clean_file_passes() {
        Workspace ws = new Workspace(dir);
        ws.write("seed.sql", "INSERT INTO t VALUES (1);\n");

        assertThat(run(new PatternsCheck("p", "*.sql", List.of(forbid("^\\.", "")), List.of()), ws)).isInstanceOf(CheckResult.Passed.class);
    }
}
