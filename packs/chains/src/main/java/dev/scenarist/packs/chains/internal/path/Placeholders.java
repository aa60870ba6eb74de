package dev.scenarist.packs.chains.internal.path;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code {{step_01_inventory.entries[0].item}}} and {@code {{semantic_memory.active_result_set_id}}} in questions and
 * check operands, resolved from the captured JSON. Roots: an earlier step's id (its assistant response, or with
 * {@code .session.} / {@code .response.} after the id, that step's session or response explicitly);
 * {@code semantic_memory} and {@code session} (the latest session); {@code response} (the latest response). A
 * placeholder that cannot be resolved is a {@link UnresolvedPlaceholder} naming it and why — never an empty string.
 */
public final class Placeholders {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");
    public static final Set<String> SESSION_ROOTS = Set.of("semantic_memory", "session", "response");

    private Placeholders() {}

    /** Thrown when a placeholder has no value in what was captured. */
    public static final class UnresolvedPlaceholder extends Exception {
        private final String placeholder;

        UnresolvedPlaceholder(String placeholder, String reason) {
            super("placeholder {{" + placeholder + "}} cannot be resolved: " + reason);
            this.placeholder = placeholder;
        }

        public String placeholder() {
            return placeholder;
        }
    }

    /** One substitution made, for the step's debug record. */
    public record Resolution(String placeholder, String value) {}

    public record Resolved(String text, List<Resolution> resolutions) {}

    /** Every placeholder's path text in {@code text}, in order (for checking roots when a pool is read). */
    public static List<String> find(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) found.add(m.group(1));
        return found;
    }

    public static Resolved resolve(String text, Captures captures) throws UnresolvedPlaceholder {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        List<Resolution> made = new ArrayList<>();
        while (m.find()) {
            String expr = m.group(1);
            String value = valueText(lookup(expr, captures), expr);
            made.add(new Resolution(expr, value));
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return new Resolved(out.toString(), List.copyOf(made));
    }

    /** The JSON value a placeholder expression names. */
    public static JsonNode lookup(String expr, Captures captures) throws UnresolvedPlaceholder {
        JsonPath path;
        try {
            path = JsonPath.parse(expr);
        } catch (IllegalArgumentException e) {
            throw new UnresolvedPlaceholder(expr, e.getMessage());
        }
        String root = path.head();
        JsonNode doc;
        JsonPath rest;
        if (root.equals("semantic_memory")) {
            doc = captures.lastSession();
            rest = path;
        } else if (root.equals("session")) {
            doc = captures.lastSession();
            rest = path.tail();
        } else if (root.equals("response")) {
            doc = captures.lastResponse();
            rest = path.tail();
        } else {
            var step = captures.step(root).orElseThrow(() -> new UnresolvedPlaceholder(expr, "no answered step '" + root
                    + "' before this one" + (captures.stepIds().isEmpty() ? "" : " (answered so far: " + String.join(", ", captures.stepIds()) + ")")));
            rest = path.tail();
            doc = step.response();
            if (!rest.isEmpty() && rest.head().equals("session")) {
                doc = step.session();
                rest = rest.tail();
            } else if (!rest.isEmpty() && rest.head().equals("response")) {
                rest = rest.tail();
            }
        }
        if (doc == null || doc.isMissingNode()) throw new UnresolvedPlaceholder(expr, "nothing has been captured yet (no earlier step answered)");
        return switch (rest.lookup(doc)) {
            case JsonPath.Found f -> {
                if (f.value() == null || f.value().isNull()) throw new UnresolvedPlaceholder(expr, "its value is null");
                yield f.value();
            }
            case JsonPath.NotFound n -> throw new UnresolvedPlaceholder(expr, n.reason());
        };
    }

    private static String valueText(JsonNode v, String expr) throws UnresolvedPlaceholder {
        if (v.isValueNode()) {
            String s = v.asText();
            if (s.isEmpty()) throw new UnresolvedPlaceholder(expr, "its value is an empty string");
            return s;
        }
        return v.toString();
    }
}
