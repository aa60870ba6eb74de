package dev.scenarist.packs.appworld.play;

/** An agent could not go on (its model failed for good, its budget is spent): the play is not judged. */
public class AgentException extends Exception {
    public AgentException(String message, Throwable cause) {
        super(message, cause);
    }

    public AgentException(String message) {
        super(message);
    }
}
