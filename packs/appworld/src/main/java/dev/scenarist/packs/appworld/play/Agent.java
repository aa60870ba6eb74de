package dev.scenarist.packs.appworld.play;

/**
 * A proactive assistant playing a scenario: the oracle (replays the scenario's oracle events), the do-nothing agent,
 * agents that act wrongly on purpose (to prove a scenario's validation can fail), or a model through tool calling.
 * The player gives it a turn whenever something new is visible to it — a notification, a reply of the user — and the
 * agent acts through the phone's agent tools until it yields by returning.
 */
public interface Agent {
    /** A short name for reports: {@code oracle}, {@code noop}, {@code openai:gpt-4.1}, … */
    String name();

    /**
     * One turn: read what is new, call tools, return to yield (the player then lets simulated time pass to the next
     * event). An agent that cannot go on (its model failed for good) throws {@link AgentException}.
     */
    void onTurn(AgentTurn turn) throws InterruptedException, AgentException;
}
