package dev.scenarist.packs.appworld.play;

import java.util.Objects;
import java.util.function.Function;

/**
 * Who plays: the agent and the user, each made for one play from the play's {@link Cues} (scripted performers read
 * them; a model agent ignores them).
 *
 * @param scripted whether the agent follows cues: a scripted agent also gets a turn when an oracle cue of its falls
 *                 due; a model agent only when it has something new to see
 */
public record Cast(Function<Cues, Agent> agent, Function<Cues, User> user, boolean scripted) {
    public Cast {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(user, "user");
    }

    /** The oracle agent and the scripted user: the scenario's reference run. */
    public static Cast oracle() {
        return new Cast(OracleAgent::faithful, ScriptedUser::new, true);
    }

    /** An agent that does nothing, with the scripted user. */
    public static Cast noop() {
        return new Cast(cues -> new NoopAgent(), ScriptedUser::new, false);
    }

    /** A scripted agent derived from the oracle (a wrong agent), with the scripted user. */
    public static Cast scripted(Function<Cues, Agent> agent) {
        return new Cast(agent, ScriptedUser::new, true);
    }

    /** A model-driven agent with the scripted user. */
    public static Cast of(Agent agent) {
        return new Cast(cues -> agent, ScriptedUser::new, false);
    }

    public static Cast of(Agent agent, User user) {
        return new Cast(cues -> agent, cues -> user, false);
    }
}
