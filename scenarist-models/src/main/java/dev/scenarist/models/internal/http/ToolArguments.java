package dev.scenarist.models.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scenarist.core.model.Json;
import dev.scenarist.models.ToolCall;

/** Reads a tool call's arguments as a model sent them; what is not a JSON object is {@link ToolCall.Arguments.Malformed}, never an exception. */
final class ToolArguments {
    private ToolArguments() {}

    /** OpenAI-style arguments: JSON text ({@code ""} means no arguments), or already a JSON value (some servers send an object). */
    static ToolCall.Arguments read(JsonNode arguments) {
        if (arguments == null || arguments.isMissingNode() || arguments.isNull()) return new ToolCall.Arguments.Valid(Json.mapper().createObjectNode());
        if (arguments.isTextual()) return parse(arguments.asText());
        return ofValue(arguments);
    }

    static ToolCall.Arguments parse(String raw) {
        if (raw.isBlank()) return new ToolCall.Arguments.Valid(Json.mapper().createObjectNode());
        JsonNode value;
        try {
            value = Json.mapper().readTree(raw);
        } catch (JsonEOFException e) {
            return new ToolCall.Arguments.Malformed(raw, "not valid JSON: it ends early (cut short?)");
        } catch (JsonProcessingException e) {
            return new ToolCall.Arguments.Malformed(raw, "not valid JSON: " + e.getOriginalMessage().lines().findFirst().orElse("a syntax error"));
        }
        if (value instanceof ObjectNode o) return new ToolCall.Arguments.Valid(o);
        return new ToolCall.Arguments.Malformed(raw, "not a JSON object but " + kind(value));
    }

    /** Arguments given as a JSON value (Anthropic's {@code input}, Ollama's {@code arguments}). */
    static ToolCall.Arguments ofValue(JsonNode value) {
        if (value instanceof ObjectNode o) return new ToolCall.Arguments.Valid(o);
        if (value.isTextual()) return parse(value.asText());
        return new ToolCall.Arguments.Malformed(value.toString(), "not a JSON object but " + kind(value));
    }

    /** The arguments as a JSON object to send back in the conversation: the object, or {@code {}} for malformed ones. */
    static ObjectNode asObject(ToolCall.Arguments arguments) {
        return switch (arguments) {
            case ToolCall.Arguments.Valid v -> v.value();
            case ToolCall.Arguments.Malformed m -> Json.mapper().createObjectNode();
        };
    }

    /**
     * A tool result's content for providers without an error flag (OpenAI, Ollama): a failed call's text starts with
     * {@code Error: } unless it already says so, so the model can tell.
     */
    static String resultText(dev.scenarist.models.ChatMessage.ToolOutput t) {
        return t.error() && !t.content().regionMatches(true, 0, "error", 0, 5) ? "Error: " + t.content() : t.content();
    }

    private static String kind(JsonNode value) {
        if (value == null || value.isMissingNode()) return "nothing";
        if (value.isArray()) return "an array";
        if (value.isTextual()) return "a string";
        if (value.isNumber()) return "a number";
        if (value.isBoolean()) return "a boolean";
        if (value.isNull()) return "null";
        return value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
