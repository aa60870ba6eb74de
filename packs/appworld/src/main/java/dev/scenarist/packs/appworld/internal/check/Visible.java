package dev.scenarist.packs.appworld.internal.check;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Strings found in JSON, and which arguments are identifiers (ids, addresses) a good agent must have read. */
final class Visible {
    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[a-z]{2,}");
    private final Set<String> strings = new HashSet<>();

    void addAll(JsonNode n) {
        if (n == null) return;
        if (n.isTextual()) strings.add(n.asText());
        else if (n.isContainerNode()) n.forEach(this::addAll);
        else if (n.isNumber()) strings.add(n.asText());
    }

    /** Seen as a whole value, or inside one (an address in an email's text). */
    boolean contains(String value) {
        if (strings.contains(value)) return true;
        return value.length() >= 3 && strings.stream().anyMatch(s -> s.contains(value));
    }

    static boolean isIdentifier(String arg, String value) {
        return arg.endsWith("_id") || arg.endsWith("_ids") || arg.equals("recipients") || arg.equals("cc") || arg.equals("email")
                || EMAIL.matcher(value).matches();
    }

    /** The string values of an argument (a string, or the strings of an array). */
    static List<String> values(JsonNode v) {
        List<String> out = new ArrayList<>();
        if (v.isTextual()) out.add(v.asText());
        else if (v.isArray()) v.forEach(x -> {
            if (x.isTextual()) out.add(x.asText());
        });
        return out;
    }
}
