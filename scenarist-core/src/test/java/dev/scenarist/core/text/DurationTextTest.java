package dev.scenarist.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scenarist.core.text.DurationText.InvalidDuration;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DurationTextTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            500ms   | PT0.5S
            45s     | PT45S
            30m     | PT30M
            2h      | PT2H
            1h30m   | PT1H30M
            1m30s   | PT1M30S
            2H      | PT2H
            ' 30s ' | PT30S
            PT5M    | PT5M
            pt1h30m | PT1H30M
            """)
    void accepts_units_compounds_and_iso(String text, String expected) {
        assertThat(DurationText.parse(text)).isEqualTo(Duration.parse(expected));
    }

    @Test
    void what_is_no_duration_is_named_with_examples_of_what_is() {
        assertThatThrownBy(() -> DurationText.parse("30 seconds")).isInstanceOf(InvalidDuration.class)
                .hasMessage("'30 seconds' is not a duration; write it like 45s, 30m, 2h or 1h30m (also 500ms, or ISO-8601 PT5M)");
        for (String bad : new String[] {"soon", "5 m", "1.5h", "m5", "30s30", "PTX", "", "3d", "४s"}) {
            assertThatThrownBy(() -> DurationText.parse(bad)).as(bad).isInstanceOf(InvalidDuration.class)
                    .hasMessageContaining("'" + bad + "' is not a duration").hasMessageContaining(DurationText.EXAMPLES);
        }
    }

    @Test
    void a_number_without_a_unit_is_told_which_units_there_are() {
        var e = (InvalidDuration) org.assertj.core.api.Assertions.catchThrowable(() -> DurationText.parse("30"));

        assertThat(e.problem()).isEqualTo("the number 30 has no unit");
        assertThat(e.fix()).isEqualTo("write 30s, 30m or 30h");
    }

    @Test
    void negative_and_zero_are_refused() {
        assertThatThrownBy(() -> DurationText.parse("-5m")).hasMessageStartingWith("'-5m' is negative; a duration must be longer than zero")
                .hasMessageContaining(DurationText.EXAMPLES);
        assertThatThrownBy(() -> DurationText.parse("PT-5M")).hasMessageStartingWith("'PT-5M' is negative");
        assertThatThrownBy(() -> DurationText.parse("0s")).hasMessageStartingWith("'0s' is no time at all");
        assertThatThrownBy(() -> DurationText.parse("PT0S")).hasMessageStartingWith("'PT0S' is no time at all");
    }

    @Test
    void a_number_too_large_is_refused_not_wrapped() {
        assertThatThrownBy(() -> DurationText.parse("99999999999999999999s")).isInstanceOf(InvalidDuration.class)
                .hasMessageContaining("too long");
    }

    @Test
    void what_it_reads_formats_back_the_same() {
        for (String t : new String[] {"500ms", "45s", "30m", "2h"}) {
            assertThat(DurationFormat.compact(DurationText.parse(t))).isEqualTo(t);
        }
    }
}
