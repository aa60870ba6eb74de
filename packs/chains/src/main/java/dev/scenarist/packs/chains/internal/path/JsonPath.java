package dev.scenarist.packs.chains.internal.path;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dot path with list indexes into captured JSON: {@code entries[0].item}, {@code semantic_memory.active_result_set_id}.
 * Resolving says where it stopped and why, so a broken placeholder or check names the exact missing piece.
 */
public record JsonPath(String text, List<Segment> segments) {
    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_\\-]*)((?:\\[\\d+])*)");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    public sealed interface Segment permits Field, Index {}

    public record Field(String name) implements Segment {}

    public record Index(int index) implements Segment {}

    /** The result of resolving: the value, or where and why the path has no value. */
    public sealed interface Lookup permits Found, NotFound {}

    public record Found(JsonNode value) implements Lookup {}

    public record NotFound(String reason) implements Lookup {}

    /** @throws IllegalArgumentException naming the bad part and the expected form */
    public static JsonPath parse(String text) {
        List<Segment> segments = new ArrayList<>();
        if (text.isBlank()) throw new IllegalArgumentException("an empty path; write it like entries[0].item");
        for (String part : text.split("\\.", -1)) {
            Matcher m = SEGMENT.matcher(part);
            if (!m.matches()) {
                throw new IllegalArgumentException("'" + part + "' in path '" + text + "' is not a field name with optional [index]es;"
                        + " write it like entries[0].item");
            }
            segments.add(new Field(m.group(1)));
            Matcher i = INDEX.matcher(m.group(2));
            while (i.find()) segments.add(new Index(Integer.parseInt(i.group(1))));
        }
        return new JsonPath(text, List.copyOf(segments));
    }

    public String head() {
        return ((Field) segments.get(0)).name();
    }

    /** This path without its first field (and keeping what follows it), e.g. {@code entries[0].item} of {@code step_01.entries[0].item}. */
    public JsonPath tail() {
        List<Segment> rest = segments.subList(1, segments.size());
        return new JsonPath(text.contains(".") ? text.substring(text.indexOf('.') + 1) : text.substring(head().length()), List.copyOf(rest));
    }

    public boolean isEmpty() {
        return segments.isEmpty();
    }

    public Lookup lookup(JsonNode root) {
        JsonNode at = root;
        StringBuilder walked = new StringBuilder();
        for (Segment s : segments) {
            switch (s) {
                case Field f -> {
                    if (at == null || !at.isObject()) return new NotFound(describe(walked) + " is " + kindOf(at) + ", not an object with '" + f.name() + "'");
                    if (!at.has(f.name())) {
                        List<String> names = new ArrayList<>();
                        at.fieldNames().forEachRemaining(names::add);
                        return new NotFound("no field '" + f.name() + "' in " + describe(walked) + " (it has: " + String.join(", ", names) + ")");
                    }
                    at = at.get(f.name());
                    if (!walked.isEmpty()) walked.append('.');
                    walked.append(f.name());
                }
                case Index i -> {
                    if (at == null || !at.isArray()) return new NotFound(describe(walked) + " is " + kindOf(at) + ", not a list");
                    if (i.index() >= at.size()) return new NotFound(describe(walked) + " has " + at.size() + " item(s), no [" + i.index() + "]");
                    at = at.get(i.index());
                    walked.append('[').append(i.index()).append(']');
                }
            }
        }
        return new Found(at);
    }

    private static String describe(StringBuilder walked) {
        return walked.isEmpty() ? "the document" : "'" + walked + "'";
    }

    private static String kindOf(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) return "null";
        if (n.isArray()) return "a list";
        if (n.isObject()) return "an object";
        return "the value " + n;
    }
}
