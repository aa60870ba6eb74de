package dev.scenarist.packs.appworld.internal.check;

import dev.scenarist.packs.appworld.scenario.Scenario;
import dev.scenarist.packs.appworld.scenario.ScenarioEvent;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The dependency graph of a scenario's events, for the rules that follow chains (ancestors, cycles). */
final class EventGraph {
    private final Scenario scenario;
    private final Map<String, ScenarioEvent> byId = new LinkedHashMap<>();

    EventGraph(Scenario scenario) {
        this.scenario = scenario;
        for (ScenarioEvent e : scenario.events()) byId.putIfAbsent(e.id(), e);
    }

    Optional<ScenarioEvent> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Every event {@code e} transitively depends on (unknown ids ignored; cycles cut). */
    Set<ScenarioEvent> ancestors(ScenarioEvent e) {
        Set<ScenarioEvent> out = new LinkedHashSet<>();
        collect(e, out);
        out.remove(e);
        return out;
    }

    private void collect(ScenarioEvent e, Set<ScenarioEvent> out) {
        for (String d : e.dependsOn()) {
            ScenarioEvent dep = byId.get(d);
            if (dep != null && out.add(dep)) collect(dep, out);
        }
    }

    /** Whether {@code e} is on a dependency cycle. */
    boolean onCycle(ScenarioEvent e) {
        return ancestors(e).stream().anyMatch(a -> a.id().equals(e.id())) || reaches(e, e.id(), new java.util.HashSet<>());
    }

    private boolean reaches(ScenarioEvent from, String target, Set<String> seen) {
        for (String d : from.dependsOn()) {
            if (d.equals(target)) return true;
            ScenarioEvent dep = byId.get(d);
            if (dep != null && seen.add(d) && reaches(dep, target, seen)) return true;
        }
        return false;
    }

    String path(ScenarioEvent e) {
        return "$.events[" + scenario.indexOf(e.id()) + "]";
    }
}
