package dev.scenarist.packs.mechanisms.internal.scenefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class NumbersTest {
    @Test
    void rounds_to_six_significant_digits_without_trailing_zeros() {
        assertThat(Numbers.format(9.81)).isEqualTo("9.81");
        assertThat(Numbers.format(2.0)).isEqualTo("2");
        assertThat(Numbers.format(0.1 + 0.2)).isEqualTo("0.3");
        assertThat(Numbers.format(Math.PI)).isEqualTo("3.14159");
        assertThat(Numbers.format(1234567.0)).isEqualTo("1234570");
        assertThat(Numbers.format(0.000012345678)).isEqualTo("0.0000123457");
        assertThat(Numbers.format(-0.5)).isEqualTo("-0.5");
    }

    @Test
    void never_writes_negative_zero() {
        assertThat(Numbers.format(-0.0)).isEqualTo("0");
        assertThat(Numbers.format(0.0)).isEqualTo("0");
        assertThat(Numbers.format(-Math.cos(Math.PI / 2))).isEqualTo("0");
    }

    @Test
    void ignores_the_default_locale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(Numbers.format(1.5, -2.25)).isEqualTo("1.5 -2.25");
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void refuses_non_finite_numbers() {
        assertThatThrownBy(() -> Numbers.format(Double.NaN)).hasMessageContaining("non-finite");
    }
}
