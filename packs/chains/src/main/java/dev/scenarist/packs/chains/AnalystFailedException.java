package dev.scenarist.packs.chains;

/** The model analyst could not judge (it failed, or answered out of format); nothing was reported as accepted. */
public final class AnalystFailedException extends RuntimeException {
    public AnalystFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
