package dev.scenarist.app.appworld;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scenarist.app.config.ConfigException;
import dev.scenarist.core.dataset.AcceptedScenario;
import dev.scenarist.core.model.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metadata ledger of accepted appworld scenarios, in PARE's shape: one object per scenario with
 * {@code scenario_id}, {@code class_name}, {@code description}, {@code apps}, {@code timestamp}, plus {@code title} and
 * {@code family}, read from each folder's {@code metadata.json}. A folder without one is described from its scenario
 * (its title as class name, its core apps, the time it was accepted, family {@value LoadedScenario#UNKNOWN_FAMILY}).
 */
public final class Ledger {
    static final List<String> FIELDS = List.of("scenario_id", "class_name", "description", "apps", "timestamp", "title", "family");
    private final ScenarioInput input = new ScenarioInput();

    /** One object per scenario, its keys in PARE's order (a JSON tree keeps the order it was built in). */
    public List<ObjectNode> entries(List<AcceptedScenario> accepted) {
        return accepted.stream().map(this::entry).map(Ledger::tree).toList();
    }

    private static ObjectNode tree(Map<String, Object> fields) {
        ObjectNode o = Json.mapper().createObjectNode();
        fields.forEach((k, v) -> o.set(k, Json.mapper().valueToTree(v)));
        return o;
    }

    private Map<String, Object> entry(AcceptedScenario a) {
        LoadedScenario s;
        try {
            s = input.load(a.folder());
        } catch (ConfigException e) {
            throw new ConfigException("accepted scenario " + a.scenarioId() + " is not an appworld scenario"
                    + " folder: " + e.getMessage());
        }
        Map<String, Object> o = new LinkedHashMap<>();
        if (s.metadata().isPresent()) {
            ObjectNode m = s.metadata().get();
            for (String f : FIELDS) o.put(f, value(m.get(f)));
            if (o.get("scenario_id") == null) o.put("scenario_id", a.scenarioId());
            if (o.get("family") == null) o.put("family", LoadedScenario.UNKNOWN_FAMILY);
            return o;
        }
        var d = s.scenario().description();
        o.put("scenario_id", d.id());
        o.put("class_name", d.title());
        o.put("description", d.narrative());
        o.put("apps", d.coreApps());
        o.put("timestamp", a.acceptedAt() == null ? null : a.acceptedAt().toString());
        o.put("title", d.title());
        o.put("family", LoadedScenario.UNKNOWN_FAMILY);
        return o;
    }

    private static Object value(JsonNode n) {
        return n == null || n.isNull() ? null : n;
    }
}
