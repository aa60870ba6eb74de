package dev.scenarist.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A tool offered to a model: its name, what it does, and its parameters as a JSON Schema object. Sent as an OpenAI
 * {@code function} ({@code parameters}), an Anthropic tool ({@code input_schema}) or an Ollama function.
 *
 * @param name        {@code [A-Za-z0-9_-]{1,64}}, what both providers accept, e.g. {@code EmailClientApp__reply_to_email}
 * @param parameters  {@code {"type": "object", "properties": {...}, "required": [...]}}
 */
public record ToolDefinition(String name, String description, ObjectNode parameters) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public ToolDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(parameters, "parameters");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("tool name '" + name + "' is not 1-64 letters, digits, '_' or '-', which the providers require");
        }
        JsonNode type = parameters.path("type");
        if (!type.isTextual() || !type.asText().equals("object")) {
            throw new IllegalArgumentException("parameters of tool '" + name + "' must be a JSON Schema with \"type\": \"object\", got "
                    + (type.isMissingNode() ? "no type" : type.toString()));
        }
        parameters = parameters.deepCopy();
    }

    @Override
    public ObjectNode parameters() {
        return parameters.deepCopy();
    }
}
