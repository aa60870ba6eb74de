package dev.scenarist.core.model;

import java.util.Objects;

/**
 * One problem a check found. Findings are rendered into the next attempt's prompt as feedback,
 * so the message says what is wrong and the hint says how to fix it.
 *
 * @param code     stable machine-readable code, e.g. {@code JSON_SCHEMA} or {@code EDIT_OUTSIDE_POLICY}
 * @param severity only {@link Severity#ERROR} fails a check
 * @param message  what is wrong, naming the bad value
 * @param location where: {@code file:line}, {@code file#/json/pointer}, or empty
 * @param hint     how to fix it, or empty
 */
public record Finding(String code, Severity severity, String message, String location, String hint) {
    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        location = location == null ? "" : location;
        hint = hint == null ? "" : hint;
    }

    public static Finding error(String code, String message) {
        return new Finding(code, Severity.ERROR, message, "", "");
    }

    public static Finding error(String code, String message, String location, String hint) {
        return new Finding(code, Severity.ERROR, message, location, hint);
    }

    public static Finding warning(String code, String message, String location, String hint) {
        return new Finding(code, Severity.WARNING, message, location, hint);
    }

    public Finding at(String newLocation) {
        return new Finding(code, severity, message, newLocation, hint);
    }

    public Finding withHint(String newHint) {
        return new Finding(code, severity, message, location, newHint);
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** One line as shown to a model or a person: {@code [error] CODE at file:3: message (hint: ...)}. */
    public String render() {
        StringBuilder b = new StringBuilder("[").append(severity.label()).append("] ").append(code);
        if (!location.isEmpty()) b.append(" at ").append(location);
        b.append(": ").append(message);
        if (!hint.isEmpty()) b.append(" (hint: ").append(hint).append(')');
        return b.toString();
    }
}
