package dev.scenarist.packs.appworld.internal.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scenarist.core.model.Finding;
import dev.scenarist.packs.appworld.phone.log.LogEntry;
import dev.scenarist.packs.appworld.phone.tools.Actor;
import dev.scenarist.packs.appworld.phone.tools.ToolResult;
import dev.scenarist.packs.appworld.play.EventOutcome;
import dev.scenarist.packs.appworld.play.PlayResult;
import dev.scenarist.packs.appworld.play.Transcript;
import dev.scenarist.packs.appworld.scenario.EventAction;
import dev.scenarist.packs.appworld.scenario.EventKind;
import dev.scenarist.packs.appworld.scenario.Scenario;
import dev.scenarist.packs.appworld.scenario.ScenarioEvent;
import dev.scenarist.packs.appworld.scenario.check.CheckCode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Findings from the oracle run: what the phone refused (unknown tool, bad argument, with the phone's own error),
 * events that never happened and why, conditions that could not run, triggers whose notification differs from the
 * one declared, and oracle arguments the agent could not have discovered by then.
 */
public final class OracleRunRules {
    public List<Finding> check(Scenario s, PlayResult result) {
        return switch (result) {
            case PlayResult.Unplayable u -> List.of(u.problem());
            case PlayResult.AgentFailed f -> List.of(CheckCode.PLAY_FAILED.error("the oracle run stopped: " + f.problem(), "$.events"));
            case PlayResult.Played p -> {
                List<Finding> out = new ArrayList<>(events(s, p.transcript()));
                if (p.ending() != PlayResult.Ending.QUIET) out.add(CheckCode.ORACLE_RUN_CAPPED.error("the oracle run ended by " + p.ending(), "$.events"));
                out.addAll(notifications(s, p.transcript()));
                out.addAll(discoverable(s, p.transcript()));
                yield out;
            }
        };
    }

    private List<Finding> events(Scenario s, Transcript t) {
        List<Finding> out = new ArrayList<>();
        Set<Long> blamed = new HashSet<>();
        for (ScenarioEvent e : s.events()) {
            String at = "$.events[" + s.indexOf(e.id()) + "]";
            EventOutcome o = t.events().get(e.id());
            switch (o) {
                case EventOutcome.Failed f -> out.add(switch (f.failure()) {
                    case UNKNOWN_TOOL -> CheckCode.UNKNOWN_TOOL.error("event " + e.id() + ": " + f.error(), at + ".trigger.tool");
                    case BAD_ARGUMENT -> CheckCode.BAD_ARGUMENT.error("event " + e.id() + ": " + f.error(), at + ".trigger.args");
                    case CONDITION -> (f.error().startsWith("does not compile") ? CheckCode.CONDITION_DOES_NOT_COMPILE : CheckCode.CONDITION_ERROR)
                            .error("condition of " + e.id() + " could not be evaluated: " + f.error(), at + ".condition");
                });
                case EventOutcome.NeverHappened n -> out.add(neverHappened(s, t, e, n, at, blamed));
                case EventOutcome.Happened h -> { }
                case EventOutcome.Skipped k -> { }
                case null -> { }
            }
        }
        return out;
    }

    private Finding neverHappened(Scenario s, Transcript t, ScenarioEvent e, EventOutcome.NeverHappened n, String at, Set<Long> blamed) {
        boolean depsHappened = e.dependsOn().stream().allMatch(d -> t.events().get(d) instanceof EventOutcome.Happened);
        if (!depsHappened) {
            return CheckCode.UNRESOLVED_DEPENDENCY.error("event " + e.id() + " never happened: " + n.why(), at + ".depends_on");
        }
        if (e.kind() == EventKind.ENV) return CheckCode.TRIGGER_NEVER_FIRES.error("trigger " + e.id() + " never fired: " + n.why(), at);
        // the performer tried and the phone refused: report the phone's own words
        Optional<LogEntry.ToolCall> refused = t.calls().stream()
                .filter(c -> c.actor() != Actor.ENV && !c.result().ok() && !blamed.contains(c.seq()) && (c.app() + "__" + c.tool()).equals(toolOf(e.action())))
                .findFirst();
        if (refused.isPresent()) {
            blamed.add(refused.get().seq());
            String error = ((ToolResult.Error) refused.get().result()).message();
            boolean unknown = error.startsWith("unknown tool");
            String field = e.action() instanceof EventAction.AgentAction ? ".action" : e.action() instanceof EventAction.UserReply ? ".user_reply" : ".proposal";
            return (unknown ? CheckCode.UNKNOWN_TOOL : CheckCode.BAD_ARGUMENT).error("oracle event " + e.id() + ": " + error, at + field);
        }
        return CheckCode.ORACLE_EVENT_NEVER_HAPPENS.error("oracle event " + e.id() + " never happened: " + n.why(), at);
    }

    private static String toolOf(EventAction a) {
        return switch (a) {
            case EventAction.AgentAction x -> x.tool();
            case EventAction.UserReply r -> r.answer().tool();
            case EventAction.Proposal p -> "AgentUserInterface__send_message_to_user";
            case EventAction.Trigger tr -> tr.tool();
        };
    }

    private List<Finding> notifications(Scenario s, Transcript t) {
        List<Finding> out = new ArrayList<>();
        Set<Long> used = new HashSet<>();
        for (ScenarioEvent e : s.events()) {
            if (!(e.action() instanceof EventAction.Trigger tr) || tr.notification().isEmpty()) continue;
            if (!(t.events().get(e.id()) instanceof EventOutcome.Happened h)) continue;
            Optional<LogEntry.Notified> posted = t.log().stream().filter(LogEntry.Notified.class::isInstance).map(LogEntry.Notified.class::cast)
                    .filter(n -> n.time().equals(h.at()) && n.notification().source().equals(tr.tool()) && !used.contains(n.seq())).findFirst();
            posted.ifPresent(n -> used.add(n.seq()));
            String actual = posted.map(n -> n.notification().text()).orElse("(none)");
            if (!actual.equals(tr.notification().get())) {
                out.add(CheckCode.NOTIFICATION_MISMATCH.error("trigger " + e.id() + " raises \"" + actual + "\", not \"" + tr.notification().get() + "\"",
                        "$.events[" + s.indexOf(e.id()) + "].trigger.notification"));
            }
        }
        return out;
    }

    /** Walks the log in order, growing what the agent could have seen, and checks each oracle action when it is made. */
    private List<Finding> discoverable(Scenario s, Transcript t) {
        List<Finding> out = new ArrayList<>();
        Visible seen = new Visible();
        seen.addAll(s.apps());
        Map<String, EventOutcome> outcomes = t.events();
        Set<String> checked = new HashSet<>();
        for (LogEntry entry : t.log()) {
            if (entry instanceof LogEntry.ToolCall c && c.actor() == Actor.AGENT && c.result().ok()) {
                for (ScenarioEvent e : s.events()) {
                    if (!(e.action() instanceof EventAction.AgentAction a) || checked.contains(e.id()) || !a.tool().equals(c.app() + "__" + c.tool())) continue;
                    if (!(outcomes.get(e.id()) instanceof EventOutcome.Happened h) || !h.at().equals(c.time())) continue;
                    checked.add(e.id());
                    for (Map.Entry<String, JsonNode> arg : a.args().properties()) {
                        for (String v : Visible.values(arg.getValue())) {
                            if (Visible.isIdentifier(arg.getKey(), v) && !seen.contains(v)) {
                                out.add(CheckCode.ARGUMENT_NOT_DISCOVERABLE.error("action " + e.id() + " uses " + arg.getKey() + " \"" + v
                                        + "\", which the agent could not have seen by then", "$.events[" + s.indexOf(e.id()) + "].action.args." + arg.getKey()));
                            }
                        }
                    }
                    break;
                }
            }
            seen.addAll(entry.toJson());
        }
        return out;
    }
}
