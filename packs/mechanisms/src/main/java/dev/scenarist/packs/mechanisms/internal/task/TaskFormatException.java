package dev.scenarist.packs.mechanisms.internal.task;

/** A task or solution file that cannot be read: where ({@code file:line}), which field, and what to write instead. */
public final class TaskFormatException extends RuntimeException {
    private final String file;
    private final int line;

    public TaskFormatException(String file, int line, String message) {
        super(file + ":" + line + ": " + message);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }
}
