package dev.scenarist.packs.yaml.tree;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;

/** A YAML sequence. */
public record ListNode(SourceLocation location, String path, List<Node> items) implements Node {
    public ListNode {
        items = List.copyOf(items);
    }

    @Override
    public String describe() {
        return "a list";
    }

    /** Every item as a non-empty text value. */
    public List<String> texts(String example) {
        List<String> out = new ArrayList<>();
        for (Node n : items) out.add(n.asText(example));
        return out;
    }

    @Override
    public JsonNode toJson() {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        for (Node n : items) a.add(n.toJson());
        return a;
    }
}
