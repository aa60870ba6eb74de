package dev.scenarist.packs.yaml.internal.parameters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ParameterSpaceTest {
    private final ParameterSpace space = new ParameterSpace(List.of(
            new ParameterSpec.Pick("topic", List.of("loans", "flights", "clinics")),
            new ParameterSpec.IntRange("rows", 5, 6),
            new ParameterSpec.Fixed("dialect", "SQLite")));

    @Test
    void the_same_seed_gives_the_same_values() {
        assertThat(space.choose(123456789L)).isEqualTo(space.choose(123456789L));
    }

    @Test
    void consecutive_seeds_visit_every_combination_once_first_parameter_fastest() {
        Set<Map<String, Object>> seen = new HashSet<>();
        for (long seed = 0; seed < space.combinations(); seed++) seen.add(space.choose(seed));

        assertThat(space.combinations()).isEqualTo(6);
        assertThat(seen).hasSize(6);
        assertThat(space.choose(0)).containsExactly(Map.entry("topic", "loans"), Map.entry("rows", 5), Map.entry("dialect", "SQLite"));
        assertThat(space.choose(1)).containsEntry("topic", "flights").containsEntry("rows", 5);
        assertThat(space.choose(3)).containsEntry("topic", "loans").containsEntry("rows", 6);
        assertThat(space.choose(6)).isEqualTo(space.choose(0));
    }

    @Test
    void negative_seeds_are_read_as_unsigned_numbers() {
        assertThat(space.choose(-1L)).containsKeys("topic", "rows", "dialect");
        assertThat(space.choose(-1L)).isEqualTo(space.choose(-1L));
    }

    @Test
    void a_parameter_may_be_declared_only_once() {
        assertThatThrownBy(() -> new ParameterSpace(List.of(new ParameterSpec.Fixed("a", 1), new ParameterSpec.Fixed("a", 2))))
                .hasMessageContaining("'a' is declared twice");
    }

    @Test
    void ranges_include_both_ends_and_reject_empty_ones() {
        ParameterSpec.IntRange r = new ParameterSpec.IntRange("n", -2, 2);

        assertThat(r.size()).isEqualTo(5);
        assertThat(r.valueAt(0)).isEqualTo(-2);
        assertThat(r.valueAt(4)).isEqualTo(2);
        assertThatThrownBy(() -> new ParameterSpec.IntRange("n", 3, 1)).hasMessageContaining("empty");
    }
}
