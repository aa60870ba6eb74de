package dev.scenarist.packs.yaml.tree;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.scenarist.packs.yaml.PackDefinitionException;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

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
        return parseDocument(text).orElseThrow(() -> new PackDefinitionException(SourceLocation.wholeFile(file), "",
                "the file is empty", "start with at least 'name: my-pack' and a 'stages:' list"));
    }

    /**
     * Parses a document that may be empty (nothing but comments or blank lines): empty then.
     *
     * @throws PackDefinitionException as {@link #parse}, except for an empty document
     */
    public Optional<Node> parseDocument(String text) {
        try (JsonParser p = factory.createParser(text)) {
            JsonToken first = p.nextToken();
            return first == null ? Optional.empty() : Optional.of(read(p, first, ""));
        } catch (JsonProcessingException e) {
            throw new PackDefinitionException(where(e), "", "the YAML is not well-formed: " + reason(e.getOriginalMessage()),
                    "check the indentation (spaces, not tabs), the ':' after each key, and quote values containing ': ' or '#'");
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

    /**
     * Where the parser found the problem. SnakeYAML knows two places, the construct it was reading (Jackson reports
     * that one) and the character it stumbled on; the second is where a person has to look.
     */
    private SourceLocation where(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException m && m.getProblemMark() != null) {
            return new SourceLocation(file, m.getProblemMark().getLine() + 1, m.getProblemMark().getColumn() + 1);
        }
        JsonLocation l = e.getLocation();
        return l == null ? SourceLocation.wholeFile(file) : new SourceLocation(file, l.getLineNr(), l.getColumnNr());
    }

    /** SnakeYAML's wording of the usual slips, said the way a person would see them. */
    private static String reason(String message) {
        String m = firstLines(message);
        if (m.contains("expected <block end>")) return "this line is indented differently from the lines above it";
        if (m.contains("could not find expected ':'")) return "a line above has a key without ':' after it";
        if (m.contains("(TAB)")) return "a tab is used for indentation";
        if (m.contains("mapping values are not allowed here")) {
            return "a ':' where no key can start (the line is indented too far, or a value containing ': ' needs quotes)";
        }
        if (m.contains("<block")) return "the indentation does not line up";
        if (m.contains("Expected a field name")) {
            return "a key is itself a mapping or a list (a '{', '[' or '- ' where a plain key name belongs)";
        }
        // whatever else the parser says, its own class names and event dumps mean nothing to a person
        return m.replaceAll("<org\\.yaml[^>]*>", "this").replaceAll("\\b(org\\.yaml|com\\.fasterxml)(\\.\\w+)+", "the parser");
    }

    private static String firstLines(String message) {
        if (message == null) return "";
        // snakeyaml's message repeats the offending line with a caret; the location already says where
        return message.lines().filter(l -> !l.isBlank() && !l.startsWith("    ") && !l.startsWith(" in ")).map(String::strip)
                .reduce((a, b) -> a + " " + b).orElse(message.strip());
    }
}
