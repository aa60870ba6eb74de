package dev.scenarist.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationFormatTest {
    @Test
    void compactUsesTheLargestWholeUnit() {
        assertThat(DurationFormat.compact(Duration.ofHours(2))).isEqualTo("2h");
        assertThat(DurationFormat.compact(Duration.ofMinutes(30))).isEqualTo("30m");
        assertThat(DurationFormat.compact(Duration.ofMinutes(90))).isEqualTo("90m");
        assertThat(DurationFormat.compact(Duration.ofSeconds(4))).isEqualTo("4s");
        assertThat(DurationFormat.compact(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(DurationFormat.compact(Duration.ofMillis(700))).isEqualTo("700ms");
    }

    @Test
    void secondsHaveOneDecimalWhateverTheLocale() {
        assertThat(DurationFormat.seconds(Duration.ofMillis(500))).isEqualTo("0.5 s");
        assertThat(DurationFormat.seconds(Duration.ofSeconds(12))).isEqualTo("12.0 s");
        assertThat(DurationFormat.seconds(Duration.ofMillis(1260))).isEqualTo("1.3 s");
    }
}
