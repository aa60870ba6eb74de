package dev.scenarist.core.author;

/**
 * An author could not produce a reply: an infrastructure failure, never a content failure.
 * Whether to retry lives in the type: {@link TransientAuthorException} is retried with backoff,
 * {@link PermanentAuthorException} (bad key, unknown model, missing cassette entry) is not.
 */
public sealed abstract class AuthorException extends Exception
        permits TransientAuthorException, PermanentAuthorException {
    protected AuthorException(String message, Throwable cause) {
        super(message, cause);
    }

    public abstract boolean retryable();
}
