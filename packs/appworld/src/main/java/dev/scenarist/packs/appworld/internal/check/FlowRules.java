package dev.scenarist.packs.appworld.internal.check;

import dev.scenarist.core.model.Finding;
import dev.scenarist.packs.appworld.internal.cel.CelPredicates;
import dev.scenarist.packs.appworld.phone.tools.Layer;
import dev.scenarist.packs.appworld.phone.tools.Tool;
import dev.scenarist.packs.appworld.phone.tools.ToolRegistry;
import dev.scenarist.packs.appworld.scenario.EventAction;
import dev.scenarist.packs.appworld.scenario.EventAction.Answer;
import dev.scenarist.packs.appworld.scenario.EventKind;
import dev.scenarist.packs.appworld.scenario.Scenario;
import dev.scenarist.packs.appworld.scenario.ScenarioEvent;
import dev.scenarist.packs.appworld.scenario.check.CheckCode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The event-flow rules that can be decided without playing: structure (ids, dependencies, tools, conditions) and
 * PARE's rules (starts with a trigger, triggers notify, short delays, writes wait for an accepted proposal citing
 * their trigger, environment independent of the oracle).
 */
public final class FlowRules {
    /** PARE keeps delays short so a scenario plays in minutes of simulated time and agents are not left idle. */
    public static final long MAX_DELAY_SECONDS = 30;
    private final ToolRegistry tools;
    private final CelPredicates cel;

    public FlowRules(ToolRegistry tools, CelPredicates cel) {
        this.tools = tools;
        this.cel = cel;
    }

    public List<Finding> check(Scenario s) {
        List<Finding> out = new ArrayList<>();
        EventGraph g = new EventGraph(s);
        Set<String> ids = new HashSet<>();
        for (ScenarioEvent e : s.events()) {
            String at = g.path(e);
            if (!ids.add(e.id())) out.add(CheckCode.DUPLICATE_EVENT_ID.error("event id '" + e.id() + "' is used twice", at + ".id"));
            for (int i = 0; i < e.dependsOn().size(); i++) {
                String d = e.dependsOn().get(i);
                Optional<ScenarioEvent> dep = g.get(d);
                if (dep.isEmpty()) out.add(CheckCode.UNKNOWN_DEPENDENCY.error("event " + e.id() + " depends on '" + d + "', which is not an event", at + ".depends_on[" + i + "]"));
                else if (e.kind() == EventKind.ENV && dep.get().kind() == EventKind.ORACLE) {
                    out.add(CheckCode.ENV_DEPENDS_ON_ORACLE.error("environment event " + e.id() + " depends on oracle event " + d
                            + "; the world must not wait for the reference agent", at + ".depends_on[" + i + "]"));
                }
            }
            if (g.onCycle(e)) out.add(CheckCode.DEPENDENCY_CYCLE.error("event " + e.id() + " depends on itself through " + e.dependsOn(), at + ".depends_on"));
            if (e.delaySeconds() > MAX_DELAY_SECONDS) {
                out.add(CheckCode.DELAY_TOO_LONG.error("event " + e.id() + " waits " + e.delaySeconds() + " s; at most " + MAX_DELAY_SECONDS + " s", at + ".delay_seconds"));
            }
            e.condition().ifPresent(c -> {
                if (cel.compile(c) instanceof CelPredicates.Invalid bad) {
                    out.add(CheckCode.CONDITION_DOES_NOT_COMPILE.error("condition of " + e.id() + " does not compile: " + bad.error(), at + ".condition"));
                }
            });
            out.addAll(action(s, g, e, at));
        }
        out.addAll(start(s, g));
        if (s.events().stream().noneMatch(e -> e.action() instanceof EventAction.AgentAction)) {
            out.add(CheckCode.ORACLE_WITHOUT_ACTION.error("the flow has no oracle agent action, so there is nothing for an agent to get right", "$.events"));
        }
        return out;
    }

    private List<Finding> start(Scenario s, EventGraph g) {
        List<Finding> out = new ArrayList<>();
        if (s.events().isEmpty()) {
            out.add(CheckCode.FLOW_STARTS_WITHOUT_TRIGGER.error("the flow is empty", "$.events"));
            return out;
        }
        for (ScenarioEvent e : s.events()) {
            if (e.dependsOn().isEmpty() && e.kind() != EventKind.ENV) {
                out.add(CheckCode.FLOW_STARTS_WITHOUT_TRIGGER.error("oracle event " + e.id() + " has no dependencies, so it would act before anything happened",
                        g.path(e) + ".depends_on"));
            }
        }
        if (s.events().getFirst().kind() != EventKind.ENV) {
            out.add(CheckCode.FLOW_STARTS_WITHOUT_TRIGGER.error("the first event, " + s.events().getFirst().id() + ", is not an environment trigger", "$.events[0]"));
        }
        return out;
    }

    private List<Finding> action(Scenario s, EventGraph g, ScenarioEvent e, String at) {
        List<Finding> out = new ArrayList<>();
        switch (e.action()) {
            case EventAction.Trigger t -> {
                tool(t.tool(), Layer.ENV, e, at + ".trigger.tool", out);
                if (t.notification().isEmpty() || t.notification().get().isBlank()) {
                    out.add(CheckCode.TRIGGER_WITHOUT_NOTIFICATION.error("trigger " + e.id() + " does not say what notification it raises", at + ".trigger"));
                }
            }
            case EventAction.AgentAction a -> {
                tool(a.tool(), Layer.AGENT, e, at + ".action.tool", out);
                if (ToolKinds.isWrite(a.tool()) && !waitsForAcceptedProposal(g, e)) {
                    out.add(CheckCode.WRITE_WITHOUT_ACCEPTED_PROPOSAL.error("action " + e.id() + " (" + a.tool() + ") changes the phone without waiting for an "
                            + "accepted proposal that cites its trigger", at + ".depends_on"));
                }
            }
            case EventAction.Proposal p -> {
                Optional<ScenarioEvent> cited = g.get(p.cites());
                if (cited.isEmpty() || cited.get().kind() != EventKind.ENV) {
                    out.add(CheckCode.PROPOSAL_CITES_NON_TRIGGER.error("proposal " + e.id() + " cites '" + p.cites() + "', which is not an environment event",
                            at + ".proposal.cites"));
                } else if (!g.ancestors(e).contains(cited.get())) {
                    out.add(CheckCode.PROPOSAL_CITES_NON_TRIGGER.error("proposal " + e.id() + " cites " + p.cites() + " but does not come after it",
                            at + ".depends_on"));
                }
            }
            case EventAction.UserReply r -> { }
        }
        return out;
    }

    private void tool(String name, Layer layer, ScenarioEvent e, String at, List<Finding> out) {
        Optional<Tool> t = tools.find(name);
        if (t.isEmpty()) {
            List<String> known = tools.inLayer(layer).stream().map(x -> x.spec().qualifiedName()).toList();
            out.add(CheckCode.UNKNOWN_TOOL.error("event " + e.id() + " uses '" + name + "', which is not a tool; "
                    + dev.scenarist.packs.appworld.phone.tools.Suggestions.hint(name, known), at));
        } else if (!t.get().spec().layers().contains(layer)) {
            out.add(CheckCode.WRONG_LAYER.error("event " + e.id() + " uses " + name + ", which is not a " + layer + " tool (it is " + t.get().spec().layers() + ")", at));
        }
    }

    /** A write must come after an accepted reply, which comes after a proposal citing one of the write's triggers. */
    static boolean waitsForAcceptedProposal(EventGraph g, ScenarioEvent write) {
        Set<ScenarioEvent> before = g.ancestors(write);
        for (ScenarioEvent reply : before) {
            if (!(reply.action() instanceof EventAction.UserReply r) || r.answer() != Answer.ACCEPT) continue;
            for (ScenarioEvent proposal : g.ancestors(reply)) {
                if (proposal.action() instanceof EventAction.Proposal p && g.get(p.cites()).filter(c -> c.kind() == EventKind.ENV && before.contains(c)).isPresent()) {
                    return true;
                }
            }
        }
        return false;
    }
}
