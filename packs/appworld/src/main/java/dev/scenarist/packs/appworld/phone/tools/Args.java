package dev.scenarist.packs.appworld.phone.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scenarist.packs.appworld.phone.SimClock;
import dev.scenarist.packs.appworld.phone.nav.Screen;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A call's arguments, already checked against the tool's parameters (names, required, JSON types, allowed values),
 * plus who is calling and, for the user, the screen they are on. Every error it raises starts with the tool's name
 * and names the argument, the bad value and what would be valid.
 */
public final class Args {
    private final ToolSpec spec;
    private final ObjectNode values;
    private final Actor actor;
    private final Screen screen;

    private Args(ToolSpec spec, ObjectNode values, Actor actor, Screen screen) {
        this.spec = spec;
        this.values = values;
        this.actor = actor;
        this.screen = screen;
    }

    /** Checks {@code raw} against {@code spec}; nulls count as absent. */
    public static Args validate(ToolSpec spec, JsonNode raw, Actor actor, Screen screen) {
        String tool = spec.qualifiedName();
        if (raw != null && !raw.isNull() && !raw.isObject()) {
            throw new ToolException(tool + ": arguments must be a JSON object, got " + raw.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " " + abbreviate(raw));
        }
        ObjectNode given = raw == null || raw.isNull() ? JsonNodeFactory.instance.objectNode() : (ObjectNode) raw;
        ObjectNode clean = given.objectNode();
        List<String> known = spec.params().stream().map(Param::name).toList();
        for (Map.Entry<String, JsonNode> e : given.properties()) {
            Optional<Param> p = spec.param(e.getKey());
            if (p.isEmpty()) {
                throw new ToolException(tool + ": unknown argument '" + e.getKey() + "'; "
                        + (known.isEmpty() ? "this tool takes no arguments" : Suggestions.hint(e.getKey(), known)));
            }
            if (e.getValue().isNull()) continue;
            Param param = p.get();
            if (!param.type().accepts(e.getValue())) {
                throw new ToolException(tool + ": argument '" + param.name() + "' must be " + param.type().expected() + ", got " + abbreviate(e.getValue()));
            }
            if (!param.allowed().isEmpty() && !param.allowed().contains(e.getValue().asText())) {
                throw new ToolException(tool + ": argument '" + param.name() + "' is " + abbreviate(e.getValue())
                        + "; valid values: " + String.join(", ", param.allowed()));
            }
            clean.set(param.name(), e.getValue());
        }
        for (Param p : spec.params()) {
            if (p.required() && !clean.has(p.name())) {
                throw new ToolException(tool + ": missing required argument '" + p.name() + "' (" + p.type().expected() + ": " + p.description() + ")");
            }
        }
        return new Args(spec, clean, actor, screen);
    }

    public ToolSpec spec() {
        return spec;
    }

    public Actor actor() {
        return actor;
    }

    /** The caller's current screen (meaningful for the user; the agent has no screen). */
    public Screen screen() {
        return screen;
    }

    /** The validated arguments, for logs and notification templates. */
    public ObjectNode json() {
        return values.deepCopy();
    }

    public boolean has(String name) {
        return values.has(name);
    }

    public String string(String name) {
        declared(name);
        JsonNode v = values.get(name);
        if (v == null) throw missing(name);
        return v.asText();
    }

    public Optional<String> optString(String name) {
        declared(name);
        return Optional.ofNullable(values.get(name)).map(JsonNode::asText);
    }

    public String string(String name, String fallback) {
        return optString(name).orElse(fallback);
    }

    /** A non-blank string. */
    public String text(String name) {
        String s = string(name);
        if (s.isBlank()) throw fail("argument '" + name + "' must not be empty");
        return s;
    }

    public Optional<Long> optLong(String name) {
        declared(name);
        return Optional.ofNullable(values.get(name)).map(v -> (long) Math.rint(v.asDouble()));
    }

    public long longValue(String name, long fallback) {
        return optLong(name).orElse(fallback);
    }

    public int nonNegative(String name, int fallback) {
        long v = longValue(name, fallback);
        if (v < 0 || v > Integer.MAX_VALUE) throw fail("argument '" + name + "' must be 0 or more, got " + v);
        return (int) v;
    }

    public Optional<Double> optNumber(String name) {
        declared(name);
        return Optional.ofNullable(values.get(name)).map(JsonNode::asDouble);
    }

    public Optional<Boolean> optBoolean(String name) {
        declared(name);
        return Optional.ofNullable(values.get(name)).map(JsonNode::asBoolean);
    }

    public List<String> strings(String name) {
        declared(name);
        List<String> out = new ArrayList<>();
        JsonNode v = values.get(name);
        if (v != null) v.forEach(e -> out.add(e.asText()));
        return List.copyOf(out);
    }

    public Optional<JsonNode> optObject(String name) {
        declared(name);
        return Optional.ofNullable(values.get(name)).map(JsonNode::deepCopy);
    }

    /** An argument in ARE's "YYYY-MM-DD HH:MM:SS" form. */
    public Optional<Instant> optDatetime(String name) {
        return optString(name).map(s -> SimClock.parse(s).orElseThrow(() -> fail("argument '" + name + "' is \"" + s
                + "\", which is not a datetime; use the format YYYY-MM-DD HH:MM:SS, e.g. \"2024-10-15 09:30:00\"")));
    }

    public Instant datetime(String name) {
        if (!has(name)) throw missing(name);
        return optDatetime(name).orElseThrow();
    }

    /** A refusal prefixed with the tool's name. */
    public ToolException fail(String message) {
        return new ToolException(spec.qualifiedName() + ": " + message);
    }

    /** "EmailClientApp__get_email_by_id: no email with email_id 'e9'; did you mean 'e1'? known: 'e1', 'e2'". */
    public ToolException unknown(String what, String name, String value, Collection<String> known) {
        return fail("no " + what + " with " + name + " '" + value + "'; " + Suggestions.hint(value, known));
    }

    private ToolException missing(String name) {
        return fail("missing required argument '" + name + "'");
    }

    private void declared(String name) {
        if (spec.param(name).isEmpty()) {
            // a programming error in the tool's own body, not the caller's
            throw new IllegalStateException(spec.qualifiedName() + " reads undeclared parameter " + name);
        }
    }

    private static String abbreviate(JsonNode v) {
        String s = v.toString();
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    /** Sorted copy of arguments, for deterministic display. */
    public Map<String, String> asTextMap() {
        Map<String, String> m = new TreeMap<>();
        values.properties().forEach(e -> m.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText()
                : e.getValue().isArray() ? joinArray(e.getValue()) : e.getValue().toString()));
        return m;
    }

    private static String joinArray(JsonNode array) {
        List<String> parts = new ArrayList<>();
        array.forEach(e -> parts.add(e.asText()));
        return String.join(", ", parts);
    }
}
