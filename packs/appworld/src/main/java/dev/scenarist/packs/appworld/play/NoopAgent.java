package dev.scenarist.packs.appworld.play;

/** Does nothing: a scenario whose validation this agent passes does not test anything. */
public final class NoopAgent implements Agent {
    @Override
    public String name() {
        return "noop";
    }

    @Override
    public void onTurn(AgentTurn turn) {
        // deliberately nothing
    }
}
