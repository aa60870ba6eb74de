package dev.scenarist.packs.appworld.phone.tools;

import java.util.List;
import java.util.Objects;

/**
 * One tool parameter.
 *
 * @param allowed when not empty, the only values a STRING parameter takes (rendered as a JSON Schema enum)
 */
public record Param(String name, JsonType type, String description, boolean required, List<String> allowed) {
    public Param {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        allowed = List.copyOf(allowed);
        if (!allowed.isEmpty() && type != JsonType.STRING) {
            throw new IllegalArgumentException("parameter " + name + ": allowed values need a string parameter, not " + type);
        }
    }

    public static Param required(String name, JsonType type, String description) {
        return new Param(name, type, description, true, List.of());
    }

    public static Param optional(String name, JsonType type, String description) {
        return new Param(name, type, description, false, List.of());
    }

    /** The same parameter restricted to these values. */
    public Param oneOf(List<String> values) {
        return new Param(name, type, description, required, values);
    }
}
