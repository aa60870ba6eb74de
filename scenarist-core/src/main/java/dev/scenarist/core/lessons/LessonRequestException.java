package dev.scenarist.core.lessons;

/** A lesson edit that cannot be made; the message names the field or key and what to do. */
public final class LessonRequestException extends IllegalArgumentException {
    public LessonRequestException(String message) {
        super(message);
    }
}
