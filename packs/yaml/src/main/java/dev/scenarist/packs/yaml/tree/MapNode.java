package dev.scenarist.packs.yaml.tree;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scenarist.core.text.DidYouMean;
import dev.scenarist.packs.yaml.PackDefinitionException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedMap;
import java.util.Set;

/** A YAML mapping, keys in written order, each remembering where the key itself was written. */
public record MapNode(SourceLocation location, String path, SequencedMap<String, Entry> entries) implements Node {
    /** One {@code key: value} line. */
    public record Entry(SourceLocation keyLocation, Node value) {}

    public MapNode {
        entries = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(entries));
    }

    @Override
    public String describe() {
        return "a mapping";
    }

    public Set<String> keys() {
        return entries.keySet();
    }

    public boolean has(String key) {
        return get(key).isPresent();
    }

    /** The value under {@code key}; absent when the key is missing or its value is empty ({@code key:} or {@code ~}). */
    public Optional<Node> get(String key) {
        Entry e = entries.get(key);
        if (e == null || (e.value() instanceof ScalarNode s && s.isNull())) return Optional.empty();
        return Optional.of(e.value());
    }

    /** The value under {@code key}, or an error at this mapping naming the missing field and an example. */
    public Node require(String key, String example) {
        return get(key).orElseThrow(() -> entries.containsKey(key)
                ? new PackDefinitionException(entries.get(key).keyLocation(), childPath(key),
                        "field '" + key + "' has no value", example)
                : error("missing field '" + key + "'", example));
    }

    public SourceLocation keyLocation(String key) {
        Entry e = entries.get(key);
        return e == null ? location : e.keyLocation();
    }

    /**
     * Rejects every key not in {@code allowed}, pointing at the first such key; see {@link #unknownKeys}.
     */
    public MapNode allowOnly(Collection<String> allowed, String where) {
        List<FieldProblem> unknown = unknownKeys(allowed, where);
        if (!unknown.isEmpty()) throw new PackDefinitionException(unknown.getFirst());
        return this;
    }

    /**
     * Every key not in {@code allowed}, each pointing at the key, suggesting the closest allowed key (catches typos
     * like {@code max_attempt}) and listing what is allowed here.
     */
    public List<FieldProblem> unknownKeys(Collection<String> allowed, String where) {
        List<FieldProblem> out = new ArrayList<>();
        for (var e : entries.entrySet()) {
            String key = e.getKey();
            if (allowed.contains(key)) continue;
            Optional<String> close = DidYouMean.closest(key, allowed);
            String fix = close.map(c -> "did you mean '" + c + "'?").orElse("remove it")
                    + " (fields allowed in " + where + ": " + String.join(", ", allowed) + ")";
            out.add(new FieldProblem(e.getValue().keyLocation(), path, "unknown field '" + key + "'", fix));
        }
        return out;
    }

    public String childPath(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    @Override
    public JsonNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, Entry> e : entries.entrySet()) o.set(e.getKey(), e.getValue().value().toJson());
        return o;
    }
}
