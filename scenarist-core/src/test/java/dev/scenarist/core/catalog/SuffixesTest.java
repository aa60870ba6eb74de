package dev.scenarist.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SuffixesTest {
    @Test
    void aFreeIdOrTitleIsKeptAsItIs() {
        assertThat(Suffixes.id("dentist", Set.of("other")::contains)).isEqualTo("dentist");
        assertThat(Suffixes.title("Dentist", Set.<String>of()::contains)).isEqualTo("Dentist");
    }

    @Test
    void aTakenIdOrTitleGetsTheFirstFreeNumberFromTwo() {
        assertThat(Suffixes.id("dentist", Set.of("dentist")::contains)).isEqualTo("dentist-2");
        assertThat(Suffixes.id("dentist", Set.of("dentist", "dentist-2", "dentist-3")::contains)).isEqualTo("dentist-4");
        assertThat(Suffixes.title("Dentist", Set.of("Dentist", "Dentist (2)")::contains)).isEqualTo("Dentist (3)");
        // deterministic: the same catalog, the same answer
        assertThat(Suffixes.title("Dentist", Set.of("Dentist")::contains)).isEqualTo(Suffixes.title("Dentist", Set.of("Dentist")::contains));
    }
}
