package dev.scenarist.packs.services.internal.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A JSON or YAML document read into a Jackson tree that remembers the line of every value, so a finding about
 * {@code /deployment/phases/0/tasks/1/retries} can also say "line 41". Jackson's own trees drop locations; this walks
 * the parser's tokens and records {@link JsonParser#currentTokenLocation()} for every member and item.
 *
 * @param tree  the document
 * @param lines 1-based line of each JSON pointer ({@code ""} is the root); for an object member, the line of its key
 */
public record LocatedDocument(JsonNode tree, Map<String, Integer> lines) {
    private static final JsonFactory JSON = new JsonFactory();
    private static final YAMLFactory YAML = YAMLFactory.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    public LocatedDocument {
        lines = Map.copyOf(lines);
    }

    /** The text does not parse; {@code line} and {@code column} are 1-based, {@code reason} is the parser's, tidied. */
    public static final class MalformedException extends Exception {
        private final int line;
        private final int column;

        MalformedException(String reason, int line, int column) {
            super(reason);
            this.line = line;
            this.column = column;
        }

        public int line() {
            return line;
        }

        public int column() {
            return column;
        }
    }

    public static LocatedDocument json(String text) throws MalformedException {
        return read(JSON, text);
    }

    /** Reads YAML; an empty document (only comments) is an empty object. */
    public static LocatedDocument yaml(String text) throws MalformedException {
        return read(YAML, text);
    }

    /**
     * The line of the pointer, or of its nearest ancestor that has one (a missing property is reported on its parent's
     * line); 1 when nothing matches.
     */
    public int lineOf(String pointer) {
        String p = pointer;
        while (true) {
            Integer line = lines.get(p);
            if (line != null) return line;
            if (p.isEmpty()) return 1;
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }

    /** The JSON pointer token for a property name ({@code ~} and {@code /} escaped). */
    public static String token(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private static LocatedDocument read(JsonFactory factory, String text) throws MalformedException {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser p = factory.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) return new LocatedDocument(NODES.objectNode(), Map.of("", 1));
            JsonNode tree = value(p, first, "", lines);
            if (p.nextToken() != null) {
                JsonLocation l = p.currentTokenLocation();
                throw new MalformedException("more content after the end of the document", l.getLineNr(), l.getColumnNr());
            }
            return new LocatedDocument(tree, lines);
        } catch (JsonProcessingException e) {
            int[] at = where(e);
            throw new MalformedException(reason(e.getOriginalMessage()), at[0], at[1]);
        } catch (IOException e) {
            throw new MalformedException("cannot read: " + e.getMessage(), 1, 1);
        }
    }

    private static JsonNode value(JsonParser p, JsonToken t, String pointer, Map<String, Integer> lines)
            throws IOException, MalformedException {
        lines.putIfAbsent(pointer, p.currentTokenLocation().getLineNr());
        return switch (t) {
            case START_OBJECT -> {
                ObjectNode o = NODES.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    String child = pointer + "/" + token(key);
                    JsonLocation keyAt = p.currentTokenLocation();
                    if (o.has(key)) {
                        // Jackson would keep the last silently; the author meant one of them, so say which two collide
                        throw new MalformedException("key '" + key + "' is written twice in one object (first at line "
                                + lines.get(child) + "); keep one of them", keyAt.getLineNr(), keyAt.getColumnNr());
                    }
                    lines.put(child, keyAt.getLineNr());
                    o.set(key, value(p, p.nextToken(), child, lines));
                }
                yield o;
            }
            case START_ARRAY -> {
                ArrayNode a = NODES.arrayNode();
                JsonToken next;
                while ((next = p.nextToken()) != JsonToken.END_ARRAY) a.add(value(p, next, pointer + "/" + a.size(), lines));
                yield a;
            }
            case VALUE_STRING -> NODES.textNode(p.getText());
            case VALUE_NUMBER_INT -> NODES.numberNode(p.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(p.getDecimalValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> NODES.textNode(p.getText());
        };
    }

    /** SnakeYAML knows where it stumbled (the problem mark); Jackson reports where the construct began. */
    private static int[] where(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException m && m.getProblemMark() != null) {
            return new int[] {m.getProblemMark().getLine() + 1, m.getProblemMark().getColumn() + 1};
        }
        JsonLocation l = e.getLocation();
        return l == null ? new int[] {1, 1} : new int[] {Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr())};
    }

    private static String reason(String message) {
        if (message == null) return "not well-formed";
        // the parsers repeat the offending line with a caret and their own class names: the location already says where
        return message.lines().filter(l -> !l.isBlank() && !l.startsWith("    ") && !l.startsWith(" in ")).map(String::strip)
                .reduce((a, b) -> a + " " + b).orElse(message.strip())
                .replaceAll("\\b(org\\.yaml|com\\.fasterxml)(\\.\\w+)+", "the parser");
    }
}
