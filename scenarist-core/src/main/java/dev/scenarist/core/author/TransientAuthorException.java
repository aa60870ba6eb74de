package dev.scenarist.core.author;

import java.time.Duration;
import java.util.Optional;

/** Rate limits, timeouts, 5xx, connection resets: try again later. {@code retryAfter} is the server's hint, if any. */
public final class TransientAuthorException extends AuthorException {
    private final Optional<Duration> retryAfter;

    public TransientAuthorException(String message, Optional<Duration> retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    public TransientAuthorException(String message) {
        this(message, Optional.empty(), null);
    }

    public Optional<Duration> retryAfter() {
        return retryAfter;
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
