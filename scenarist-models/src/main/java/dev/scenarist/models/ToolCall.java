package dev.scenarist.models;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * A model's request to call a tool.
 *
 * @param id        the provider's id for this call; the {@link ChatMessage.ToolOutput} answering it carries the same id
 * @param name      the tool, as offered in a {@link ToolDefinition}
 * @param arguments the arguments: a JSON object, or what the model sent when it was not one ({@link Arguments.Malformed})
 */
public record ToolCall(String id, String name, Arguments arguments) {
    public ToolCall {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(arguments, "arguments");
    }

    /** A call whose arguments are the JSON object {@code value}. */
    public static ToolCall of(String id, String name, ObjectNode value) {
        return new ToolCall(id, name, new Arguments.Valid(value));
    }

    /** The arguments of a call, as the model wrote them. */
    public sealed interface Arguments {
        /** The arguments as JSON text, as they go back to the provider in the conversation. */
        String json();

        /** A JSON object (not yet checked against the tool's schema: that is the tool's business). */
        record Valid(ObjectNode value) implements Arguments {
            public Valid {
                Objects.requireNonNull(value, "value");
                value = value.deepCopy();
            }

            @Override
            public ObjectNode value() {
                return value.deepCopy();
            }

            @Override
            public String json() {
                return value.toString();
            }
        }

        /**
         * Text that is not a JSON object (cut short, not JSON, an array): the caller answers the call with an error so the
         * model can send it again, instead of failing the conversation.
         *
         * @param json    what the model sent, verbatim
         * @param problem what is wrong with it, e.g. {@code not valid JSON (it ends early)}
         */
        record Malformed(String json, String problem) implements Arguments {
            public Malformed {
                Objects.requireNonNull(json, "json");
                Objects.requireNonNull(problem, "problem");
            }
        }
    }
}
