package dev.scenarist.packs.mechanisms.internal.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DesignSpaceTest {
    static final String JSON = """
            {
              "requirements": ["A beam pivots on a hinge above a fulcrum.", "A load is fixed on one end."],
              "verification": ["The lever rests on its limit, so no body exceeds 0.5 m/s."],
              "constants": [
                {"name": "LOAD_RATIO", "min": 1.5, "max": 6.0, "step": 0.5, "about": "load mass over beam mass"},
                {"name": "FULCRUM_OFFSET", "min": -0.4, "max": 0.4, "step": 0.1, "about": "pivot offset"},
                {"name": "COUNT", "min": 3, "max": 5, "step": 1, "about": "how many"}
              ]
            }
            """;

    static final String SOURCE = """
            import dev.scenarist.packs.mechanisms.scene.*;

            /** A lever. LOAD_RATIO = 9.0 in a comment outside the region stays as it is. */
            public class LeverTemplate implements Template {
                // scenarist:begin design
                /** Load mass as a multiple of the beam mass. */
                static final double LOAD_RATIO = 3.0;
                /* Fulcrum offset as a fraction of the beam's half length. */
                static final double FULCRUM_OFFSET = -0.1; // may be negative
                // How many things.
                static final double COUNT = 4;
                // scenarist:end design

                static final double LOAD_RATIO_TWIN = 3.0;

                public Scene build(long seed, Scale scale) {
                    double load = LOAD_RATIO * 2;
                    return null;
                }
            }
            """;

    static DesignSpace space() {
        return DesignSpace.parse(JSON, "Tier2/LeverTemplate.design.json");
    }

    @Nested
    class Parsing {
        @Test
        void reads_requirements_verification_and_constants_in_order() {
            DesignSpace d = space();
            assertThat(d.requirements()).hasSize(2);
            assertThat(d.requirements().get(0)).startsWith("A beam");
            assertThat(d.verification()).hasSize(1);
            assertThat(d.constants()).extracting(DesignConstant::name).containsExactly("LOAD_RATIO", "FULCRUM_OFFSET", "COUNT");
            assertThat(d.constants().get(0)).isEqualTo(new DesignConstant("LOAD_RATIO", 1.5, 6.0, 0.5, "load mass over beam mass"));
            assertThat(d.size()).isEqualTo(10L * 9 * 3);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
                not json                    | {"requirements": [         | not valid JSON
                not an object               | []                         | must be a JSON object
                missing requirements        | {"verification": ["v"], "constants": []} | requirements: missing
                requirements not an array   | {"requirements": "r", "verification": ["v"], "constants": []} | requirements: must be an array
                empty verification          | {"requirements": ["r"], "verification": [], "constants": []} | verification: must not be empty
                blank requirement           | {"requirements": ["r", " "], "verification": ["v"], "constants": []} | requirements[1]: must be a non-blank string
                unknown top-level field     | {"requirements": ["r"], "verification": ["v"], "constants": [], "extra": 1} | extra: unknown field
                missing constants           | {"requirements": ["r"], "verification": ["v"]} | constants: missing
                constant not an object      | {"requirements": ["r"], "verification": ["v"], "constants": [1]} | constants[0]: must be an object
                missing name                | {"requirements": ["r"], "verification": ["v"], "constants": [{"min": 1, "max": 2, "step": 1, "about": "a"}]} | constants[0].name: missing
                lower-case name             | {"requirements": ["r"], "verification": ["v"], "constants": [{"name": "loadRatio", "min": 1, "max": 2, "step": 1, "about": "a"}]} | constants[0].name: 'loadRatio' is not UPPER_SNAKE
                min as a string             | {"requirements": ["r"], "verification": ["v"], "constants": [{"name": "A", "min": "1", "max": 2, "step": 1, "about": "a"}]} | constants[0].min: must be a finite number
                missing max                 | {"requirements": ["r"], "verification": ["v"], "constants": [{"name": "A", "min": 1, "step": 1, "about": "a"}]} | constants[0].max: missing
                min above max               | {"requirements": ["r"], "verification": ["v"], "constants": [{"name": "A", "min": 3, "max": 2, "step": 1, "about": "a"}]} | constants[0].min: 3.0 is greater than max 2.0
                zero step                   | {"requirements": ["r"], "verification": ["v"], "constants": [{"name": "A", "min": 1, "max": 2, "step": 0, "about": "a"}]} | constants[0].step: must be > 0
                step not dividing the range | {"requirements": ["r"], "verification": ["v"], "constants": [{"name": "A", "min": 1, "max": 2, "step": 0.3, "about": "a"}]} | constants[0].step: A: step 0.3 does not divide max - min = 1
                blank about                 | {"requirements": ["r"], "verification": ["v"], "constants": [{"name": "A", "min": 1, "max": 2, "step": 1, "about": ""}]} | constants[0].about: must be a non-blank string
                unknown constant field      | {"requirements": ["r"], "verification": ["v"], "constants": [{"name": "A", "min": 1, "max": 2, "step": 1, "about": "a", "default": 1}]} | constants[0].default: unknown field
                duplicate constant          | {"requirements": ["r"], "verification": ["v"], "constants": [{"name": "A", "min": 1, "max": 2, "step": 1, "about": "a"}, {"name": "A", "min": 1, "max": 2, "step": 1, "about": "a"}]} | constants[1].name: A is declared twice
                duplicate key               | {"requirements": ["r"], "requirements": ["r"], "verification": ["v"], "constants": []} | not valid JSON
                """)
        void names_the_location_and_the_field_in_every_error(String what, String json, String message) {
            assertThatThrownBy(() -> DesignSpace.parse(json, "Tier9/X.design.json"))
                    .as(what)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("Tier9/X.design.json: ")
                    .hasMessageContaining(message);
        }

        @Test
        void constants_validate_themselves() {
            assertThatThrownBy(() -> new DesignConstant("A", 2, 1, 1, "a")).hasMessageContaining("greater than max");
            assertThatThrownBy(() -> new DesignConstant("A", 1, 2, -1, "a")).hasMessageContaining("step must be > 0");
            assertThatThrownBy(() -> new DesignConstant("A", 1, 2, 0, "a")).hasMessageContaining("step must be > 0");
            assertThatThrownBy(() -> new DesignConstant("Load", 1, 2, 1, "a")).hasMessageContaining("UPPER_SNAKE");
            assertThatThrownBy(() -> new DesignConstant("A__B", 1, 2, 1, "a")).hasMessageContaining("UPPER_SNAKE");
            assertThatThrownBy(() -> new DesignConstant("A", 0, 1, 1e-9, "a")).hasMessageContaining("levels");
            assertThatThrownBy(() -> new DesignConstant("A", Double.NaN, 1, 1, "a")).hasMessageContaining("finite");
            assertThat(new DesignConstant("A_1", 1, 1, 1, "a").levels()).containsExactly(1.0);
        }

        @Test
        void levels_are_exact_decimals_from_min_to_max() {
            assertThat(new DesignConstant("A", 0.1, 0.5, 0.1, "a").levels()).containsExactly(0.1, 0.2, 0.3, 0.4, 0.5);
            assertThat(new DesignConstant("A", -0.4, 0.4, 0.1, "a").levels())
                    .containsExactly(-0.4, -0.3, -0.2, -0.1, 0.0, 0.1, 0.2, 0.3, 0.4);
            assertThat(new DesignConstant("A", 0.035, 0.11, 0.0075, "a").levels()).hasSize(11).contains(0.0575);
        }
    }

    @Nested
    class Drawing {
        @Test
        void the_same_seed_gives_the_same_point_in_declared_order() {
            DesignSpace d = space();
            for (long seed = -3; seed < 50; seed++) {
                Map<String, Double> a = d.draw(seed);
                assertThat(a).isInstanceOf(LinkedHashMap.class).isEqualTo(d.draw(seed));
                assertThat(List.copyOf(a.keySet())).containsExactly("LOAD_RATIO", "FULCRUM_OFFSET", "COUNT");
            }
            assertThat(d.draw(7)).isEqualTo(space().draw(7));
        }

        @Test
        void every_value_is_a_level_of_its_constant_and_all_levels_come_up() {
            DesignSpace d = space();
            Map<String, Set<Double>> seen = new LinkedHashMap<>();
            Set<Map<String, Double>> points = new HashSet<>();
            for (long seed = 0; seed < 2000; seed++) {
                Map<String, Double> p = d.draw(seed);
                points.add(p);
                for (DesignConstant c : d.constants()) {
                    assertThat(c.levels()).contains(p.get(c.name()));
                    seen.computeIfAbsent(c.name(), k -> new HashSet<>()).add(p.get(c.name()));
                }
            }
            for (DesignConstant c : d.constants()) assertThat(seen.get(c.name())).containsExactlyInAnyOrderElementsOf(c.levels());
            assertThat(points).as("2000 draws reach most of the 270 points").hasSizeGreaterThan(250);
        }

        @Test
        void corners_are_every_min_max_combination_then_the_middle() {
            List<Map<String, Double>> corners = space().corners();
            assertThat(corners).hasSize(9);
            assertThat(corners.get(0)).containsExactly(Map.entry("LOAD_RATIO", 1.5), Map.entry("FULCRUM_OFFSET", -0.4),
                    Map.entry("COUNT", 3.0));
            assertThat(corners.get(1)).containsExactly(Map.entry("LOAD_RATIO", 6.0), Map.entry("FULCRUM_OFFSET", -0.4),
                    Map.entry("COUNT", 3.0));
            assertThat(corners.get(2)).containsEntry("FULCRUM_OFFSET", 0.4).containsEntry("LOAD_RATIO", 1.5);
            assertThat(corners.get(7)).containsExactly(Map.entry("LOAD_RATIO", 6.0), Map.entry("FULCRUM_OFFSET", 0.4),
                    Map.entry("COUNT", 5.0));
            // 10 levels: the lower middle one; 9 levels: the middle one (0.0, not the default -0.1).
            assertThat(corners.get(8)).containsExactly(Map.entry("LOAD_RATIO", 3.5), Map.entry("FULCRUM_OFFSET", 0.0),
                    Map.entry("COUNT", 4.0));
            assertThat(new HashSet<>(corners)).hasSize(9);
        }

        @Test
        void a_fixed_constant_does_not_double_the_corners() {
            DesignSpace d = new DesignSpace(List.of("r"), List.of("v"),
                    List.of(new DesignConstant("A", 1, 3, 1, "a"), new DesignConstant("B", 5, 5, 1, "b")));
            assertThat(d.corners()).containsExactly(Map.of("A", 1.0, "B", 5.0), Map.of("A", 3.0, "B", 5.0),
                    Map.of("A", 2.0, "B", 5.0));
            assertThat(d.size()).isEqualTo(3);
        }
    }

    @Nested
    class TheSourceRegion {
        @Test
        void declared_reads_the_region_in_order() {
            assertThat(DesignSpace.declared(SOURCE)).containsExactly(Map.entry("LOAD_RATIO", 3.0),
                    Map.entry("FULCRUM_OFFSET", -0.1), Map.entry("COUNT", 4.0));
        }

        @Test
        void apply_writes_the_values_and_round_trips() {
            Map<String, Double> values = new LinkedHashMap<>();
            values.put("LOAD_RATIO", 4.5);
            values.put("FULCRUM_OFFSET", 0.30000000000000004);
            values.put("COUNT", 12.0);
            String applied = DesignSpace.apply(SOURCE, values);
            assertThat(DesignSpace.declared(applied)).isEqualTo(values);
            assertThat(applied).contains("    static final double LOAD_RATIO = 4.5;\n")
                    .contains("    static final double FULCRUM_OFFSET = 0.30000000000000004; // may be negative\n")
                    .contains("    static final double COUNT = 12.0;\n");
            // Text outside the region is untouched, even where it looks like a declaration.
            assertThat(applied).contains("LOAD_RATIO = 9.0 in a comment").contains("static final double LOAD_RATIO_TWIN = 3.0;");
            String before = SOURCE.substring(0, SOURCE.indexOf("// scenarist:begin design"));
            String after = SOURCE.substring(SOURCE.indexOf("// scenarist:end design"));
            assertThat(applied).startsWith(before).endsWith(after);
            // Writing the declared values back gives the source with canonical numbers; applying them again changes nothing.
            String canonical = DesignSpace.apply(SOURCE, DesignSpace.declared(SOURCE));
            assertThat(canonical).isEqualTo(SOURCE.replace("COUNT = 4;", "COUNT = 4.0;"));
            assertThat(DesignSpace.apply(canonical, DesignSpace.declared(canonical))).isEqualTo(canonical);
        }

        @Test
        void apply_with_some_values_keeps_the_others() {
            String applied = DesignSpace.apply(SOURCE, Map.of("COUNT", 7.0));
            assertThat(DesignSpace.declared(applied)).containsExactly(Map.entry("LOAD_RATIO", 3.0),
                    Map.entry("FULCRUM_OFFSET", -0.1), Map.entry("COUNT", 7.0));
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({"4.5, 4.5", "12, 12.0", "0.0001, 0.0001", "1e-7, 0.0000001", "-0.25, -0.25", "0, 0.0", "-0.0, 0.0",
                "1e21, 1000000000000000000000.0", "0.1, 0.1", "0.30000000000000004, 0.30000000000000004"})
        void numbers_are_written_as_the_shortest_exact_decimal(double value, String written) {
            assertThat(DesignSpace.format(value)).isEqualTo(written);
            assertThat(Double.parseDouble(written)).isEqualTo(value == 0 ? 0.0 : value);
        }

        @Test
        void apply_rejects_a_constant_the_region_does_not_declare() {
            assertThatThrownBy(() -> DesignSpace.apply(SOURCE, Map.of("LOAD_RATIO_TWIN", 1.0)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("does not declare LOAD_RATIO_TWIN")
                    .hasMessageContaining("LOAD_RATIO, FULCRUM_OFFSET, COUNT");
            assertThatThrownBy(() -> DesignSpace.apply(SOURCE, Map.of("LOAD_RATIO", Double.NaN)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LOAD_RATIO");
        }

        @Test
        void a_missing_region_is_an_error() {
            String without = SOURCE.replace("// scenarist:begin design", "// design").replace("// scenarist:end design", "");
            assertThatThrownBy(() -> DesignSpace.declared(without)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("no design region");
            assertThatThrownBy(() -> DesignSpace.apply(without, Map.of("LOAD_RATIO", 1.0)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no design region");
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
                not closed           | // scenarist:end design                  | ~                              | never closed
                opened twice         | static final double COUNT = 4;           | static final double COUNT = 4;\\n    // scenarist:begin design | opens the design region twice
                closed twice         | // scenarist:end design                  | // scenarist:end design\\n    // scenarist:end design | closes the design region twice
                not a double         | static final double COUNT = 4;           | static final int COUNT = 4;    | found: static final int COUNT = 4;
                not final            | static final double COUNT = 4;           | static double COUNT = 4;       | found: static double COUNT = 4;
                an expression        | static final double COUNT = 4;           | static final double COUNT = 2 * 2; | found: static final double COUNT = 2 * 2;
                a method             | static final double COUNT = 4;           | static final double COUNT = 4;\\n    static double twice() { return 2; } | found: static double twice()
                lower-case name      | static final double COUNT = 4;           | static final double count = 4; | 'count' is not UPPER_SNAKE
                declared twice       | static final double COUNT = 4;           | static final double COUNT = 4;\\n    static final double COUNT = 5; | COUNT is declared twice
                open comment         | // How many things.                      | /* How many things.            | comment is not closed
                """)
        void a_malformed_region_is_an_error(String what, String replace, String with, String message) {
            String broken = SOURCE.replace(replace, "~".equals(with) ? "" : with.replace("\\n", "\n"));
            assertThat(broken).as(what).isNotEqualTo(SOURCE);
            assertThatThrownBy(() -> DesignSpace.declared(broken)).as(what)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
        }

        @Test
        void an_empty_region_is_an_error() {
            String empty = """
                    class X {
                        // scenarist:begin design
                        // nothing here
                        // scenarist:end design
                    }
                    """;
            assertThatThrownBy(() -> DesignSpace.declared(empty)).hasMessageContaining("declares no constants");
            String reversed = """
                    class X {
                        // scenarist:end design
                        static final double A = 1.0;
                        // scenarist:begin design
                    }
                    """;
            assertThatThrownBy(() -> DesignSpace.declared(reversed)).hasMessageContaining("comes before");
        }
    }
}
