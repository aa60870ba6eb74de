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
import java.util.Locale;

/**
 * Tool calling in OpenAI chat completions: {@code tools: [{type: function, function: {name, description, parameters}}]},
 * {@code tool_choice: auto|required|none}; the reply's {@code message.tool_calls[]} ({@code id}, {@code function.name},
 * {@code function.arguments} as JSON text); earlier calls go back as an assistant message with {@code tool_calls} and
 * each result as {@code {role: tool, tool_call_id, content}}.
 */
final class OpenAiTools {
    private OpenAiTools() {}

    static ObjectNode body(String model, ToolChatRequest request, int maxTokens) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("model", model);
        ArrayNode messages = body.putArray("messages");
        if (!request.system().isEmpty()) messages.addObject().put("role", "system").put("content", request.system());
        for (ChatMessage m : request.messages()) {
            switch (m) {
                case ChatMessage.User u -> messages.addObject().put("role", "user").put("content", u.text());
                case ChatMessage.Assistant a -> {
                    ObjectNode o = messages.addObject().put("role", "assistant");
                    if (a.text().isEmpty() && !a.calls().isEmpty()) o.putNull("content");
                    else o.put("content", a.text());
                    if (!a.calls().isEmpty()) {
                        ArrayNode calls = o.putArray("tool_calls");
                        for (ToolCall c : a.calls()) {
                            ObjectNode call = calls.addObject().put("id", c.id()).put("type", "function");
                            call.putObject("function").put("name", c.name()).put("arguments", c.arguments().json());
                        }
                    }
                }
                case ChatMessage.ToolOutput t -> messages.addObject().put("role", "tool").put("tool_call_id", t.callId()).put("content", ToolArguments.resultText(t));
            }
        }
        boolean reasoning = OpenAiCompatibleAuthor.isReasoningModel(model);
        body.put(reasoning ? "max_completion_tokens" : "max_tokens", maxTokens);
        if (!reasoning) request.settings().temperature().ifPresent(t -> body.put("temperature", t));
        if (!request.tools().isEmpty()) {
            ArrayNode tools = body.putArray("tools");
            for (ToolDefinition t : request.tools()) {
                ObjectNode f = tools.addObject().put("type", "function").putObject("function");
                f.put("name", t.name()).put("description", t.description());
                f.set("parameters", t.parameters());
            }
            body.put("tool_choice", request.choice().name().toLowerCase(Locale.ROOT));
        }
        return body;
    }

    static HttpChatAuthor.ToolParsed parse(JsonNode root) throws HttpChatAuthor.MalformedReply {
        JsonNode choices = root.path("choices");
        if (!choices.isArray() || choices.isEmpty()) {
            String error = HttpChatAuthor.text(root.path("error").path("message"));
            throw new HttpChatAuthor.MalformedReply("no choices" + (error.isEmpty() ? "" : "; it says: " + error));
        }
        JsonNode message = choices.get(0).path("message");
        if (!message.isObject()) throw new HttpChatAuthor.MalformedReply("choices[0] has no message");
        String text = HttpChatAuthor.text(message.path("content"));
        if (message.path("content").isArray()) {
            StringBuilder parts = new StringBuilder();
            for (JsonNode part : message.path("content")) parts.append(HttpChatAuthor.text(part.path("text")));
            text = parts.toString();
        }
        if (text.isEmpty()) text = HttpChatAuthor.text(message.path("refusal"));
        JsonNode toolCalls = message.path("tool_calls");
        List<ToolCall> calls = new ArrayList<>();
        if (!toolCalls.isMissingNode() && !toolCalls.isNull()) {
            if (!toolCalls.isArray()) throw new HttpChatAuthor.MalformedReply("choices[0].message.tool_calls is not an array");
            for (int i = 0; i < toolCalls.size(); i++) {
                JsonNode call = toolCalls.get(i);
                String name = HttpChatAuthor.text(call.path("function").path("name"));
                if (name.isEmpty()) throw new HttpChatAuthor.MalformedReply("tool_calls[" + i + "] names no function");
                String id = HttpChatAuthor.text(call.path("id"));
                calls.add(new ToolCall(id.isEmpty() ? "call_" + (i + 1) : id, name, ToolArguments.read(call.path("function").path("arguments"))));
            }
        }
        JsonNode usage = root.path("usage");
        long prompt = HttpChatAuthor.tokens(usage.path("prompt_tokens"));
        long cached = Math.min(prompt, HttpChatAuthor.tokens(usage.path("prompt_tokens_details").path("cached_tokens")));
        return new HttpChatAuthor.ToolParsed(text, calls, new Usage(prompt - cached, HttpChatAuthor.tokens(usage.path("completion_tokens")), cached, 0, 0.0),
                HttpChatAuthor.text(root.path("model")));
    }
}
