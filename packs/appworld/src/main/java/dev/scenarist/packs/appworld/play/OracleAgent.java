package dev.scenarist.packs.appworld.play;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scenarist.packs.appworld.scenario.EventAction;
import dev.scenarist.packs.appworld.scenario.EventAction.Performer;
import dev.scenarist.packs.appworld.scenario.ScenarioEvent;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Replays the scenario's oracle agent events at their times: each proposal and action when its cue is due. Its
 * variants are the wrong agents of discriminative validation — one that acts as soon as the trigger arrives without
 * proposing or waiting for the user, one that acts on a wrong item — which the validation must fail.
 */
public final class OracleAgent implements Agent {
    private final Cues cues;
    private final String name;
    private final boolean impatient;
    private final Map<String, UnaryOperator<ObjectNode>> rewrites;
    private final Set<String> done = new HashSet<>();
    private final com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();

    private OracleAgent(Cues cues, String name, boolean impatient, Map<String, UnaryOperator<ObjectNode>> rewrites) {
        this.cues = cues;
        this.name = name;
        this.impatient = impatient;
        this.rewrites = Map.copyOf(rewrites);
    }

    /** The reference solution. */
    public static OracleAgent faithful(Cues cues) {
        return new OracleAgent(cues, "oracle", false, Map.of());
    }

    /** Performs every oracle action once its triggers happened, never proposing or waiting for acceptance. */
    public static OracleAgent impatient(Cues cues) {
        return new OracleAgent(cues, "wrong:no-proposal", true, Map.of());
    }

    /**
     * The oracle, except that action {@code eventId} is called with its arguments rewritten (an id swapped for a
     * distractor of the same kind).
     */
    public static OracleAgent rewriting(Cues cues, String label, String eventId, UnaryOperator<ObjectNode> rewrite) {
        return new OracleAgent(cues, "wrong:" + label, false, Map.of(eventId, rewrite));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void onTurn(AgentTurn turn) {
        List<ScenarioEvent> due = impatient ? cues.triggeredActions() : cues.due(Performer.AGENT);
        for (ScenarioEvent e : due) {
            if (!done.add(e.id())) continue;
            switch (e.action()) {
                case EventAction.Proposal p -> turn.call("AgentUserInterface__send_message_to_user", Map.of("content", p.content()));
                case EventAction.AgentAction a -> turn.call(a.tool(), asMap(rewrites.getOrDefault(e.id(), UnaryOperator.identity()).apply(a.args())));
                default -> { }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, ?> asMap(ObjectNode args) {
        return json.convertValue(args, Map.class);
    }
}
