package dev.scenarist.packs.chains.internal.path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What one pass of a chain has captured so far: each answered step's assistant response and the session fetched
 * after it. Placeholders and checks read from here, never from the reply's words alone.
 */
public final class Captures {
    /** a step's capture: the POST reply and the GET session that followed */
    public record Captured(JsonNode response, JsonNode session) {}

    private final Map<String, Captured> steps = new LinkedHashMap<>();
    private JsonNode lastSession = MissingNode.getInstance();
    private JsonNode lastResponse = MissingNode.getInstance();

    public void add(String stepId, JsonNode response, JsonNode session) {
        steps.put(stepId, new Captured(response, session));
        lastResponse = response;
        lastSession = session;
    }

    public Optional<Captured> step(String stepId) {
        return Optional.ofNullable(steps.get(stepId));
    }

    public java.util.Set<String> stepIds() {
        return steps.keySet();
    }

    /** The session as fetched after the latest answered step (missing before the first). */
    public JsonNode lastSession() {
        return lastSession;
    }

    public JsonNode lastResponse() {
        return lastResponse;
    }
}
