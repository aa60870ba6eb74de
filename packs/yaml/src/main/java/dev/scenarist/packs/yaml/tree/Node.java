package dev.scenarist.packs.yaml.tree;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scenarist.packs.yaml.PackDefinitionException;

/**
 * A node of a YAML document that remembers where it was written and the path to it, so that whatever reads the
 * document can point at the exact spot when a value is wrong.
 */
public sealed interface Node permits MapNode, ListNode, ScalarNode {
    SourceLocation location();

    /** The path from the document root, e.g. {@code stages[1].policy.max_attempts}; empty for the root. */
    String path();

    /** How the node reads in an error message: "a mapping", "a list", "the text 'abc'", "nothing". */
    String describe();

    /** The node as a Jackson tree (for JSON Schema, which wants JSON). */
    JsonNode toJson();

    /**
     * The node at a JSON pointer below this one ({@code /properties/title/type}), or the deepest node on the way
     * there: used to point at the line of an inline JSON Schema's mistake.
     */
    default Node deepestAt(String pointer) {
        Node n = this;
        if (pointer == null || pointer.isEmpty()) return n;
        for (String raw : pointer.substring(1).split("/", -1)) {
            String token = raw.replace("~1", "/").replace("~0", "~");
            Node next = switch (n) {
                case MapNode m -> m.entries().containsKey(token) ? m.entries().get(token).value() : null;
                case ListNode l -> token.matches("\\d+") && Integer.parseInt(token) < l.items().size() ? l.items().get(Integer.parseInt(token)) : null;
                case ScalarNode s -> null;
            };
            if (next == null) return n;
            n = next;
        }
        return n;
    }

    default PackDefinitionException error(String problem, String fix) {
        return new PackDefinitionException(location(), path(), problem, fix);
    }

    default MapNode asMap(String example) {
        if (this instanceof MapNode m) return m;
        throw error("expected a mapping (key: value lines) but found " + describe(), example);
    }

    default ListNode asList(String example) {
        if (this instanceof ListNode l) return l;
        throw error("expected a list but found " + describe(), example);
    }

    default ScalarNode asScalar(String example) {
        if (this instanceof ScalarNode s && !s.isNull()) return s;
        throw error("expected a single value but found " + describe(), example);
    }

    /** The node's text; it must be a single non-empty value. */
    default String asText(String example) {
        String text = asScalar(example).text();
        if (text.isBlank()) throw error("expected a value but found an empty text", example);
        return text;
    }
}
