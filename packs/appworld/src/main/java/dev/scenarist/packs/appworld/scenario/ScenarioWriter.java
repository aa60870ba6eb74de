package dev.scenarist.packs.appworld.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scenarist.packs.appworld.phone.SimClock;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a scenario with a fixed key order: the sections in pipeline order, each event's fields in the order of the
 * format, and the free JSON (seed, arguments) with sorted keys — so writing what was read is byte-stable and a diff
 * between two attempts shows only what changed.
 */
public final class ScenarioWriter {
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public String write(Scenario s) {
        try {
            return json.writeValueAsString(toJson(s)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write scenario " + s.id(), e);
        }
    }

    public ObjectNode toJson(Scenario s) {
        ObjectNode o = json.createObjectNode();
        Description d = s.description();
        o.put("id", d.id());
        o.put("title", d.title());
        o.put("description", d.narrative());
        o.put("start_time", SimClock.format(d.startTime()));
        d.persona().ifPresent(p -> o.putObject("persona").put("name", p.name()).put("description", p.description()));
        if (!d.coreApps().isEmpty()) {
            ArrayNode core = o.putArray("core_apps");
            d.coreApps().forEach(core::add);
        }
        o.set("apps", sorted(s.apps()));
        ArrayNode events = o.putArray("events");
        for (ScenarioEvent e : s.events()) events.add(event(e));
        ArrayNode goals = o.putObject("validation").putArray("goals");
        for (Validation.Goal g : s.validation().goals()) {
            ObjectNode go = goals.addObject().put("id", g.id());
            ArrayNode ps = go.putArray("predicates");
            g.predicates().forEach(ps::add);
            go.put("rationale", g.rationale());
        }
        return o;
    }

    private ObjectNode event(ScenarioEvent e) {
        ObjectNode o = json.createObjectNode();
        o.put("id", e.id());
        o.put("kind", e.kind().wireName());
        if (!e.dependsOn().isEmpty()) {
            ArrayNode deps = o.putArray("depends_on");
            e.dependsOn().forEach(deps::add);
        }
        o.put("delay_seconds", e.delaySeconds());
        e.condition().ifPresent(c -> o.put("condition", c));
        switch (e.action()) {
            case EventAction.Trigger t -> {
                ObjectNode b = o.putObject("trigger").put("tool", t.tool());
                b.set("args", sorted(t.args()));
                t.notification().ifPresent(n -> b.put("notification", n));
            }
            case EventAction.Proposal p -> o.putObject("proposal").put("content", p.content()).put("cites", p.cites());
            case EventAction.UserReply r -> {
                ObjectNode b = o.putObject("user_reply").put("answer", r.answer().wireName());
                if (!r.content().isEmpty()) b.put("content", r.content());
            }
            case EventAction.AgentAction a -> o.putObject("action").put("tool", a.tool()).set("args", sorted(a.args()));
        }
        return o;
    }

    private JsonNode sorted(JsonNode n) {
        if (n.isObject()) {
            ObjectNode out = json.createObjectNode();
            List<String> names = new ArrayList<>();
            n.fieldNames().forEachRemaining(names::add);
            names.stream().sorted().forEach(k -> out.set(k, sorted(n.get(k))));
            return out;
        }
        if (n.isArray()) {
            ArrayNode out = json.createArrayNode();
            n.forEach(x -> out.add(sorted(x)));
            return out;
        }
        return n;
    }
}
