package dev.scenarist.packs.yaml.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scenarist.packs.yaml.PackDefinitionException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class YamlTreeTest {
    private final YamlTree tree = new YamlTree("pack.yaml");

    @Test
    void every_node_knows_its_line_column_and_path() {
        MapNode root = (MapNode) tree.parse("name: x\nstages:\n  - name: a\n    rounds: 3\n");
        ListNode stages = (ListNode) root.get("stages").orElseThrow();
        MapNode first = (MapNode) stages.items().getFirst();
        Node rounds = first.get("rounds").orElseThrow();

        assertThat(rounds.location()).isEqualTo(new SourceLocation("pack.yaml", 4, 13));
        assertThat(rounds.path()).isEqualTo("stages[0].rounds");
        assertThat(first.keyLocation("rounds")).isEqualTo(new SourceLocation("pack.yaml", 4, 5));
        assertThat(((ScalarNode) rounds).value()).isEqualTo(3);
    }

    @Test
    void scalars_keep_their_yaml_type() {
        MapNode m = (MapNode) tree.parse("a: text\nb: 2\nc: 0.5\nd: true\ne: ~\n");

        assertThat(m.entries().values()).extracting(e -> ((ScalarNode) e.value()).value())
                .containsExactly("text", 2, 0.5, true, null);
        assertThat(m.get("e")).isEmpty();
    }

    @Test
    void durations_read_with_their_units() {
        MapNode m = (MapNode) tree.parse("a: 30s\nb: 1m30s\nc: 250ms\nd: 2h\ne: 30\n");

        assertThat(List.of("a", "b", "c", "d")).extracting(k -> ((ScalarNode) m.get(k).orElseThrow()).asDuration(""))
                .containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(90), Duration.ofMillis(250), Duration.ofHours(2));
        assertThatThrownBy(() -> ((ScalarNode) m.get("e").orElseThrow()).asDuration("e.g. 30s"))
                .isInstanceOf(PackDefinitionException.class).hasMessageContaining("the number 30 has no unit");
    }

    @Test
    void numbers_out_of_range_name_the_range() {
        ScalarNode n = (ScalarNode) ((MapNode) tree.parse("max_attempts: 99\n")).get("max_attempts").orElseThrow();

        assertThatThrownBy(() -> n.asInt(1, 50, "e.g. 3")).isInstanceOf(PackDefinitionException.class)
                .hasMessageContaining("from 1 to 50").hasMessageContaining("pack.yaml:1:15");
    }

    @Test
    void a_json_pointer_finds_the_deepest_node_on_its_way() {
        Node schema = tree.parse("type: object\nproperties:\n  title:\n    type: strng\n");

        assertThat(schema.deepestAt("/properties/title/type").location().line()).isEqualTo(4);
        assertThat(schema.deepestAt("/properties/missing").path()).isEqualTo("properties");
    }
}
