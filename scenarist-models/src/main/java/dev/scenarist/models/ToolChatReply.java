package dev.scenarist.models;

import dev.scenarist.core.model.Usage;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A model's answer in a tool-calling conversation: text, tool calls, or both.
 *
 * @param text  the text (empty when the model only called tools)
 * @param calls the tool calls, in the order the model made them (empty when it answered in text)
 * @param usage tokens and their price, as for every author call
 * @param model the model that served the reply, as the provider names it
 */
public record ToolChatReply(String text, List<ToolCall> calls, Usage usage, String model, Duration latency) {
    public ToolChatReply {
        Objects.requireNonNull(text, "text");
        calls = List.copyOf(calls);
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(latency, "latency");
    }

    /** Whether the model asked for tools (the caller runs them and sends back a {@link ChatMessage.ToolOutput} for each). */
    public boolean callsTools() {
        return !calls.isEmpty();
    }

    /** This reply as the assistant message to append to the conversation. */
    public ChatMessage.Assistant asMessage() {
        return new ChatMessage.Assistant(text, calls);
    }
}
