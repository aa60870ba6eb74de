package dev.scenarist.packs.appworld.internal.cel;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.common.values.NullValue;
import dev.scenarist.packs.appworld.phone.SimClock;
import dev.scenarist.packs.appworld.phone.log.LogEntry;
import dev.scenarist.packs.appworld.phone.tools.ToolResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values a predicate sees, converted from the phone's JSON to CEL's Java values (maps, lists, strings, longs,
 * doubles, booleans, null). Every log item has the same keys — {@code seq, time, actor, app, tool, args, outcome,
 * result, error} — so {@code log.exists(e, e.actor == "agent" && ...)} never trips over a missing key.
 */
public record CelFacts(Map<String, Object> state, List<Object> log) {
    public static CelFacts of(JsonNode snapshot, List<LogEntry> entries) {
        @SuppressWarnings("unchecked")
        Map<String, Object> state = (Map<String, Object>) toCel(snapshot);
        List<Object> log = new ArrayList<>();
        for (LogEntry e : entries) {
            if (!(e instanceof LogEntry.ToolCall c)) continue;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("seq", c.seq());
            m.put("time", SimClock.format(c.time()));
            m.put("actor", c.actor().wireName());
            m.put("app", c.app());
            m.put("tool", c.tool());
            m.put("args", toCel(c.arguments()));
            m.put("outcome", c.result().ok() ? "ok" : "error");
            m.put("result", c.result() instanceof ToolResult.Ok ok ? toCel(ok.value()) : NullValue.NULL_VALUE);
            m.put("error", c.result() instanceof ToolResult.Error err ? err.message() : "");
            log.add(m);
        }
        return new CelFacts(state, log);
    }

    Map<String, Object> bindings() {
        Object apps = state.getOrDefault("apps", Map.of());
        return Map.of("state", state, "apps", apps, "log", log);
    }

    static Object toCel(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) return NullValue.NULL_VALUE;
        if (n.isObject()) {
            Map<String, Object> m = new LinkedHashMap<>();
            n.properties().forEach(e -> m.put(e.getKey(), toCel(e.getValue())));
            return m;
        }
        if (n.isArray()) {
            List<Object> l = new ArrayList<>();
            n.forEach(x -> l.add(toCel(x)));
            return l;
        }
        if (n.isBoolean()) return n.booleanValue();
        if (n.isIntegralNumber()) return n.longValue();
        if (n.isNumber()) return n.doubleValue();
        return n.asText();
    }
}
