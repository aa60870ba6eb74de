package dev.scenarist.sandbox;

/**
 * The sandbox cannot run commands confined on this machine, so it refuses to run them at all. An infrastructure
 * failure: it says nothing about the scenario being checked. The message names the fix.
 */
public final class SandboxUnavailableException extends Exception {
    public SandboxUnavailableException(String message) {
        super(message);
    }

    public SandboxUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
