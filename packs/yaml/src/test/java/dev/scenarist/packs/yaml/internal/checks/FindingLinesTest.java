package dev.scenarist.packs.yaml.internal.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.scenarist.core.model.Finding;
import dev.scenarist.core.model.Severity;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FindingLinesTest {

    @Test
    void only_finding_and_warning_lines_count_and_a_malformed_finding_still_fails() {
        var findings = FindingLines.parse("""
                building database
                FINDING SQL_ERROR seed.sql:3 near "x": syntax error
                  WARNING EMPTY_TABLE - table t has no rows\r
                FINDINGS are great (ordinary text)
                FINDING without a code
                """);

        assertThat(findings).extracting(Finding::code, Finding::severity, Finding::location, Finding::message).containsExactly(
                tuple("SQL_ERROR", Severity.ERROR, "seed.sql:3", "near \"x\": syntax error"),
                tuple("EMPTY_TABLE", Severity.WARNING, "", "table t has no rows"),
                tuple("CHECK_OUTPUT", Severity.ERROR, "", "without a code"));
    }

    @Test
    void a_json_pointer_location_is_kept() {
        assertThat(FindingLines.parse("FINDING BAD_VALUE item.json#/tags/0 tag is empty")).singleElement()
                .satisfies(f -> assertThat(f.location()).isEqualTo("item.json#/tags/0"));
    }
}
