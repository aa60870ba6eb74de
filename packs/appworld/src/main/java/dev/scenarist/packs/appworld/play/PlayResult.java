package dev.scenarist.packs.appworld.play;

import dev.scenarist.core.model.Finding;

/** How a play ended. Only {@link AgentFailed} is an infrastructure problem; the others can be judged. */
public sealed interface PlayResult {
    /** The play ran to its end; {@code ending} says why it stopped. */
    record Played(Transcript transcript, Ending ending) implements PlayResult {}

    /** The agent (or a model user) could not go on — a model that failed for good: the play is not judged. */
    record AgentFailed(Transcript transcript, String problem) implements PlayResult {}

    /** The scenario cannot be loaded into a phone (a bad seed); nothing was played. */
    record Unplayable(Finding problem) implements PlayResult {}

    enum Ending {
        /** Nothing left to happen and nobody had anything new to see. */
        QUIET,
        /** The agent used up its tool calls (a looping agent). */
        TOOL_CALL_CAP,
        /** The turn cap was hit. */
        TURN_CAP,
        /** Simulated time reached the play's horizon. */
        HORIZON
    }
}
