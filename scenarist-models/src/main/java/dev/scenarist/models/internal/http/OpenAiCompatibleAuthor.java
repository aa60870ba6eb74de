package dev.scenarist.models.internal.http;

import dev.scenarist.models.Provider;
import dev.scenarist.models.ProviderSettings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scenarist.core.author.AuthorRequest;
import dev.scenarist.core.model.Json;
import dev.scenarist.core.model.Usage;
import dev.scenarist.models.Redactor;
import dev.scenarist.models.Secret;
import dev.scenarist.models.PriceTable;
import dev.scenarist.models.internal.reliability.RateLimitFeedback;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * OpenAI chat completions ({@code POST {base}/chat/completions}), and any server speaking that API — vLLM,
 * llama.cpp server, LM Studio, Ollama's {@code /v1} — selected by the base URL.
 *
 * <p>Sends a system message (the stable prefix, which OpenAI caches automatically) and a user message;
 * {@code max_tokens}, or {@code max_completion_tokens} for reasoning models (o-series, gpt-5), which also take no
 * temperature. Usage: {@code prompt_tokens} minus {@code prompt_tokens_details.cached_tokens} is input, the
 * cached tokens are cache reads, {@code completion_tokens} is output.
 *
 * <p>Structured output (on by default only at {@code api.openai.com}, see
 * {@link ProviderSettings#structuredOutputFor(Provider)}): a stage whose reply must carry files sends
 * {@code response_format: {type: json_schema, json_schema: {name: scenario_files, strict: true, schema: …}}} and the
 * JSON message content is turned back into file blocks by {@link StructuredReply}.
 */
public final class OpenAiCompatibleAuthor extends HttpChatAuthor {
    private static final Pattern REASONING = Pattern.compile("^(o\\d+|gpt-5(?!-chat))([-.:@].*)?$");

    public OpenAiCompatibleAuthor(String model, ProviderSettings settings, PriceTable prices, RateLimitFeedback feedback,
                                  Redactor redactor, Clock clock) {
        super(Provider.OPENAI, model, settings.resolve("chat/completions"), settings, prices, feedback, redactor, clock);
    }

    /** Reasoning models take {@code max_completion_tokens} and only the default temperature. */
    static boolean isReasoningModel(String model) {
        return REASONING.matcher(model.toLowerCase(Locale.ROOT)).matches();
    }

    @Override
    ObjectNode body(AuthorRequest request, int maxTokens) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("model", model());
        ArrayNode messages = body.putArray("messages");
        if (!request.system().isEmpty()) messages.addObject().put("role", "system").put("content", request.system());
        messages.addObject().put("role", "user").put("content", request.prompt());
        boolean reasoning = isReasoningModel(model());
        body.put(reasoning ? "max_completion_tokens" : "max_tokens", maxTokens);
        if (!reasoning) request.settings().temperature().ifPresent(t -> body.put("temperature", t));
        if (structured(request)) {
            ObjectNode format = body.putObject("response_format");
            format.put("type", "json_schema");
            ObjectNode schema = format.putObject("json_schema");
            schema.put("name", StructuredReply.SCHEMA_NAME);
            schema.put("strict", true);
            schema.set("schema", StructuredReply.schema(request.scope().outputs()));
        }
        return body;
    }

    @Override
    Map<String, String> headers(Optional<Secret> apiKey) {
        return bearer(apiKey);
    }

    @Override
    Parsed parse(JsonNode root, AuthorRequest request) throws MalformedReply {
        JsonNode choices = root.path("choices");
        if (!choices.isArray() || choices.isEmpty()) {
            String error = text(root.path("error").path("message"));
            throw new MalformedReply("no choices" + (error.isEmpty() ? "" : "; it says: " + error));
        }
        JsonNode message = choices.get(0).path("message");
        if (!message.isObject()) throw new MalformedReply("choices[0] has no message");
        String text = text(message.path("content"));
        if (message.path("content").isArray()) {
            StringBuilder parts = new StringBuilder();
            for (JsonNode part : message.path("content")) parts.append(text(part.path("text")));
            text = parts.toString();
        }
        if (text.isEmpty()) {
            text = text(message.path("refusal"));
        } else if (structured(request)) {
            text = StructuredReply.fromText(text);
        }
        JsonNode usage = root.path("usage");
        long prompt = tokens(usage.path("prompt_tokens"));
        long cached = Math.min(prompt, tokens(usage.path("prompt_tokens_details").path("cached_tokens")));
        return new Parsed(text, new Usage(prompt - cached, tokens(usage.path("completion_tokens")), cached, 0, 0.0),
                text(root.path("model")));
    }

    @Override
    ObjectNode toolBody(dev.scenarist.models.ToolChatRequest request, int maxTokens) {
        return OpenAiTools.body(model(), request, maxTokens);
    }

    @Override
    ToolParsed parseTools(JsonNode root) throws MalformedReply {
        return OpenAiTools.parse(root);
    }
}
