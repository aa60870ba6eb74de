package dev.scenarist.core.pack;

import java.util.Objects;

/**
 * One figure a pack adds to a campaign summary.
 *
 * @param key   stable snake_case name, the key in {@code --json} output ({@code first_attempt_validation_pass_rate})
 * @param label what people read ({@code first-attempt validation pass})
 * @param text  the value as people read it ({@code 7/10 (70%), target > 70%})
 * @param value the value as JSON (numbers, strings, lists and maps of them)
 */
public record PackFigure(String key, String label, String text, Object value) {
    public PackFigure {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(value, "value");
        if (!key.matches("[a-z][a-z0-9_]*")) throw new IllegalArgumentException("figure key '" + key + "' must be snake_case");
    }
}
