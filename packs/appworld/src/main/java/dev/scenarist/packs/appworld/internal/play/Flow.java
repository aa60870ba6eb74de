package dev.scenarist.packs.appworld.internal.play;

import dev.scenarist.packs.appworld.internal.cel.CelPredicates;
import dev.scenarist.packs.appworld.phone.log.LogEntry;
import dev.scenarist.packs.appworld.phone.tools.Actor;
import dev.scenarist.packs.appworld.play.EventOutcome;
import dev.scenarist.packs.appworld.scenario.EventAction;
import dev.scenarist.packs.appworld.scenario.EventAction.Performer;
import dev.scenarist.packs.appworld.scenario.EventKind;
import dev.scenarist.packs.appworld.scenario.Scenario;
import dev.scenarist.packs.appworld.scenario.ScenarioEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The event flow of one play: which events happened when, which were skipped or failed, and which are due. An
 * event is due {@code delay_seconds} after the last of its dependencies happened; its condition is evaluated once,
 * when it is first due. Environment events are fired by the player; oracle events are recognised in the action log
 * ({@link #observe}), whoever performed them — so a model agent's proposal lets the scripted user's reply come due.
 */
final class Flow {
    private final List<ScenarioEvent> events;
    private final Map<String, ScenarioEvent> byId = new LinkedHashMap<>();
    private final Instant start;
    private final Function<String, CelPredicates.Outcome> conditions;
    private final Map<String, EventOutcome> settled = new LinkedHashMap<>();
    private final Set<String> conditionPassed = new HashSet<>();

    Flow(Scenario scenario, Function<String, CelPredicates.Outcome> conditions) {
        this.events = scenario.events();
        this.start = scenario.startTime();
        this.conditions = conditions;
        for (ScenarioEvent e : events) byId.putIfAbsent(e.id(), e);
    }

    boolean waiting(ScenarioEvent e) {
        return !settled.containsKey(e.id());
    }

    /** When all dependencies happened: the last of their times (the start for a root); empty while one has not. */
    Optional<Instant> readyAt(ScenarioEvent e) {
        Instant ready = start;
        for (String d : e.dependsOn()) {
            if (!(settled.get(d) instanceof EventOutcome.Happened h)) return Optional.empty();
            if (h.at().isAfter(ready)) ready = h.at();
        }
        return Optional.of(ready);
    }

    Optional<Instant> dueAt(ScenarioEvent e) {
        return readyAt(e).map(r -> r.plusSeconds(e.delaySeconds()));
    }

    /** An event whose dependency was skipped is skipped too (a branch not taken). */
    void propagateSkips() {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (ScenarioEvent e : events) {
                if (!waiting(e)) continue;
                for (String d : e.dependsOn()) {
                    if (settled.get(d) instanceof EventOutcome.Skipped) {
                        settled.put(e.id(), new EventOutcome.Skipped(e.id(), "it depends on " + d + ", which was skipped"));
                        changed = true;
                        break;
                    }
                }
            }
        }
    }

    /** Due environment events, conditions checked, in document order. */
    List<ScenarioEvent> dueEnvironment(Instant now) {
        return dueWhere(now, e -> e.kind() == EventKind.ENV);
    }

    List<ScenarioEvent> due(Performer performer, Instant now) {
        return dueWhere(now, e -> e.kind() == EventKind.ORACLE && e.action().performer() == performer);
    }

    private List<ScenarioEvent> dueWhere(Instant now, java.util.function.Predicate<ScenarioEvent> which) {
        List<ScenarioEvent> out = new ArrayList<>();
        for (ScenarioEvent e : events) {
            if (!waiting(e) || !which.test(e)) continue;
            Optional<Instant> due = dueAt(e);
            if (due.isPresent() && !due.get().isAfter(now) && conditionHolds(e, now)) out.add(e);
        }
        propagateSkips();
        return out;
    }

    /** Evaluates the condition once, when the event is first due; false skips it, an error fails it. */
    private boolean conditionHolds(ScenarioEvent e, Instant now) {
        if (e.condition().isEmpty() || conditionPassed.contains(e.id())) return true;
        switch (conditions.apply(e.condition().get())) {
            case CelPredicates.Value v when v.value() -> {
                conditionPassed.add(e.id());
                return true;
            }
            case CelPredicates.Value v -> settled.put(e.id(), new EventOutcome.Skipped(e.id(), "its condition was false at its time"));
            case CelPredicates.Error err -> settled.put(e.id(), new EventOutcome.Failed(e.id(), now, EventOutcome.Failure.CONDITION, err.message()));
        }
        return false;
    }

    /** Oracle agent actions whose environment ancestors all happened (proposals and replies on the way ignored). */
    List<ScenarioEvent> triggeredActions() {
        List<ScenarioEvent> out = new ArrayList<>();
        for (ScenarioEvent e : events) {
            if (waiting(e) && e.action() instanceof EventAction.AgentAction && envAncestorsHappened(e, new HashSet<>())) out.add(e);
        }
        return out;
    }

    private boolean envAncestorsHappened(ScenarioEvent e, Set<String> seen) {
        for (String d : e.dependsOn()) {
            ScenarioEvent dep = byId.get(d);
            if (dep == null || !seen.add(d)) continue;
            if (dep.kind() == EventKind.ENV && !(settled.get(d) instanceof EventOutcome.Happened)) return false;
            if (!envAncestorsHappened(dep, seen)) return false;
        }
        return true;
    }

    /** Recognises an oracle event in a successful call of the agent or the user. */
    void observe(LogEntry.ToolCall c) {
        if (!c.result().ok() || c.actor() == Actor.ENV) return;
        String tool = c.app() + "__" + c.tool();
        for (ScenarioEvent e : events) {
            if (!waiting(e) || e.kind() != EventKind.ORACLE) continue;
            Optional<Instant> ready = readyAt(e);
            if (ready.isEmpty() || ready.get().isAfter(c.time()) || !matches(e.action(), c.actor(), tool)) continue;
            if (e.condition().isPresent() && !conditionHolds(e, c.time())) continue;
            settled.put(e.id(), new EventOutcome.Happened(e.id(), c.time()));
            return;
        }
    }

    private static boolean matches(EventAction a, Actor actor, String tool) {
        return switch (a) {
            case EventAction.Proposal p -> actor == Actor.AGENT && tool.equals("AgentUserInterface__send_message_to_user");
            case EventAction.UserReply r -> actor == Actor.USER && tool.equals(r.answer().tool());
            case EventAction.AgentAction x -> actor == Actor.AGENT && tool.equals(x.tool());
            case EventAction.Trigger t -> false;
        };
    }

    void happened(ScenarioEvent e, Instant at) {
        settled.put(e.id(), new EventOutcome.Happened(e.id(), at));
    }

    void failed(ScenarioEvent e, Instant at, EventOutcome.Failure failure, String error) {
        settled.put(e.id(), new EventOutcome.Failed(e.id(), at, failure, error));
    }

    /** The next time strictly after {@code now} at which a waiting event falls due. */
    Optional<Instant> nextWake(Instant now, boolean includeOracle) {
        Optional<Instant> best = Optional.empty();
        for (ScenarioEvent e : events) {
            if (!waiting(e) || (!includeOracle && e.kind() == EventKind.ORACLE)) continue;
            Optional<Instant> due = dueAt(e).filter(t -> t.isAfter(now));
            if (due.isPresent() && (best.isEmpty() || due.get().isBefore(best.get()))) best = due;
        }
        return best;
    }

    /** Every event's outcome at the end of the play. */
    Map<String, EventOutcome> outcomes(Instant end) {
        propagateSkips();
        Map<String, EventOutcome> out = new LinkedHashMap<>();
        for (ScenarioEvent e : events) {
            EventOutcome o = settled.get(e.id());
            if (o == null) {
                Optional<Instant> due = dueAt(e);
                String missing = e.dependsOn().stream().filter(d -> !(settled.get(d) instanceof EventOutcome.Happened)).toList().toString();
                o = new EventOutcome.NeverHappened(e.id(), due.isEmpty() ? "its dependencies " + missing + " never happened"
                        : due.get().isAfter(end) ? "the play ended before its time" : "it was due but nobody performed it");
            }
            out.put(e.id(), o);
        }
        return out;
    }
}
