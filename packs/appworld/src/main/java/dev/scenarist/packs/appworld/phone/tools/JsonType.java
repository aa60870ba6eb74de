package dev.scenarist.packs.appworld.phone.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The argument types a tool may take, as JSON Schema types (what an LLM provider's tool calling understands). */
public enum JsonType {
    STRING("string", "a string"),
    INTEGER("integer", "an integer"),
    NUMBER("number", "a number"),
    BOOLEAN("boolean", "true or false"),
    STRING_ARRAY("array", "an array of strings"),
    OBJECT("object", "a JSON object");

    private final String schemaType;
    private final String expected;

    JsonType(String schemaType, String expected) {
        this.schemaType = schemaType;
        this.expected = expected;
    }

    /** Words for an error message: "must be an integer". */
    public String expected() {
        return expected;
    }

    public boolean accepts(JsonNode value) {
        return switch (this) {
            case STRING -> value.isTextual();
            // 3.0 is an integer to a person and to several LLMs; 3.5 is not
            case INTEGER -> value.isIntegralNumber() || (value.isNumber() && value.asDouble() == Math.rint(value.asDouble()));
            case NUMBER -> value.isNumber();
            case BOOLEAN -> value.isBoolean();
            case STRING_ARRAY -> value.isArray() && allText(value);
            case OBJECT -> value.isObject();
        };
    }

    private static boolean allText(JsonNode array) {
        for (JsonNode e : array) if (!e.isTextual()) return false;
        return true;
    }

    ObjectNode schema(JsonNodeFactory f) {
        ObjectNode s = f.objectNode().put("type", schemaType);
        if (this == STRING_ARRAY) s.set("items", f.objectNode().put("type", "string"));
        return s;
    }
}
