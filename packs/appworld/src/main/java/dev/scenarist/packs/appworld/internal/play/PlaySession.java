package dev.scenarist.packs.appworld.internal.play;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scenarist.core.model.Finding;
import dev.scenarist.packs.appworld.internal.cel.CelFacts;
import dev.scenarist.packs.appworld.internal.cel.CelPredicates;
import dev.scenarist.packs.appworld.phone.Phone;
import dev.scenarist.packs.appworld.phone.log.LogEntry;
import dev.scenarist.packs.appworld.phone.seed.SeedException;
import dev.scenarist.packs.appworld.phone.tools.Actor;
import dev.scenarist.packs.appworld.phone.tools.Layer;
import dev.scenarist.packs.appworld.phone.tools.Tool;
import dev.scenarist.packs.appworld.phone.tools.ToolResult;
import dev.scenarist.packs.appworld.play.Agent;
import dev.scenarist.packs.appworld.play.AgentException;
import dev.scenarist.packs.appworld.play.Cues;
import dev.scenarist.packs.appworld.play.EventOutcome;
import dev.scenarist.packs.appworld.play.PlayOptions;
import dev.scenarist.packs.appworld.play.PlayResult;
import dev.scenarist.packs.appworld.play.Transcript;
import dev.scenarist.packs.appworld.play.User;
import dev.scenarist.packs.appworld.scenario.EventAction;
import dev.scenarist.packs.appworld.scenario.EventAction.Performer;
import dev.scenarist.packs.appworld.scenario.Scenario;
import dev.scenarist.packs.appworld.scenario.ScenarioEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One play of a scenario on a fresh phone. Only simulated time exists: the session fires environment events when
 * due, gives the agent a turn when it has something new to see (a notification, a user message, or — for scripted
 * agents — an oracle cue), gives the user a turn likewise, and otherwise jumps the clock to the next due event. The
 * agent's own waits run the same loop up to their deadline, so a wait never jumps over an event or a user reply.
 */
public final class PlaySession {
    private static final String WAIT_FOR_NOTIFICATION = "SystemApp__wait_for_notification";
    private static final String AGENT_WAIT = "AgentUserInterface__wait";

    private final Scenario scenario;
    private final PlayOptions options;
    private final CelPredicates cel;
    private final Map<String, CelPredicates.Compiled> compiled = new HashMap<>();
    private Phone phone;
    private Flow flow;
    private User user;
    private int callsLeft;
    private int turns;
    private final Set<Long> observed = new HashSet<>();
    private final Set<String> cuedAgent = new HashSet<>();
    private final Set<String> cuedUser = new HashSet<>();

    public PlaySession(Scenario scenario, PlayOptions options, CelPredicates cel) {
        this.scenario = scenario;
        this.options = options;
        this.cel = cel;
    }

    /**
     * @param agentFollowsCues whether the agent is scripted (then a due oracle cue alone earns it a turn; a model
     *                         agent gets turns only for what it can see)
     */
    public PlayResult run(Function<Cues, Agent> agents, Function<Cues, User> users, boolean agentFollowsCues) throws InterruptedException {
        try {
            phone = Phone.builder().startAt(scenario.startTime()).seed(scenario.apps()).build();
        } catch (SeedException e) {
            return new PlayResult.Unplayable(Finding.error("APPS_SEED", e.getMessage().substring(e.path().length() + 2), e.path(),
                    "correct the seed value at this path (see the pack README, 'Seed format')"));
        }
        flow = new Flow(scenario, this::evaluateCondition);
        Cues cues = new Cues() {
            public List<ScenarioEvent> due(Performer performer) {
                return flow.due(performer, phone.now());
            }

            public List<ScenarioEvent> triggeredActions() {
                return flow.triggeredActions();
            }
        };
        Agent agent = agents.apply(cues);
        user = users.apply(cues);
        callsLeft = options.maxToolCalls();
        Instant horizon = scenario.startTime().plus(options.horizon());
        try {
            PlayResult.Ending ending = loop(agent, agentFollowsCues, horizon);
            return new PlayResult.Played(transcript(agent.name()), ending);
        } catch (AgentException e) {
            return new PlayResult.AgentFailed(transcript(agent.name()), e.getMessage());
        } catch (Turns.Carried c) {
            if (c.getCause() instanceof InterruptedException ie) throw ie;
            return new PlayResult.AgentFailed(transcript(agent.name()), c.getCause().getMessage());
        }
    }

    private PlayResult.Ending loop(Agent agent, boolean agentFollowsCues, Instant horizon) throws InterruptedException, AgentException {
        while (true) {
            fireDue();
            if (callsLeft <= 0) return PlayResult.Ending.TOOL_CALL_CAP;
            if (turns >= options.maxTurns()) return PlayResult.Ending.TURN_CAP;
            if (!phone.unreadNotifications(Actor.AGENT).isEmpty() || (agentFollowsCues && newCues(agentCues(), cuedAgent))) {
                turns++;
                agent.onTurn(new Turns.ForAgent(phone, phone.takeNotifications(Actor.AGENT), this::agentCall, () -> callsLeft));
                observe();
                continue;
            }
            if (userTurnIfDue()) continue;
            Optional<Instant> next = flow.nextWake(phone.now(), true);
            if (next.isEmpty()) return PlayResult.Ending.QUIET;
            if (next.get().isAfter(horizon)) {
                phone.advance(Duration.between(phone.now(), horizon), "play horizon");
                return PlayResult.Ending.HORIZON;
            }
            phone.advance(Duration.between(phone.now(), next.get()), "event flow");
        }
    }

    /** The agent's cues, keyed by kind: an action "triggered" early is a new cue again when it falls "due". */
    private List<String> agentCues() {
        List<String> cues = new java.util.ArrayList<>(flow.due(Performer.AGENT, phone.now()).stream().map(e -> "due:" + e.id()).toList());
        flow.triggeredActions().forEach(e -> cues.add("triggered:" + e.id()));
        return cues;
    }

    /** A cue earns a turn once; a scripted performer that did not act on it is not woken again for it. */
    private static boolean newCues(List<String> cues, Set<String> offered) {
        boolean fresh = false;
        for (String c : cues) fresh |= offered.add(c);
        return fresh;
    }

    private boolean userTurnIfDue() throws InterruptedException, AgentException {
        if (phone.unreadNotifications(Actor.USER).isEmpty() && !newCues(flow.due(Performer.USER, phone.now()).stream().map(ScenarioEvent::id).toList(), cuedUser)) return false;
        if (turns >= options.maxTurns()) return false;
        turns++;
        user.onTurn(new Turns.ForUser(phone, phone.takeNotifications(Actor.USER), this::userCall));
        observe();
        return true;
    }

    private ToolResult agentCall(String tool, Map<String, ?> arguments) {
        try {
            return agentCallOrFail(tool, arguments);
        } catch (InterruptedException | AgentException e) {
            // a user turn run during the agent's wait failed; AgentTurn.call cannot throw it, so it is carried out
            throw new Turns.Carried(e);
        }
    }

    private ToolResult agentCallOrFail(String tool, Map<String, ?> arguments) throws InterruptedException, AgentException {
        if (callsLeft <= 0) return new ToolResult.Error("the play's tool call cap (" + options.maxToolCalls() + ") is reached; stop and return");
        callsLeft--;
        JsonNode args = phone.json().valueToTree(arguments == null ? Map.of() : arguments);
        ToolResult result;
        if (tool.equals(WAIT_FOR_NOTIFICATION) || tool.equals(AGENT_WAIT)) {
            String field = tool.equals(AGENT_WAIT) ? "time" : "timeout";
            long seconds = args.path(field).canConvertToLong() ? Math.max(0, args.path(field).asLong()) : 0;
            Instant began = phone.now();
            runUntil(began.plusSeconds(seconds), tool.equals(WAIT_FOR_NOTIFICATION));
            // what is left of the wait goes to the phone, which logs the call and wakes on what arrived meanwhile
            ObjectNode rest = args.isObject() ? ((ObjectNode) args).deepCopy() : phone.json().createObjectNode();
            long left = Math.max(0, seconds - Duration.between(began, phone.now()).toSeconds());
            if (args.has(field)) rest.put(field, left);
            result = phone.call(Actor.AGENT, tool, rest);
        } else {
            result = phone.call(Actor.AGENT, tool, args);
        }
        observe();
        return result;
    }

    /** Runs the flow (env events, user turns) up to {@code deadline}, or until the agent has news. */
    private void runUntil(Instant deadline, boolean stopOnAgentNews) throws InterruptedException, AgentException {
        while (true) {
            fireDue();
            while (userTurnIfDue()) fireDue();
            if (stopOnAgentNews && !phone.unreadNotifications(Actor.AGENT).isEmpty()) return;
            Optional<Instant> next = flow.nextWake(phone.now(), true).filter(t -> !t.isAfter(deadline));
            if (next.isEmpty()) return;
            phone.advance(Duration.between(phone.now(), next.get()), "event flow during agent wait");
        }
    }

    private ToolResult userCall(String tool, Map<String, ?> arguments) {
        JsonNode args = phone.json().valueToTree(arguments == null ? Map.of() : arguments);
        if (tool.equals(WAIT_FOR_NOTIFICATION) && args.isObject()) {
            // a user's wait must not jump over the flow's next event either
            Optional<Instant> next = flow.nextWake(phone.now(), true);
            long cap = next.map(t -> Duration.between(phone.now(), t).toSeconds()).orElse(Long.MAX_VALUE);
            ((ObjectNode) args).put("timeout", Math.min(cap, Math.max(0, args.path("timeout").asLong(0))));
        }
        ToolResult r = phone.call(Actor.USER, tool, args);
        observe();
        return r;
    }

    private void fireDue() {
        for (List<ScenarioEvent> due = flow.dueEnvironment(phone.now()); !due.isEmpty(); due = flow.dueEnvironment(phone.now())) {
            for (ScenarioEvent e : due) fire(e, (EventAction.Trigger) e.action());
        }
    }

    private void fire(ScenarioEvent e, EventAction.Trigger t) {
        Optional<Tool> tool = phone.registry().find(t.tool());
        if (tool.isEmpty() || !tool.get().spec().layers().contains(Layer.ENV)) {
            flow.failed(e, phone.now(), EventOutcome.Failure.UNKNOWN_TOOL, t.tool() + (tool.isEmpty() ? " is not a tool" : " is not an environment (ENV) tool"));
            return;
        }
        ToolResult r = phone.call(Actor.ENV, t.tool(), t.args());
        switch (r) {
            case ToolResult.Ok ok -> flow.happened(e, phone.now());
            case ToolResult.Error err -> flow.failed(e, phone.now(), EventOutcome.Failure.BAD_ARGUMENT, err.message());
        }
        observe();
    }

    /** Feeds calls not yet seen to the flow, in log order (a call's place is reserved when it starts). */
    private void observe() {
        for (LogEntry.ToolCall c : phone.log().entries(LogEntry.ToolCall.class)) {
            if (observed.add(c.seq())) flow.observe(c);
        }
    }

    private CelPredicates.Outcome evaluateCondition(String source) {
        CelPredicates.Compiled c = compiled.computeIfAbsent(source, cel::compile);
        return cel.evaluate(c, CelFacts.of(phone.snapshot(), phone.log().entries()));
    }

    private Transcript transcript(String agentName) {
        return new Transcript(agentName, phone.now(), phone.log().entries(), phone.snapshot(), flow.outcomes(phone.now()));
    }
}
