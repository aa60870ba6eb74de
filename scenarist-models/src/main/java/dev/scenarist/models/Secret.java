package dev.scenarist.models;

import java.util.Objects;

/**
 * An API key. Its {@code toString} never shows it, so it cannot slip into a log line, an exception message, a
 * trajectory or a JSON document by accident; code that must send it calls {@link #reveal()}.
 *
 * @param source where it came from, for messages: e.g. {@code $OPENAI_API_KEY}
 */
public record Secret(String value, String source) {
    public Secret {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(source, "source");
    }

    public String reveal() {
        return value;
    }

    public boolean isEmpty() {
        return value.isBlank();
    }

    @Override
    public String toString() {
        return "Secret[" + source + ", redacted]";
    }
}
