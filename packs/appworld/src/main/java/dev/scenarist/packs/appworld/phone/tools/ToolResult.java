package dev.scenarist.packs.appworld.phone.tools;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/** The closed outcome of one tool call: a JSON value, or an error message meant to be read by the caller (often an LLM). */
public sealed interface ToolResult {
    record Ok(JsonNode value) implements ToolResult {
        public Ok {
            Objects.requireNonNull(value, "value");
        }
    }

    record Error(String message) implements ToolResult {
        public Error {
            Objects.requireNonNull(message, "message");
        }
    }

    default boolean ok() {
        return this instanceof Ok;
    }
}
