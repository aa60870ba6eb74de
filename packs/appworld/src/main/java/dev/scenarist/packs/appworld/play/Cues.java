package dev.scenarist.packs.appworld.play;

import dev.scenarist.packs.appworld.scenario.EventAction.Performer;
import dev.scenarist.packs.appworld.scenario.ScenarioEvent;
import java.util.List;

/**
 * The player's event flow as a scripted cast member (the oracle agent, the scripted user, a wrong agent) reads it:
 * which oracle events are due now. An oracle event is due when the events it depends on have happened and its delay
 * has passed; the player notices that it happened by watching the action log, so a performer only acts.
 */
public interface Cues {
    /** Oracle events of {@code performer} due now, not yet seen to happen, in document order. */
    List<ScenarioEvent> due(Performer performer);

    /**
     * Oracle actions whose environment triggers have all happened, ignoring the proposals and replies on their way:
     * what an agent that does not wait for the user would do now.
     */
    List<ScenarioEvent> triggeredActions();
}
