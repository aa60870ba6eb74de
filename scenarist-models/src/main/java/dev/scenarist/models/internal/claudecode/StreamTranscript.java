package dev.scenarist.models.internal.claudecode;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scenarist.core.model.Json;
import dev.scenarist.core.model.Usage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What one {@code claude -p --output-format stream-json --verbose} run printed, reduced to what the author needs.
 * The stream is one JSON object per line: a {@code system}/{@code init} event first, then {@code assistant} and
 * {@code user} (tool result) messages, and a final {@code result} event with the answer, usage and cost
 * (<a href="https://docs.anthropic.com/en/docs/claude-code/sdk/sdk-headless">headless mode, output formats</a>).
 * Lines that are not JSON objects are counted and otherwise ignored. Not thread-safe: one reader thread fills
 * it, and the author reads it after joining that thread.
 */
final class StreamTranscript {
    /** A tool call Claude Code refused under the stage's tool policy. */
    record Denial(String tool, String target) {}

    /** The final {@code result} event. */
    record Result(String subtype, boolean isError, String text, List<String> errors, OptionalInt apiErrorStatus,
                  Usage usage, List<Denial> denials) {}

    private String initModel;
    private String assistantModel;
    private String assistantError;
    private Result result;
    private final List<Denial> toolResultDenials = new ArrayList<>();
    private int events;
    private int unparsed;

    void readAll(InputStream in) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) accept(line);
        } catch (IOException e) {
            // the process was killed or closed its output; what was read so far stands
        }
    }

    void accept(String line) {
        String trimmed = line.strip();
        if (trimmed.isEmpty()) return;
        JsonNode node;
        try {
            node = trimmed.startsWith("{") ? Json.mapper().readTree(trimmed) : null;
        } catch (IOException e) {
            node = null;
        }
        if (node == null || !node.isObject()) {
            unparsed++;
            return;
        }
        events++;
        switch (node.path("type").asText("")) {
            case "system" -> {
                if ("init".equals(node.path("subtype").asText()) && node.hasNonNull("model")) initModel = node.get("model").asText();
            }
            case "assistant" -> {
                String model = node.path("message").path("model").asText("");
                // Claude Code reports its own error messages as a "<synthetic>" model
                if (!model.isBlank() && !model.startsWith("<")) assistantModel = model;
                if (node.hasNonNull("error")) assistantError = node.get("error").asText();
            }
            case "user" -> {
                for (JsonNode block : node.path("message").path("content")) {
                    if ("tool_result".equals(block.path("type").asText()) && block.path("is_error").asBoolean(false)) {
                        String content = contentText(block.path("content"));
                        if (content.toLowerCase(Locale.ROOT).contains("permission")) {
                            toolResultDenials.add(new Denial("tool_result", abbreviate(content, 200)));
                        }
                    }
                }
            }
            case "result" -> result = parseResult(node);
            default -> { }
        }
    }

    private static Result parseResult(JsonNode node) {
        JsonNode u = node.path("usage");
        Usage usage = new Usage(
                Math.max(0, u.path("input_tokens").asLong(0)),
                Math.max(0, u.path("output_tokens").asLong(0)),
                Math.max(0, u.path("cache_read_input_tokens").asLong(0)),
                Math.max(0, u.path("cache_creation_input_tokens").asLong(0)),
                Math.max(0.0, node.path("total_cost_usd").asDouble(0.0)));
        List<String> errors = new ArrayList<>();
        for (JsonNode e : node.path("errors")) errors.add(e.isTextual() ? e.asText() : e.toString());
        List<Denial> denials = new ArrayList<>();
        for (JsonNode d : node.path("permission_denials")) {
            JsonNode input = d.path("tool_input");
            String target = input.hasNonNull("file_path") ? input.get("file_path").asText()
                    : input.hasNonNull("command") ? input.get("command").asText()
                    : input.hasNonNull("url") ? input.get("url").asText()
                    : input.hasNonNull("pattern") ? input.get("pattern").asText() : "";
            denials.add(new Denial(d.path("tool_name").asText("?"), abbreviate(target, 200)));
        }
        JsonNode status = node.path("api_error_status");
        return new Result(node.path("subtype").asText(""), node.path("is_error").asBoolean(false),
                node.hasNonNull("result") ? node.get("result").asText() : "", List.copyOf(errors),
                status.canConvertToInt() && status.isNumber() ? OptionalInt.of(status.asInt()) : OptionalInt.empty(),
                usage, List.copyOf(denials));
    }

    private static String contentText(JsonNode content) {
        if (content.isTextual()) return content.asText();
        StringBuilder b = new StringBuilder();
        for (JsonNode part : content) b.append(part.path("text").asText(""));
        return b.toString();
    }

    static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }

    Optional<Result> result() {
        return Optional.ofNullable(result);
    }

    /** The model that answered: the assistant messages' model, else the init event's, else empty. */
    Optional<String> model() {
        return Optional.ofNullable(assistantModel != null ? assistantModel : initModel);
    }

    Optional<String> assistantError() {
        return Optional.ofNullable(assistantError);
    }

    /** Denials from the result event, or (older versions) from permission errors in tool results. */
    List<Denial> denials() {
        if (result != null && !result.denials().isEmpty()) return result.denials();
        return List.copyOf(toolResultDenials);
    }

    int events() {
        return events;
    }

    int unparsedLines() {
        return unparsed;
    }
}
