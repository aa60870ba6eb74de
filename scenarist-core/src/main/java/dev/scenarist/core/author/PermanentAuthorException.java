package dev.scenarist.core.author;

/** Retrying will not help (bad key, unknown model, request the cassette never recorded): stop and say why. */
public final class PermanentAuthorException extends AuthorException {
    public PermanentAuthorException(String message, Throwable cause) {
        super(message, cause);
    }

    public PermanentAuthorException(String message) {
        this(message, null);
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
