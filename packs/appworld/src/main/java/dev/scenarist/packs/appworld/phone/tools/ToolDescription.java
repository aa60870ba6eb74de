package dev.scenarist.packs.appworld.phone.tools;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What an LLM provider's tool calling needs: a name, a description, and the parameters as a JSON Schema object.
 *
 * @param parameters {"type":"object","properties":{...},"required":[...],"additionalProperties":false}
 */
public record ToolDescription(String name, String description, ObjectNode parameters) {
    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("name", name);
        o.put("description", description);
        o.set("parameters", parameters.deepCopy());
        return o;
    }
}
