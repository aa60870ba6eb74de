package dev.scenarist.models.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scenarist.core.model.Json;
import dev.scenarist.core.model.Usage;
import dev.scenarist.models.ChatMessage;
import dev.scenarist.models.ToolCall;
import dev.scenarist.models.ToolChatRequest;
import dev.scenarist.models.ToolDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * Tool calling in Anthropic Messages: {@code tools: [{name, description, input_schema}]},
 * {@code tool_choice: {type: auto|any|none}}; the reply's {@code tool_use} blocks ({@code id}, {@code name},
 * {@code input}); earlier calls go back as the assistant's {@code tool_use} blocks and their results as
 * {@code tool_result} blocks ({@code tool_use_id}, {@code content}, {@code is_error}) in the next user message.
 * Consecutive user-side messages (tool results, then news) are merged into one user message, results first, as the
 * API wants; an assistant message with neither text nor calls is left out (Anthropic refuses empty content). The
 * system prompt is one text block marked for prompt caching, which caches the tools before it too.
 */
final class AnthropicTools {
    private AnthropicTools() {}

    static ObjectNode body(String model, ToolChatRequest request, int maxTokens) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("model", model);
        body.put("max_tokens", maxTokens);
        if (!request.system().isEmpty()) {
            ObjectNode block = body.putArray("system").addObject();
            block.put("type", "text").put("text", request.system());
            block.putObject("cache_control").put("type", "ephemeral");
        }
        ArrayNode messages = body.putArray("messages");
        ArrayNode userContent = null;
        for (ChatMessage m : request.messages()) {
            switch (m) {
                case ChatMessage.User u -> {
                    if (userContent == null) userContent = userMessage(messages);
                    userContent.addObject().put("type", "text").put("text", u.text().isEmpty() ? "(nothing new)" : u.text());
                }
                case ChatMessage.ToolOutput t -> {
                    if (userContent == null) userContent = userMessage(messages);
                    ObjectNode r = userContent.addObject().put("type", "tool_result").put("tool_use_id", t.callId()).put("content", t.content());
                    if (t.error()) r.put("is_error", true);
                }
                case ChatMessage.Assistant a -> {
                    if (a.text().isEmpty() && a.calls().isEmpty()) continue;
                    userContent = null;
                    ObjectNode o = messages.addObject().put("role", "assistant");
                    ArrayNode content = o.putArray("content");
                    if (!a.text().isEmpty()) content.addObject().put("type", "text").put("text", a.text());
                    for (ToolCall c : a.calls()) {
                        ObjectNode use = content.addObject().put("type", "tool_use").put("id", c.id()).put("name", c.name());
                        use.set("input", ToolArguments.asObject(c.arguments()));
                    }
                }
            }
        }
        request.settings().temperature().ifPresent(t -> body.put("temperature", Math.min(1.0, t)));
        if (!request.tools().isEmpty()) {
            ArrayNode tools = body.putArray("tools");
            for (ToolDefinition t : request.tools()) {
                ObjectNode tool = tools.addObject().put("name", t.name()).put("description", t.description());
                tool.set("input_schema", t.parameters());
            }
            body.putObject("tool_choice").put("type", switch (request.choice()) {
                case AUTO -> "auto";
                case REQUIRED -> "any";
                case NONE -> "none";
            });
        }
        return body;
    }

    private static ArrayNode userMessage(ArrayNode messages) {
        return messages.addObject().put("role", "user").putArray("content");
    }

    static HttpChatAuthor.ToolParsed parse(JsonNode root) throws HttpChatAuthor.MalformedReply {
        if ("error".equals(HttpChatAuthor.text(root.path("type")))) {
            throw new HttpChatAuthor.MalformedReply("an error in a success response: " + HttpChatAuthor.text(root.path("error").path("type")) + ": "
                    + HttpChatAuthor.text(root.path("error").path("message")));
        }
        JsonNode content = root.path("content");
        if (!content.isArray()) throw new HttpChatAuthor.MalformedReply("no content array");
        StringBuilder text = new StringBuilder();
        List<ToolCall> calls = new ArrayList<>();
        for (int i = 0; i < content.size(); i++) {
            JsonNode block = content.get(i);
            String type = HttpChatAuthor.text(block.path("type"));
            if ("text".equals(type)) text.append(HttpChatAuthor.text(block.path("text")));
            if ("tool_use".equals(type)) {
                String id = HttpChatAuthor.text(block.path("id"));
                String name = HttpChatAuthor.text(block.path("name"));
                if (id.isEmpty() || name.isEmpty()) throw new HttpChatAuthor.MalformedReply("content[" + i + "] is a tool_use without an id or a name");
                JsonNode input = block.path("input");
                calls.add(new ToolCall(id, name, input.isMissingNode() ? ToolArguments.parse("") : ToolArguments.ofValue(input)));
            }
        }
        JsonNode usage = root.path("usage");
        return new HttpChatAuthor.ToolParsed(text.toString(), calls, new Usage(HttpChatAuthor.tokens(usage.path("input_tokens")),
                HttpChatAuthor.tokens(usage.path("output_tokens")), HttpChatAuthor.tokens(usage.path("cache_read_input_tokens")),
                HttpChatAuthor.tokens(usage.path("cache_creation_input_tokens")), 0.0), HttpChatAuthor.text(root.path("model")));
    }
}
