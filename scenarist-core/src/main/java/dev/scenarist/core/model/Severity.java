package dev.scenarist.core.model;

/** How bad a {@link Finding} is. Only {@link #ERROR} makes a check fail. */
public enum Severity {
    ERROR, WARNING, INFO;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
