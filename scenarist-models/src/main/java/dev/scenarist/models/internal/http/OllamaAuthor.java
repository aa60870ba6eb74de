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
import java.util.Map;
import java.util.Optional;

/**
 * Ollama's native chat API ({@code POST {host}/api/chat}, {@code stream: false}), with {@code options.temperature}
 * and {@code options.num_predict}. Usage: {@code prompt_eval_count} input (absent when Ollama reused its cache),
 * {@code eval_count} output. Sends an {@code Authorization: Bearer} header only when a key is configured.
 *
 * <p>Structured output (on by default): a stage whose reply must carry files sends the schema of those files as
 * {@code format} (Ollama's structured outputs) and the JSON message content is turned back into file blocks by
 * {@link StructuredReply}.
 */
public final class OllamaAuthor extends HttpChatAuthor {
    public OllamaAuthor(String model, ProviderSettings settings, PriceTable prices, RateLimitFeedback feedback,
                        Redactor redactor, Clock clock) {
        super(Provider.OLLAMA, model, settings.resolve("api/chat"), settings, prices, feedback, redactor, clock);
    }

    @Override
    ObjectNode body(AuthorRequest request, int maxTokens) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("model", model());
        ArrayNode messages = body.putArray("messages");
        if (!request.system().isEmpty()) messages.addObject().put("role", "system").put("content", request.system());
        messages.addObject().put("role", "user").put("content", request.prompt());
        body.put("stream", false);
        ObjectNode options = body.putObject("options");
        request.settings().temperature().ifPresent(t -> options.put("temperature", t));
        options.put("num_predict", maxTokens);
        if (structured(request)) body.set("format", StructuredReply.schema(request.scope().outputs()));
        return body;
    }

    @Override
    Map<String, String> headers(Optional<Secret> apiKey) {
        return bearer(apiKey);
    }

    @Override
    Parsed parse(JsonNode root, AuthorRequest request) throws MalformedReply {
        JsonNode message = root.path("message");
        if (!message.isObject()) {
            String error = text(root.path("error"));
            throw new MalformedReply("no message" + (error.isEmpty() ? "" : "; it says: " + error));
        }
        String text = text(message.path("content"));
        if (structured(request)) text = StructuredReply.fromText(text);
        return new Parsed(text,
                Usage.tokens(tokens(root.path("prompt_eval_count")), tokens(root.path("eval_count"))), text(root.path("model")));
    }

    @Override
    ObjectNode toolBody(dev.scenarist.models.ToolChatRequest request, int maxTokens) {
        return OllamaTools.body(model(), request, maxTokens);
    }

    @Override
    ToolParsed parseTools(JsonNode root) throws MalformedReply {
        return OllamaTools.parse(root);
    }
}
