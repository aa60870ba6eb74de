package dev.scenarist.packs.yaml.tree;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.scenarist.packs.yaml.PackDefinitionException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Reads YAML into {@link Node}s that keep their line and column. Jackson's own trees drop locations, so this walks
 * the parser's tokens and records {@link JsonParser#currentTokenLocation()} for every key and value.
 */
public final class YamlTree {
    private final YAMLFactory factory = YAMLFactory.builder().build();
    private final String file;

    /** @param file how the file is named in error messages (the path the user gave, not necessarily absolute) */
    public YamlTree(String file) {
        this.file = file;
    }

    /**
     * Parses a whole document.
     *
     * @throws PackDefinitionException for invalid YAML (with the parser's line and column), an empty document,
     *                                 or a key written twice in one mapping
     */
    public Node parse(String text) {
        try (JsonParser p = factory.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new PackDefinitionException(SourceLocation.wholeFile(file), "", "the file is empty",
                        "start with at least 'name: my-pack' and a 'stages:' list");
            }
            return read(p, first, "");
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            SourceLocation at = l == null ? SourceLocation.wholeFile(file) : new SourceLocation(file, l.getLineNr(), l.getColumnNr());
            throw new PackDefinitionException(at, "", "invalid YAML: " + firstLines(e.getOriginalMessage()),
                    "check indentation (spaces, not tabs), the ':' after each key, and quote values containing ': ' or '#'");
        } catch (IOException e) {
            throw new PackDefinitionException(SourceLocation.wholeFile(file), "", "cannot read: " + e.getMessage(), "");
        }
    }

    private Node read(JsonParser p, JsonToken t, String path) throws IOException {
        SourceLocation at = here(p);
        return switch (t) {
            case START_OBJECT -> {
                LinkedHashMap<String, MapNode.Entry> entries = new LinkedHashMap<>();
                JsonToken next;
                while ((next = p.nextToken()) != JsonToken.END_OBJECT) {
                    String key = p.currentName();
                    SourceLocation keyAt = here(p);
                    String childPath = path.isEmpty() ? key : path + "." + key;
                    Node value = read(p, p.nextToken(), childPath);
                    MapNode.Entry earlier = entries.putIfAbsent(key, new MapNode.Entry(keyAt, value));
                    if (earlier != null) {
                        throw new PackDefinitionException(keyAt, path, "field '" + key + "' is written twice (first at line "
                                + earlier.keyLocation().line() + ")", "keep one of them");
                    }
                    if (next != JsonToken.FIELD_NAME) throw new IllegalStateException("expected a key, got " + next);
                }
                yield new MapNode(at, path, entries);
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                JsonToken next;
                while ((next = p.nextToken()) != JsonToken.END_ARRAY) items.add(read(p, next, path + "[" + items.size() + "]"));
                yield new ListNode(at, path, items);
            }
            case VALUE_STRING -> new ScalarNode(at, path, p.getText(), ScalarNode.Type.STRING);
            case VALUE_NUMBER_INT -> new ScalarNode(at, path, p.getText(), ScalarNode.Type.INTEGER);
            case VALUE_NUMBER_FLOAT -> new ScalarNode(at, path, p.getText(), ScalarNode.Type.FLOAT);
            case VALUE_TRUE, VALUE_FALSE -> new ScalarNode(at, path, p.getText(), ScalarNode.Type.BOOLEAN);
            case VALUE_NULL -> new ScalarNode(at, path, "", ScalarNode.Type.NULL);
            default -> throw new PackDefinitionException(at, path, "unsupported YAML content (" + t + ")",
                    "use plain mappings, lists and values; anchors, tags and embedded objects are not supported");
        };
    }

    private SourceLocation here(JsonParser p) {
        JsonLocation l = p.currentTokenLocation();
        return new SourceLocation(file, l.getLineNr(), l.getColumnNr());
    }

    private static String firstLines(String message) {
        if (message == null) return "";
        // snakeyaml's message repeats the offending line with a caret; the location already says where
        return message.lines().filter(l -> !l.isBlank() && !l.startsWith("    ") && !l.startsWith(" in ")).map(String::strip)
                .reduce((a, b) -> a + " " + b).orElse(message.strip());
    }
}
