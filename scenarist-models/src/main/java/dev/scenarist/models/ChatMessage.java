package dev.scenarist.models;

import java.util.List;
import java.util.Objects;

/**
 * One message of a tool-calling conversation (the system prompt is not one: it is {@link ToolChatRequest#system()}).
 * A conversation alternates: user, assistant (maybe with tool calls), a {@link ToolOutput} for every call, assistant,
 * and so on.
 */
public sealed interface ChatMessage {
    /** What the user (or the program speaking for it) says. */
    record User(String text) implements ChatMessage {
        public User {
            Objects.requireNonNull(text, "text");
        }
    }

    /** A model's earlier reply: its text (may be empty) and the tools it called (may be none). */
    record Assistant(String text, List<ToolCall> calls) implements ChatMessage {
        public Assistant {
            Objects.requireNonNull(text, "text");
            calls = List.copyOf(calls);
        }
    }

    /**
     * The result of the tool call {@code callId}, as text (usually JSON).
     *
     * @param error whether the call failed; {@code content} then says why (sent as Anthropic's {@code is_error})
     */
    record ToolOutput(String callId, String toolName, String content, boolean error) implements ChatMessage {
        public ToolOutput {
            Objects.requireNonNull(callId, "callId");
            Objects.requireNonNull(toolName, "toolName");
            Objects.requireNonNull(content, "content");
        }
    }
}
