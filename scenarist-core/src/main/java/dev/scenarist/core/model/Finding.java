package dev.scenarist.core.model;

import java.util.Objects;

/**
 * One problem a check found. Findings are rendered into the next attempt's prompt as feedback ({@link #render()}),
 * and shown to people by the CLI and in failure files ({@link #renderForPeople()}).
 *
 * <p>Why two ways to fix: a hint may be written for the model ("reply with a {@code <file path=…>} block"), which
 * means nothing to a person reading {@code scenarist show} or {@code validate}. The model gets {@code hint}; people
 * get {@code fix}. Most hints suit both, so the short constructors use the hint as the fix too; a check whose hint
 * speaks to the model gives people their own fix, or none, with {@link #withFix}.
 *
 * @param code     stable machine-readable code, e.g. {@code JSON_SCHEMA} or {@code EDIT_OUTSIDE_POLICY}
 * @param severity only {@link Severity#ERROR} fails a check
 * @param message  what is wrong, naming the bad value
 * @param location where: {@code file:line}, {@code file#/json/pointer}, or empty
 * @param hint     how to fix it, for the model's next attempt, or empty
 * @param fix      how a person fixes it, or empty; never addressed to the model
 */
public record Finding(String code, Severity severity, String message, String location, String hint, String fix) {
    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        location = location == null ? "" : location;
        hint = hint == null ? "" : hint;
        // null only from findings stored before people had their own fix: show them none rather than a model's hint
        fix = fix == null ? "" : fix;
    }

    /** A finding whose hint suits people as well as the model. */
    public Finding(String code, Severity severity, String message, String location, String hint) {
        this(code, severity, message, location, hint, hint);
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
        return new Finding(code, severity, message, newLocation, hint, fix);
    }

    /** This finding with another hint, for people too (as the short constructors do). */
    public Finding withHint(String newHint) {
        return new Finding(code, severity, message, location, newHint, newHint);
    }

    /** This finding with its own fix for people ({@code ""} for none), the model's hint unchanged. */
    public Finding withFix(String newFix) {
        return new Finding(code, severity, message, location, hint, newFix);
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** One line for the model's feedback: {@code [error] CODE at file:3: message (hint: ...)}. */
    public String render() {
        StringBuilder b = head();
        if (!hint.isEmpty()) b.append(" (hint: ").append(hint).append(')');
        return b.toString();
    }

    /** One line for a person: {@code [error] CODE at file:3: message (fix: ...)}, without the model's hint. */
    public String renderForPeople() {
        StringBuilder b = head();
        if (!fix.isEmpty()) b.append(" (fix: ").append(fix).append(')');
        return b.toString();
    }

    /** This finding as shown to people in JSON output and failure files: no hint for the model. */
    public ForPeople forPeople() {
        return new ForPeople(code, severity, message, location, fix);
    }

    /** What people see of a finding. */
    public record ForPeople(String code, Severity severity, String message, String location, String fix) {}

    private StringBuilder head() {
        StringBuilder b = new StringBuilder("[").append(severity.label()).append("] ").append(code);
        if (!location.isEmpty()) b.append(" at ").append(location);
        return b.append(": ").append(message);
    }
}
