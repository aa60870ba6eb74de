package dev.scenarist.packs.chains.internal.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.scenarist.packs.chains.ChainsFormatException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML into {@link YamlNode}s with their line and column. Jackson's trees drop locations, so this walks the
 * parser's tokens; a key written twice is refused (Jackson would silently keep the last).
 */
public final class YamlReader {
    private final YAMLFactory factory = YAMLFactory.builder().build();
    private final String file;

    /** @param file how the file is named in messages (as the user gave it) */
    public YamlReader(String file) {
        this.file = file;
    }

    public YamlNode read(String text) {
        try (JsonParser p = factory.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) throw new ChainsFormatException(file, 1, 1, "", "the file is empty", "start with 'pack:', 'domain:' and 'scenarios:'");
            return node(p, first, "");
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            throw new ChainsFormatException(file, l == null ? 1 : l.getLineNr(), l == null ? 1 : l.getColumnNr(), "",
                    "the YAML is not well-formed: " + e.getOriginalMessage().lines().findFirst().orElse(""),
                    "check the indentation (spaces, not tabs) and quote values containing ': ', '#' or '{{'");
        } catch (IOException e) {
            throw new ChainsFormatException(file, 1, 1, "", "cannot read: " + e.getMessage(), "");
        }
    }

    private YamlNode node(JsonParser p, JsonToken t, String path) throws IOException {
        YamlNode.Where at = here(p);
        return switch (t) {
            case START_OBJECT -> {
                LinkedHashMap<String, YamlNode> fields = new LinkedHashMap<>();
                Map<String, YamlNode.Where> keys = new HashMap<>();
                while (p.nextToken() != JsonToken.END_OBJECT) {
                    String key = p.currentName();
                    YamlNode.Where keyAt = here(p);
                    YamlNode.Where earlier = keys.putIfAbsent(key, keyAt);
                    if (earlier != null) {
                        throw new ChainsFormatException(file, keyAt.line(), keyAt.column(), path, "field '" + key
                                + "' is written twice (first at line " + earlier.line() + ")", "keep one of them");
                    }
                    fields.put(key, node(p, p.nextToken(), path.isEmpty() ? key : path + "." + key));
                }
                yield new YamlNode.Map(at, path, fields, keys);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                JsonToken next;
                while ((next = p.nextToken()) != JsonToken.END_ARRAY) items.add(node(p, next, path + "[" + items.size() + "]"));
                yield new YamlNode.Seq(at, path, items);
            }
            case VALUE_NULL -> new YamlNode.Scalar(at, path, "", true);
            case VALUE_STRING -> new YamlNode.Scalar(at, path, p.getText(), false);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE -> new YamlNode.Scalar(at, path, p.getText(), false);
            default -> throw new ChainsFormatException(file, at.line(), at.column(), path, "unsupported YAML content (" + t + ")",
                    "use plain mappings, lists and values");
        };
    }

    private YamlNode.Where here(JsonParser p) {
        JsonLocation l = p.currentTokenLocation();
        return new YamlNode.Where(file, l.getLineNr(), l.getColumnNr());
    }
}
