package dev.scenarist.packs.yaml.internal;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.scenarist.core.model.Json;
import dev.scenarist.core.workspace.Workspace;
import java.io.IOException;
import java.util.Optional;

/**
 * A scenario file, or one value inside a JSON/YAML file: {@code reference.sql} or {@code item.json#/question}.
 * Used for uniqueness text and summaries.
 */
public record FileReference(String file, Optional<JsonPointer> pointer) {
    private static final ObjectMapper YAML = new YAMLMapper();

    /** Parses {@code file} or {@code file#/json/pointer}; the pointer must start with '/'. */
    public static FileReference parse(String text) {
        int hash = text.indexOf('#');
        if (hash < 0) return new FileReference(text, Optional.empty());
        String pointer = text.substring(hash + 1);
        if (!pointer.startsWith("/")) {
            throw new IllegalArgumentException("'" + text + "': the part after '#' must be a JSON pointer starting with '/', e.g. "
                    + text.substring(0, hash) + "#/question");
        }
        return new FileReference(text.substring(0, hash), Optional.of(JsonPointer.compile(pointer)));
    }

    /**
     * The referenced text in a workspace: the whole file, or the value at the pointer (text values as they are,
     * anything else as JSON). Empty when the file or value is missing or the file does not parse.
     */
    public String read(Workspace workspace) {
        Optional<String> content = workspace.read(file);
        if (content.isEmpty() || pointer.isEmpty()) return content.orElse("");
        try {
            ObjectMapper mapper = file.endsWith(".yaml") || file.endsWith(".yml") ? YAML : Json.mapper();
            JsonNode value = mapper.readTree(content.get()).at(pointer.get());
            if (value.isMissingNode() || value.isNull()) return "";
            return value.isValueNode() ? value.asText() : Json.write(value);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public String toString() {
        return file + pointer.map(p -> "#" + p).orElse("");
    }
}
