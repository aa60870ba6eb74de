package dev.scenarist.packs.services.internal.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * plan.json read leniently for the rubric: a missing or mistyped field reads as empty, because scoring a bad plan low
 * is the rubric's job and naming the field is the plan schema check's.
 */
record PlanView(JsonNode root) {
    record Requirement(String id, String text, String priority, List<String> coveredBy) {}

    record Component(String name, String kind, String resource, String purpose) {}

    record Table(String name, List<String> columns) {}

    record Resource(String name, String why) {}

    record Acceptance(String requirement, String check) {}

    List<Requirement> requirements() {
        List<Requirement> out = new ArrayList<>();
        for (JsonNode r : array(root.path("requirements"))) {
            out.add(new Requirement(text(r, "id"), text(r, "text"), text(r, "priority"), strings(r.path("covered_by"))));
        }
        return out;
    }

    List<Component> components() {
        List<Component> out = new ArrayList<>();
        for (JsonNode c : array(root.path("architecture").path("components"))) {
            out.add(new Component(text(c, "name"), text(c, "kind"), text(c, "resource"), text(c, "purpose")));
        }
        return out;
    }

    List<Table> tables() {
        List<Table> out = new ArrayList<>();
        for (JsonNode t : array(root.path("architecture").path("data_model"))) out.add(new Table(text(t, "table"), strings(t.path("columns"))));
        return out;
    }

    List<Resource> resources() {
        List<Resource> out = new ArrayList<>();
        for (JsonNode r : array(root.path("resources"))) out.add(new Resource(text(r, "name"), text(r, "why")));
        return out;
    }

    List<Acceptance> acceptance() {
        List<Acceptance> out = new ArrayList<>();
        for (JsonNode a : array(root.path("acceptance"))) out.add(new Acceptance(text(a, "requirement"), text(a, "check")));
        return out;
    }

    Set<String> resourceNames() {
        Set<String> out = new LinkedHashSet<>();
        resources().forEach(r -> out.add(r.name()));
        return out;
    }

    String field(String object, String name) {
        return text(root.path(object), name);
    }

    List<String> strings(String field) {
        return strings(root.path(field));
    }

    List<String> analysisUsers() {
        return strings(root.path("analysis").path("users"));
    }

    /** A sentence worth the name: at least {@code words} words and not a placeholder. */
    static boolean substantive(String s, int words) {
        String t = s.strip();
        if (t.isEmpty()) return false;
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.matches("(tbd|todo|tba|n/?a|none|unknown|later|to be (decided|defined|determined))\\.?")) return false;
        return t.split("\\s+").length >= words;
    }

    static boolean hasNumber(String s) {
        return s.chars().anyMatch(Character::isDigit);
    }

    private static Iterable<JsonNode> array(JsonNode n) {
        return n.isArray() ? n : List.of();
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isTextual() ? v.asText() : "";
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : array(n)) if (v.isTextual()) out.add(v.asText());
        return out;
    }
}
