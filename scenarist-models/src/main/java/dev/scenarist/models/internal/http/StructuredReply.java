package dev.scenarist.models.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scenarist.core.model.Json;
import java.util.List;
import java.util.Optional;

/**
 * Schema-constrained replies: the JSON schema a provider is asked to fill when a stage's reply must carry files, and
 * the way back from a conforming JSON reply to the engine's text format, so the guardrail
 * ({@code ReplyParser}) and the checks see exactly what a text reply with the same files would give.
 *
 * <p>The schema is {@code {"files": [{"path": <one of the outputs>, "content": <the whole file>}]}}, written to
 * satisfy OpenAI's strict mode (every property required, no additional properties). A reply that is not valid JSON
 * or lacks that shape is left as it came: it is a content problem for the guardrail to report with feedback, never an
 * infrastructure failure.
 */
public final class StructuredReply {
    /** The name of OpenAI's {@code json_schema} response format. */
    public static final String SCHEMA_NAME = "scenario_files";
    /** The name of the tool Anthropic is made to call. */
    public static final String TOOL_NAME = "write_files";
    /** What the tool is for, as the model reads it. */
    public static final String TOOL_DESCRIPTION = "Deliver the files this reply must contain. Call it once, with one entry per file:"
            + " its path, exactly as listed, and its complete content — the whole file, never a fragment, a diff or a"
            + " description of it.";

    private StructuredReply() {}

    /** The JSON schema for a reply carrying {@code outputs}: an object whose {@code files} each name one of them. */
    public static ObjectNode schema(List<String> outputs) {
        if (outputs.isEmpty()) throw new IllegalArgumentException("a structured reply needs at least one output file");
        ObjectNode schema = Json.mapper().createObjectNode();
        schema.put("type", "object");
        ObjectNode files = schema.putObject("properties").putObject("files");
        files.put("type", "array");
        ObjectNode item = files.putObject("items");
        item.put("type", "object");
        ObjectNode props = item.putObject("properties");
        ObjectNode path = props.putObject("path");
        path.put("type", "string");
        ArrayNode allowed = path.putArray("enum");
        outputs.forEach(allowed::add);
        props.putObject("content").put("type", "string");
        item.putArray("required").add("path").add("content");
        item.put("additionalProperties", false);
        schema.putArray("required").add("files");
        schema.put("additionalProperties", false);
        return schema;
    }

    /**
     * The reply text for a JSON document given as text (OpenAI's and Ollama's message content): the file blocks when it
     * conforms, else {@code raw} unchanged. (Anthropic's {@code tool_use} input arrives parsed and goes to
     * {@link #blocks(JsonNode)}.)
     */
    public static String fromText(String raw) {
        if (raw == null || raw.isBlank()) return raw == null ? "" : raw;
        JsonNode root;
        try {
            root = Json.mapper().readTree(raw);
        } catch (JsonProcessingException e) {
            return raw;
        }
        return blocks(root).orElse(raw);
    }

    /**
     * One {@code <file path="P">} block per entry, content as is and ending with a newline, in the order given;
     * empty when {@code document} lacks the schema's shape (no {@code files} array, an entry that is not an object or
     * lacks a textual path or content, a path that cannot stand in a block's attribute).
     *
     * <p>A path outside the stage's outputs is still turned into a block (a server may not enforce the enum): the
     * engine's edit policy then names it, which is what a text reply with that block would get.
     */
    public static Optional<String> blocks(JsonNode document) {
        if (document == null || !document.isObject()) return Optional.empty();
        JsonNode files = document.get("files");
        if (files == null || !files.isArray()) return Optional.empty();
        StringBuilder out = new StringBuilder();
        for (JsonNode entry : files) {
            if (!entry.isObject()) return Optional.empty();
            JsonNode path = entry.get("path");
            JsonNode content = entry.get("content");
            if (path == null || !path.isTextual() || content == null || !content.isTextual()) return Optional.empty();
            String p = path.asText().strip();
            if (p.isEmpty() || p.chars().anyMatch(c -> c == '"' || c == '\'' || c == '<' || c == '>' || c < 32)) return Optional.empty();
            String c = content.asText();
            out.append("<file path=\"").append(p).append("\">\n").append(c);
            if (!c.endsWith("\n")) out.append('\n');
            out.append("</file>\n");
        }
        return Optional.of(out.toString());
    }
}
