package dev.scenarist.packs.chains.internal.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The reference assistant over HTTP ({@code com.sun.net.httpserver}, virtual threads): {@code POST /api/assistant/message}
 * and {@code GET /api/assistant/session/{id}}, sessions in memory, the product's switches read from its folder on every
 * request. An optional required {@code Authorization} value makes it refuse unauthenticated calls (401).
 */
public final class ReferenceServer implements AutoCloseable {
    private static final String MESSAGE = "/api/assistant/message";
    private static final String SESSION = "/api/assistant/session/";

    private final HttpServer server;
    private final Path productDir;
    private final Optional<String> requiredAuthorization;
    private final Answerer answerer = new Answerer(Inventory.load());
    private final Map<String, Memory> sessions = new ConcurrentHashMap<>();
    private final AtomicInteger nextSession = new AtomicInteger(1);

    private ReferenceServer(HttpServer server, Path productDir, Optional<String> requiredAuthorization) {
        this.server = server;
        this.productDir = productDir;
        this.requiredAuthorization = requiredAuthorization;
    }

    /** Binds {@code host:port} (0 = any free port) and starts serving. */
    public static ReferenceServer start(String host, int port, Path productDir, Optional<String> requiredAuthorization) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(host, port), 0);
        ReferenceServer s = new ReferenceServer(http, productDir, requiredAuthorization);
        http.createContext("/api/assistant/", s::handle);
        http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        http.start();
        return s;
    }

    public URI baseUri() {
        InetSocketAddress a = server.getAddress();
        return URI.create("http://" + (a.getAddress().isAnyLocalAddress() ? "127.0.0.1" : a.getHostString()) + ":" + a.getPort());
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (requiredAuthorization.isPresent() && !requiredAuthorization.get().equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                send(ex, 401, error("missing or wrong Authorization header"));
                return;
            }
            String path = ex.getRequestURI().getPath();
            if (path.equals(MESSAGE) && ex.getRequestMethod().equals("POST")) {
                message(ex);
            } else if (path.startsWith(SESSION) && ex.getRequestMethod().equals("GET")) {
                Memory m = sessions.get(path.substring(SESSION.length()));
                if (m == null) send(ex, 404, error("no session " + path.substring(SESSION.length())));
                else synchronized (m) {
                    send(ex, 200, m.json());
                }
            } else {
                send(ex, 404, error("no route " + ex.getRequestMethod() + " " + path + "; this assistant speaks POST " + MESSAGE + " and GET " + SESSION + "{id}"));
            }
        } catch (RuntimeException e) {
            send(ex, 500, error(e.getMessage() == null ? e.toString() : e.getMessage()));
        }
    }

    private void message(HttpExchange ex) throws IOException {
        JsonNode body;
        try {
            body = ProductSettings.JSON.readTree(ex.getRequestBody().readAllBytes());
        } catch (IOException e) {
            send(ex, 400, error("the body is not JSON: " + e.getMessage()));
            return;
        }
        if (body == null || !body.path("message").isTextual() || body.path("message").asText().isBlank()) {
            send(ex, 400, error("'message' (a non-empty string) is required"));
            return;
        }
        String sessionId = body.path("session_id").isTextual() ? body.get("session_id").asText() : null;
        Memory memory;
        if (sessionId == null) {
            String id = "s-" + nextSession.getAndIncrement();
            memory = new Memory(id);
            sessions.put(id, memory);
        } else {
            memory = sessions.get(sessionId);
            if (memory == null) {
                send(ex, 404, error("no session " + sessionId + "; omit session_id to start one"));
                return;
            }
        }
        ProductSettings product = ProductSettings.read(productDir);
        ObjectNode reply;
        synchronized (memory) {
            ObjectNode settings = ProductSettings.JSON.createObjectNode();
            if (body.has("llm")) settings.set("llm", body.get("llm"));
            if (body.has("profile")) settings.set("profile", body.get("profile"));
            if (!settings.isEmpty()) memory.settings = settings;
            String message = body.get("message").asText();
            reply = answerer.answer(message, memory, product);
            memory.turns.add(ProductSettings.JSON.createObjectNode().put("message", message).put("intent", reply.path("intent").asText()));
        }
        send(ex, 200, reply);
    }

    private static ObjectNode error(String message) {
        return ProductSettings.JSON.createObjectNode().put("error", message);
    }

    private static void send(HttpExchange ex, int status, JsonNode body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
