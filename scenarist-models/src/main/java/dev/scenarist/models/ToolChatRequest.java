package dev.scenarist.models;

import dev.scenarist.core.author.ModelSettings;
import java.util.List;
import java.util.Objects;

/**
 * One request of a tool-calling conversation: the whole conversation so far (providers keep no state), the tools on
 * offer and how the model is asked.
 *
 * @param system   the stable instructions (sent as the system message; Anthropic marks them for prompt caching)
 * @param messages the conversation, oldest first; must not be empty
 * @param settings temperature, max output tokens and timeout ({@link ModelSettings#model()} is ignored: a tool chat's
 *                 model is fixed)
 */
public record ToolChatRequest(String system, List<ChatMessage> messages, List<ToolDefinition> tools, ToolChoice choice,
                              ModelSettings settings) {
    public ToolChatRequest {
        Objects.requireNonNull(system, "system");
        messages = List.copyOf(messages);
        tools = List.copyOf(tools);
        Objects.requireNonNull(choice, "choice");
        Objects.requireNonNull(settings, "settings");
        if (messages.isEmpty()) throw new IllegalArgumentException("a tool chat request needs at least one message");
        if (choice == ToolChoice.REQUIRED && tools.isEmpty()) {
            throw new IllegalArgumentException("tool choice REQUIRED needs at least one tool; offer tools or choose AUTO");
        }
        long distinct = tools.stream().map(ToolDefinition::name).distinct().count();
        if (distinct != tools.size()) throw new IllegalArgumentException("two tools share a name; each tool name must be unique");
    }

    /** {@code system}, {@code messages} and {@code tools} with choice {@link ToolChoice#AUTO} and default settings. */
    public static ToolChatRequest of(String system, List<ChatMessage> messages, List<ToolDefinition> tools) {
        return new ToolChatRequest(system, messages, tools, ToolChoice.AUTO, ModelSettings.DEFAULTS);
    }
}
