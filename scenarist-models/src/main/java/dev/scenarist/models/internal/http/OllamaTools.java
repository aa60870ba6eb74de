package dev.scenarist.models.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scenarist.core.model.Json;
import dev.scenarist.core.model.Usage;
import dev.scenarist.models.ChatMessage;
import dev.scenarist.models.ToolCall;
import dev.scenarist.models.ToolChatRequest;
import dev.scenarist.models.ToolChoice;
import dev.scenarist.models.ToolDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * Tool calling in Ollama's native chat API ({@code /api/chat}, the API the Ollama author already speaks): tools in
 * OpenAI's {@code {type: function, function: {...}}} shape; the reply's {@code message.tool_calls[].function} has
 * {@code name} and {@code arguments} as a JSON object (an {@code id} only in newer versions: else {@code call_<n>});
 * earlier calls go back with object arguments and each result as {@code {role: tool, content, tool_name}}. Ollama has
 * no {@code tool_choice}: {@link ToolChoice#NONE} sends no tools, {@link ToolChoice#REQUIRED} cannot be enforced.
 */
final class OllamaTools {
    private OllamaTools() {}

    static ObjectNode body(String model, ToolChatRequest request, int maxTokens) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("model", model);
        ArrayNode messages = body.putArray("messages");
        if (!request.system().isEmpty()) messages.addObject().put("role", "system").put("content", request.system());
        for (ChatMessage m : request.messages()) {
            switch (m) {
                case ChatMessage.User u -> messages.addObject().put("role", "user").put("content", u.text());
                case ChatMessage.Assistant a -> {
                    ObjectNode o = messages.addObject().put("role", "assistant").put("content", a.text());
                    if (!a.calls().isEmpty()) {
                        ArrayNode calls = o.putArray("tool_calls");
                        for (ToolCall c : a.calls()) {
                            ObjectNode f = calls.addObject().put("id", c.id()).putObject("function").put("name", c.name());
                            f.set("arguments", ToolArguments.asObject(c.arguments()));
                        }
                    }
                }
                case ChatMessage.ToolOutput t -> messages.addObject().put("role", "tool").put("content", ToolArguments.resultText(t))
                        .put("tool_name", t.toolName()).put("tool_call_id", t.callId());
            }
        }
        body.put("stream", false);
        ObjectNode options = body.putObject("options");
        request.settings().temperature().ifPresent(t -> options.put("temperature", t));
        options.put("num_predict", maxTokens);
        if (!request.tools().isEmpty() && request.choice() != ToolChoice.NONE) {
            ArrayNode tools = body.putArray("tools");
            for (ToolDefinition t : request.tools()) {
                ObjectNode f = tools.addObject().put("type", "function").putObject("function");
                f.put("name", t.name()).put("description", t.description());
                f.set("parameters", t.parameters());
            }
        }
        return body;
    }

    static HttpChatAuthor.ToolParsed parse(JsonNode root) throws HttpChatAuthor.MalformedReply {
        JsonNode message = root.path("message");
        if (!message.isObject()) {
            String error = HttpChatAuthor.text(root.path("error"));
            throw new HttpChatAuthor.MalformedReply("no message" + (error.isEmpty() ? "" : "; it says: " + error));
        }
        List<ToolCall> calls = new ArrayList<>();
        JsonNode toolCalls = message.path("tool_calls");
        if (!toolCalls.isMissingNode() && !toolCalls.isNull()) {
            if (!toolCalls.isArray()) throw new HttpChatAuthor.MalformedReply("message.tool_calls is not an array");
            for (int i = 0; i < toolCalls.size(); i++) {
                JsonNode call = toolCalls.get(i);
                String name = HttpChatAuthor.text(call.path("function").path("name"));
                if (name.isEmpty()) throw new HttpChatAuthor.MalformedReply("tool_calls[" + i + "] names no function");
                String id = HttpChatAuthor.text(call.path("id"));
                calls.add(new ToolCall(id.isEmpty() ? "call_" + (i + 1) : id, name, ToolArguments.read(call.path("function").path("arguments"))));
            }
        }
        return new HttpChatAuthor.ToolParsed(HttpChatAuthor.text(message.path("content")), calls,
                Usage.tokens(HttpChatAuthor.tokens(root.path("prompt_eval_count")), HttpChatAuthor.tokens(root.path("eval_count"))),
                HttpChatAuthor.text(root.path("model")));
    }
}
