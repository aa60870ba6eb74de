package dev.scenarist.packs.services.internal.dryrun;

/** The dry-run's PostgreSQL server cannot run on this machine: the dry-run is not judged, never passed. */
public final class PostgresUnavailableException extends Exception {
    public PostgresUnavailableException(String message) {
        super(message);
    }

    public PostgresUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
