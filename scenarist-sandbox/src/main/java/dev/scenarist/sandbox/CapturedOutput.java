package dev.scenarist.sandbox;

import java.util.Objects;

/**
 * What a command wrote to one stream, bounded. When the command wrote more than the limit, {@code text} keeps the
 * beginning and the end (the end is where error messages are) with a marker line in between saying how many bytes
 * were left out.
 *
 * @param text       the captured text (UTF-8, malformed bytes replaced)
 * @param totalBytes how many bytes the command wrote in all
 * @param truncated  whether bytes were left out of {@code text}
 */
public record CapturedOutput(String text, long totalBytes, boolean truncated) {
    public static final CapturedOutput EMPTY = new CapturedOutput("", 0, false);

    public CapturedOutput {
        Objects.requireNonNull(text, "text");
        if (totalBytes < 0) throw new IllegalArgumentException("totalBytes cannot be negative, got " + totalBytes);
    }

    /** The last {@code maxChars} characters, for error messages (the end of a log says what went wrong). */
    public String tail(int maxChars) {
        String t = text.strip();
        return t.length() <= maxChars ? t : "…" + t.substring(t.length() - maxChars);
    }
}
