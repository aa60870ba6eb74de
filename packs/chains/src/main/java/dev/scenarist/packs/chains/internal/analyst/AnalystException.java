package dev.scenarist.packs.chains.internal.analyst;

/** The analyst could not judge (its model failed or answered out of format): nothing is reported as accepted. */
public final class AnalystException extends Exception {
    public AnalystException(String message, Throwable cause) {
        super(message, cause);
    }
}
