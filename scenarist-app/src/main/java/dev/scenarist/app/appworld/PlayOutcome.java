package dev.scenarist.app.appworld;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One play as the commands report it: the verdict, each goal met or missed with its rationale, and the agent's and
 * the user's tool calls.
 *
 * @param reason  why it was not judged (a predicate that failed, the agent's model failing); empty otherwise
 * @param ending  why the play stopped ({@code quiet}, {@code tool_call_cap}, ...); empty when it did not run
 */
public record PlayOutcome(LoadedScenario scenario, Who who, Judgement judgement, Optional<String> ending, List<Call> log) {
    /** Who played: the agent's and the user's names. */
    public record Who(String agent, String user) {}

    /** The verdict with every goal, in the validation's order. */
    public record Judgement(Status status, Optional<String> reason, List<Goal> goals) {
        public Judgement {
            goals = List.copyOf(goals);
        }
    }

    public enum Status {
        PASS("PASS", "pass"), FAIL("FAIL", "fail"), NOT_JUDGED("NOT JUDGED", "not_judged");

        private final String label;
        private final String wire;

        Status(String label, String wire) {
            this.label = label;
            this.wire = wire;
        }

        /** As printed for people: PASS, FAIL, NOT JUDGED. */
        public String label() {
            return label;
        }

        /** As in JSON: pass, fail, not_judged. */
        public String wire() {
            return wire;
        }
    }

    /** @param predicate the predicate that met it, when met */
    public record Goal(String id, boolean met, String rationale, Optional<String> predicate) {}

    /** One tool call of the agent or the user; {@code error} is empty when it succeeded. */
    public record Call(long seq, String time, String actor, String tool, JsonNode args, Optional<String> error) {}

    public PlayOutcome {
        log = List.copyOf(log);
    }

    public Status status() {
        return judgement.status();
    }

    public Optional<String> reason() {
        return judgement.reason();
    }

    public List<Goal> goals() {
        return judgement.goals();
    }

    public boolean passed() {
        return status() == Status.PASS;
    }

    public List<Goal> missed() {
        return goals().stream().filter(g -> !g.met()).toList();
    }

    /** The play as one JSON object: verdict, goals, log. */
    public Map<String, Object> json() {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("scenario_id", scenario.scenario().id());
        o.put("title", scenario.scenario().description().title());
        o.put("source", scenario.source().toString());
        o.put("family", scenario.family());
        o.put("agent", who.agent());
        o.put("user", who.user());
        o.put("verdict", status().wire());
        reason().ifPresent(r -> o.put("reason", r));
        ending.ifPresent(e -> o.put("ending", e));
        o.put("goals", goals().stream().map(g -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", g.id());
            m.put("met", g.met());
            m.put("rationale", g.rationale());
            g.predicate().ifPresent(p -> m.put("predicate", p));
            return m;
        }).toList());
        o.put("log", log.stream().map(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("seq", c.seq());
            m.put("time", c.time());
            m.put("actor", c.actor());
            m.put("tool", c.tool());
            m.put("args", c.args());
            m.put("outcome", c.error().isEmpty() ? "ok" : "error");
            c.error().ifPresent(e -> m.put("error", e));
            return m;
        }).toList());
        return o;
    }
}
