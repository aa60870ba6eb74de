package dev.scenarist.packs.appworld.phone.seed;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scenarist.packs.appworld.phone.SimClock;
import dev.scenarist.packs.appworld.phone.tools.Suggestions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A piece of seed JSON that knows its own path, so every complaint names where the bad value is. Readers are
 * strict: unknown fields are errors (a misspelt field would otherwise be silently ignored and the scenario would
 * not say what its author meant).
 */
public final class SeedNode {
    private final JsonNode node;
    private final String path;

    public SeedNode(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    public String path() {
        return path;
    }

    public JsonNode json() {
        return node;
    }

    /** Requires a JSON object whose fields are all among {@code known}. */
    public SeedNode object(Set<String> known) {
        if (!node.isObject()) throw fail("expected a JSON object, got " + describe(node));
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) throw new SeedException(path + "." + f, "unknown field; " + Suggestions.hint(f, known));
        }
        return this;
    }

    public boolean has(String field) {
        return node.has(field) && !node.get(field).isNull();
    }

    public String string(String field) {
        JsonNode v = need(field);
        if (!v.isTextual()) throw at(field, "expected a string, got " + describe(v));
        return v.asText();
    }

    public String string(String field, String fallback) {
        return has(field) ? string(field) : fallback;
    }

    public Optional<String> optString(String field) {
        return has(field) ? Optional.of(string(field)) : Optional.empty();
    }

    public Instant instant(String field) {
        String s = string(field);
        return SimClock.parse(s).orElseThrow(() -> at(field, "\"" + s + "\" is not a datetime; use YYYY-MM-DD HH:MM:SS"));
    }

    public Instant instant(String field, Instant fallback) {
        return has(field) ? instant(field) : fallback;
    }

    public long integer(String field, long fallback) {
        if (!has(field)) return fallback;
        JsonNode v = node.get(field);
        if (!v.isIntegralNumber()) throw at(field, "expected an integer, got " + describe(v));
        return v.asLong();
    }

    public double number(String field) {
        JsonNode v = need(field);
        if (!v.isNumber()) throw at(field, "expected a number, got " + describe(v));
        return v.asDouble();
    }

    public double number(String field, double fallback) {
        return has(field) ? number(field) : fallback;
    }

    public boolean bool(String field, boolean fallback) {
        if (!has(field)) return fallback;
        JsonNode v = node.get(field);
        if (!v.isBoolean()) throw at(field, "expected true or false, got " + describe(v));
        return v.asBoolean();
    }

    public List<String> strings(String field) {
        if (!has(field)) return List.of();
        JsonNode v = node.get(field);
        if (!v.isArray()) throw at(field, "expected an array of strings, got " + describe(v));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isTextual()) throw new SeedException(path + "." + field + "[" + i + "]", "expected a string, got " + describe(v.get(i)));
            out.add(v.get(i).asText());
        }
        return List.copyOf(out);
    }

    /** The elements of an array field (absent = empty). */
    public List<SeedNode> list(String field) {
        if (!has(field)) return List.of();
        JsonNode v = node.get(field);
        if (!v.isArray()) throw at(field, "expected an array, got " + describe(v));
        List<SeedNode> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) out.add(new SeedNode(v.get(i), path + "." + field + "[" + i + "]"));
        return out;
    }

    /** The entries of an object field (absent = empty), in document order. */
    public Map<String, SeedNode> entries(String field) {
        Map<String, SeedNode> out = new LinkedHashMap<>();
        if (!has(field)) return out;
        JsonNode v = node.get(field);
        if (!v.isObject()) throw at(field, "expected a JSON object, got " + describe(v));
        v.properties().forEach(e -> out.put(e.getKey(), new SeedNode(e.getValue(), path + "." + field + "." + e.getKey())));
        return out;
    }

    public SeedNode child(String field) {
        return new SeedNode(need(field), path + "." + field);
    }

    /** A problem with this node itself. */
    public SeedException fail(String problem) {
        return new SeedException(path, problem);
    }

    /** A problem with one field of this node. */
    public SeedException at(String field, String problem) {
        return new SeedException(path + "." + field, problem);
    }

    private JsonNode need(String field) {
        if (!has(field)) throw at(field, "required field is missing");
        return node.get(field);
    }

    private static String describe(JsonNode v) {
        String s = v.toString();
        return v.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " " + (s.length() <= 40 ? s : s.substring(0, 37) + "...");
    }
}
