package dev.scenarist.packs.appworld.play;

/**
 * The simulated user: answers the agent's proposals through the phone's user tools. The scripted user replays the
 * scenario's user replies; a persona-driven model user can implement the same interface.
 */
public interface User {
    String name();

    /** One turn: read what is new, act through user tools, return. */
    void onTurn(UserTurn turn) throws InterruptedException, AgentException;
}
