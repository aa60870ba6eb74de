package dev.scenarist.packs.appworld.play;

import dev.scenarist.packs.appworld.scenario.EventAction;
import dev.scenarist.packs.appworld.scenario.EventAction.Performer;
import dev.scenarist.packs.appworld.scenario.ScenarioEvent;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The user of the scenario's oracle: when one of its {@code user_reply} events is due (the proposal it answers was
 * made, its delay passed) it accepts, rejects or writes to the agent, as scripted. It answers whichever agent made
 * the proposal, so a model agent meets the same user as the oracle.
 */
public final class ScriptedUser implements User {
    private final Cues cues;
    private final Set<String> done = new HashSet<>();

    public ScriptedUser(Cues cues) {
        this.cues = cues;
    }

    @Override
    public String name() {
        return "scripted-user";
    }

    @Override
    public void onTurn(UserTurn turn) {
        for (ScenarioEvent e : cues.due(Performer.USER)) {
            if (!done.add(e.id()) || !(e.action() instanceof EventAction.UserReply r)) continue;
            Map<String, Object> args = new LinkedHashMap<>();
            if (!r.content().isEmpty()) args.put("content", r.content());
            turn.call(r.answer().tool(), args);
        }
    }
}
