package dev.scenarist.packs.chains.internal.target;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scenarist.packs.chains.Target;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The target contract's client (JDK HttpClient): {@code POST {base}/api/assistant/message} with the session id, the
 * message and the configured LLM/profile settings → the reply and the session id; {@code GET
 * {base}/api/assistant/session/{id}} → the session state. Failures are classified once, here, into {@link Answer.Kind}.
 */
public final class AssistantClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Target target;
    private final HttpClient http;

    public AssistantClient(Target target) {
        this.target = target;
        this.http = HttpClient.newBuilder().connectTimeout(target.timeout()).build();
    }

    /** The request body a message is sent with (what {@code turn.json} records). */
    public ObjectNode body(Optional<String> sessionId, String message) {
        ObjectNode b = JSON.createObjectNode();
        if (sessionId.isPresent()) b.put("session_id", sessionId.get());
        else b.putNull("session_id");
        b.put("message", message);
        if (!target.llm().isEmpty()) b.set("llm", JSON.valueToTree(target.llm()));
        target.profile().ifPresent(p -> b.put("profile", p));
        return b;
    }

    public Answer send(ObjectNode body) throws InterruptedException {
        HttpRequest.Builder r = request(target.baseUrl().resolve(base() + "/api/assistant/message"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        Answer a = call(r.build());
        if (a instanceof Answer.Json j && !(j.body().path("session_id").isTextual() && !j.body().get("session_id").asText().isBlank())) {
            return new Answer.Failed(Answer.Kind.MALFORMED, "the reply has no 'session_id' (the contract: POST /api/assistant/message answers"
                    + " {\"session_id\": ..., \"reply\": ...})", j.call());
        }
        return a;
    }

    public Answer session(String sessionId) throws InterruptedException {
        return call(request(target.baseUrl().resolve(base() + "/api/assistant/session/" + URLEncoder.encode(sessionId, StandardCharsets.UTF_8))).GET().build());
    }

    private String base() {
        String p = target.baseUrl().getPath();
        return p == null ? "" : p.replaceAll("/+$", "");
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(target.timeout()).header("Accept", "application/json");
        target.auth().ifPresent(h -> b.header(h.name(), h.value()));
        return b;
    }

    private Answer call(HttpRequest request) throws InterruptedException {
        long start = System.nanoTime();
        String url = request.uri().toString();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            long ms = (System.nanoTime() - start) / 1_000_000;
            JsonNode body;
            try {
                body = JSON.readTree(response.body());
            } catch (IOException e) {
                body = null;
            }
            Call call = new Call(request.method(), url, response.statusCode(), ms, Optional.ofNullable(body), Optional.empty());
            int s = response.statusCode();
            if (s == 501) return new Answer.Failed(Answer.Kind.NOT_IMPLEMENTED, "HTTP 501: " + shortText(response.body()), call);
            if (s >= 400) return new Answer.Failed(Answer.Kind.HTTP, "HTTP " + s + ": " + shortText(response.body()), call);
            if (body == null || !body.isObject()) {
                return new Answer.Failed(Answer.Kind.MALFORMED, "HTTP " + s + " but the body is not a JSON object: " + shortText(response.body()), call);
            }
            return new Answer.Json(body, call);
        } catch (HttpTimeoutException e) {
            return transport(request, start, "no answer within " + target.timeout().toSeconds() + " s");
        } catch (IOException e) {
            return transport(request, start, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    private static Answer transport(HttpRequest request, long start, String reason) {
        String why = "cannot reach " + request.uri() + ": " + reason;
        return new Answer.Failed(Answer.Kind.TRANSPORT, why, new Call(request.method(), request.uri().toString(), 0,
                (System.nanoTime() - start) / 1_000_000, Optional.empty(), Optional.of(why)));
    }

    private static String shortText(String s) {
        String t = s == null ? "" : s.strip();
        return t.length() > 300 ? t.substring(0, 300) + "…" : t;
    }
}
