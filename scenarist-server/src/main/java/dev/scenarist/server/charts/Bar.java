package dev.scenarist.server.charts;

import java.util.Objects;

/**
 * One bar: its label, its value (never negative) and the text shown beside it (e.g. {@code 75.0% (3/4)}; the value
 * itself when blank).
 */
public record Bar(String label, double value, String valueText) {
    public Bar {
        Objects.requireNonNull(label, "label");
        if (!(value >= 0) || Double.isInfinite(value)) throw new IllegalArgumentException("bar '" + label + "' needs a finite value >= 0, got " + value);
        valueText = valueText == null || valueText.isBlank() ? Svg.value(value) : valueText;
    }

    public Bar(String label, double value) {
        this(label, value, "");
    }
}
