package dev.scenarist.models.internal.http;

import dev.scenarist.models.Provider;
import dev.scenarist.models.ProviderSettings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scenarist.core.author.AuthorRequest;
import dev.scenarist.core.model.Json;
import dev.scenarist.core.model.Usage;
import dev.scenarist.models.Redactor;
import dev.scenarist.models.Secret;
import dev.scenarist.models.PriceTable;
import dev.scenarist.models.internal.reliability.RateLimitFeedback;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Anthropic Messages ({@code POST {base}/v1/messages}, headers {@code x-api-key} and
 * {@code anthropic-version: 2023-06-01}). The base URL may end in {@code /v1} (LangChain4j's convention) or not
 * (the Anthropic SDKs' {@code ANTHROPIC_BASE_URL} convention); both reach {@code …/v1/messages}.
 *
 * <p>The system prompt — the request's stable prefix — goes as one text block marked
 * {@code cache_control: {type: ephemeral}}, so repeated prefixes are read from the prompt cache (prefixes shorter
 * than the model's minimum are simply not cached). Temperature is clamped to Anthropic's range 0–1. Usage:
 * {@code input_tokens} (uncached), {@code output_tokens}, {@code cache_read_input_tokens},
 * {@code cache_creation_input_tokens}; the text is the concatenated text blocks.
 *
 * <p>Structured output (on by default): a stage whose reply must carry files offers one tool, {@code write_files},
 * whose {@code input_schema} is the schema of those files ({@link StructuredReply}), and forces it with
 * {@code tool_choice: {type: tool, name: write_files}}; the {@code tool_use} block's {@code input} is turned back into
 * file blocks. An input that does not conform comes back as its JSON text (after any text blocks) for the guardrail to
 * judge; a reply without the tool call comes back as its text blocks.
 */
public final class AnthropicAuthor extends HttpChatAuthor {
    public static final String API_VERSION = "2023-06-01";

    public AnthropicAuthor(String model, ProviderSettings settings, PriceTable prices, RateLimitFeedback feedback,
                           Redactor redactor, Clock clock) {
        super(Provider.ANTHROPIC, model, messagesEndpoint(settings), settings, prices, feedback, redactor, clock);
    }

    static URI messagesEndpoint(ProviderSettings settings) {
        String path = settings.baseUrl().getPath() == null ? "" : settings.baseUrl().getPath().replaceAll("/+$", "");
        return settings.resolve(path.endsWith("/v1") ? "messages" : "v1/messages");
    }

    @Override
    ObjectNode body(AuthorRequest request, int maxTokens) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("model", model());
        body.put("max_tokens", maxTokens);
        if (!request.system().isEmpty()) {
            ObjectNode block = body.putArray("system").addObject();
            block.put("type", "text").put("text", request.system());
            block.putObject("cache_control").put("type", "ephemeral");
        }
        body.putArray("messages").addObject().put("role", "user").put("content", request.prompt());
        request.settings().temperature().ifPresent(t -> body.put("temperature", Math.min(1.0, t)));
        if (structured(request)) {
            ObjectNode tool = body.putArray("tools").addObject();
            tool.put("name", StructuredReply.TOOL_NAME);
            tool.put("description", StructuredReply.TOOL_DESCRIPTION);
            tool.set("input_schema", StructuredReply.schema(request.scope().outputs()));
            body.putObject("tool_choice").put("type", "tool").put("name", StructuredReply.TOOL_NAME);
        }
        return body;
    }

    @Override
    Map<String, String> headers(Optional<Secret> apiKey) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("anthropic-version", API_VERSION);
        apiKey.filter(k -> !k.isEmpty()).ifPresent(k -> headers.put("x-api-key", k.reveal()));
        return headers;
    }

    @Override
    Parsed parse(JsonNode root, AuthorRequest request) throws MalformedReply {
        if ("error".equals(text(root.path("type")))) {
            throw new MalformedReply("an error in a success response: " + text(root.path("error").path("type")) + ": "
                    + text(root.path("error").path("message")));
        }
        JsonNode content = root.path("content");
        if (!content.isArray()) throw new MalformedReply("no content array");
        StringBuilder text = new StringBuilder();
        List<JsonNode> calls = new ArrayList<>();
        for (JsonNode block : content) {
            String type = text(block.path("type"));
            if ("text".equals(type)) text.append(text(block.path("text")));
            if ("tool_use".equals(type) && StructuredReply.TOOL_NAME.equals(text(block.path("name")))) calls.add(block.path("input"));
        }
        String reply = structured(request) && !calls.isEmpty() ? fromToolCalls(text.toString(), calls) : text.toString();
        JsonNode usage = root.path("usage");
        return new Parsed(reply, new Usage(tokens(usage.path("input_tokens")), tokens(usage.path("output_tokens")),
                tokens(usage.path("cache_read_input_tokens")), tokens(usage.path("cache_creation_input_tokens")), 0.0),
                text(root.path("model")));
    }

    /** The file blocks of every {@code write_files} call when all conform; else the text blocks followed by the inputs' JSON. */
    private static String fromToolCalls(String text, List<JsonNode> inputs) {
        StringBuilder blocks = new StringBuilder();
        for (JsonNode input : inputs) {
            var converted = StructuredReply.blocks(input);
            if (converted.isEmpty()) {
                StringBuilder raw = new StringBuilder(text);
                for (JsonNode i : inputs) {
                    if (!raw.isEmpty()) raw.append('\n');
                    raw.append(i.isMissingNode() ? "" : i.toString());
                }
                return raw.toString();
            }
            blocks.append(converted.get());
        }
        return blocks.toString();
    }

    @Override
    ObjectNode toolBody(dev.scenarist.models.ToolChatRequest request, int maxTokens) {
        return AnthropicTools.body(model(), request, maxTokens);
    }

    @Override
    ToolParsed parseTools(JsonNode root) throws MalformedReply {
        return AnthropicTools.parse(root);
    }
}
