package dev.scenarist.models.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A scripted stand-in for a model provider, on the JDK's HTTP server at {@code 127.0.0.1} on a free port. Each
 * request, whatever its path, gets the next {@link Scripted} response from the queue (an empty queue answers
 * {@link #otherwise(Scripted)}, by default a 501 that says so); every request is recorded with its headers and body so tests can assert what was sent.
 *
 * <p>Responses are real bodies in each provider's documented format from {@code src/test/resources/http/<provider>/}
 * ({@link #resource(String)}), or faults: a delay past the client's timeout, a body that stalls after its headers,
 * a connection closed without a response, a body shorter than its Content-Length, a truncated JSON body.
 *
 * <p>Tool calling: {@link #openAiReply} and {@link #anthropicReply} script replies with text and tool calls;
 * {@link Received#toolNames()}, {@link Received#toolResults()} and {@link Received#roles()} read what a request offered
 * and sent back.
 *
 * <p>Self-contained (JDK + Jackson) so other modules' tests can use it. Close it to stop the server and interrupt
 * handlers still sleeping.
 */
public final class FakeProviderServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Queue<Scripted> script = new ConcurrentLinkedQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Scripted fallback = Scripted.json(501,
            "{\"error\":{\"type\":\"fake_server\",\"message\":\"FakeProviderServer: nothing scripted for this request\"}}");

    private FakeProviderServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public static FakeProviderServer start() {
        try {
            return new FakeProviderServer();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fake provider server", e);
        }
    }

    /** {@code http://127.0.0.1:<port>} — no trailing slash. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** {@link #baseUri()} followed by {@code path}, e.g. {@code uri("/v1")}. */
    public URI uri(String path) {
        return URI.create(baseUri() + (path.startsWith("/") ? path : "/" + path));
    }

    /** Queues responses, served in order, one per request. */
    public FakeProviderServer enqueue(Scripted... responses) {
        script.addAll(List.of(responses));
        return this;
    }

    /** What to answer once the queue is empty (by default a 501 saying nothing was scripted), e.g. for concurrency tests. */
    public FakeProviderServer otherwise(Scripted response) {
        fallback = response;
        return this;
    }

    /** Every request received so far, in order. */
    public List<Received> requests() {
        return List.copyOf(received);
    }

    public Received lastRequest() {
        if (received.isEmpty()) throw new IllegalStateException("the fake provider server has received no request");
        return received.get(received.size() - 1);
    }

    /** Scripted responses not yet served. */
    public int pending() {
        return script.size();
    }

    /** The text of {@code src/test/resources/http/<name>}, e.g. {@code resource("anthropic/reply.json")}. */
    public static String resource(String name) {
        try (InputStream in = FakeProviderServer.class.getResourceAsStream("/http/" + name)) {
            if (in == null) throw new IllegalArgumentException("no test resource http/" + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, body));
        Scripted next = script.poll();
        if (next == null) next = fallback;
        try {
            if (!next.delay().isZero()) Thread.sleep(next.delay());
            respond(exchange, next);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.close();
        } catch (IOException clientGone) {
            exchange.close();
        }
    }

    private static void respond(HttpExchange exchange, Scripted r) throws IOException, InterruptedException {
        if (r.fault() == Scripted.Fault.CLOSE_WITHOUT_RESPONSE) {
            exchange.close(); // no status line: the client sees the connection end
            return;
        }
        r.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        if (!r.headers().keySet().stream().anyMatch(k -> k.equalsIgnoreCase("content-type"))) {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
        }
        byte[] bytes = r.body().getBytes(StandardCharsets.UTF_8);
        switch (r.fault()) {
            case SHORT_BODY -> {
                exchange.sendResponseHeaders(r.status(), bytes.length + 512L);
                OutputStream out = exchange.getResponseBody();
                out.write(bytes);
                out.flush();
                // abandoning the exchange with bytes missing makes the server drop the connection
                throw new IllegalStateException("FakeProviderServer: short body sent on purpose");
            }
            case STALL_BODY -> {
                exchange.sendResponseHeaders(r.status(), bytes.length);
                OutputStream out = exchange.getResponseBody();
                out.write(bytes, 0, bytes.length / 2);
                out.flush();
                Thread.sleep(r.stall());
                out.write(bytes, bytes.length / 2, bytes.length - bytes.length / 2);
                out.close();
            }
            default -> {
                exchange.sendResponseHeaders(r.status(), bytes.length == 0 ? -1 : bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    /** One request as the server saw it; header names are lower case. */
    public record Received(String method, String path, Map<String, List<String>> headers, String body) {
        public Optional<String> header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("request body is not JSON: " + body, e);
            }
        }

        /** The names of the tools offered, in order: OpenAI/Ollama {@code tools[].function.name} or Anthropic {@code tools[].name}. */
        public List<String> toolNames() {
            List<String> names = new java.util.ArrayList<>();
            for (JsonNode t : json().path("tools")) names.add(t.has("function") ? t.path("function").path("name").asText() : t.path("name").asText());
            return names;
        }

        /**
         * The tool results sent back, oldest first: OpenAI/Ollama {@code role: tool} messages, Anthropic
         * {@code tool_result} blocks of user messages.
         */
        public List<ToolResultSent> toolResults() {
            List<ToolResultSent> out = new java.util.ArrayList<>();
            for (JsonNode m : json().path("messages")) {
                if ("tool".equals(m.path("role").asText())) {
                    out.add(new ToolResultSent(m.path("tool_call_id").asText(), m.path("content").asText(), false));
                }
                if (m.path("content").isArray()) {
                    for (JsonNode b : m.path("content")) {
                        if ("tool_result".equals(b.path("type").asText())) {
                            out.add(new ToolResultSent(b.path("tool_use_id").asText(), b.path("content").asText(), b.path("is_error").asBoolean(false)));
                        }
                    }
                }
            }
            return out;
        }

        /** The {@code role} of every message sent, in order (the system prompt too, for OpenAI and Ollama). */
        public List<String> roles() {
            List<String> roles = new java.util.ArrayList<>();
            for (JsonNode m : json().path("messages")) roles.add(m.path("role").asText());
            return roles;
        }
    }

    /** A tool result as a request carried it back to the model. */
    public record ToolResultSent(String callId, String content, boolean error) {}

    /**
     * A tool call to script into a reply.
     *
     * @param arguments the arguments as JSON text, sent verbatim (so a test can send malformed ones)
     */
    public record Call(String id, String name, String arguments) {}

    /**
     * A 200 OpenAI chat completion whose message has {@code text} (null content when empty) and {@code calls} as
     * {@code tool_calls} (arguments as JSON text, as OpenAI sends them); usage 100 prompt / 20 completion tokens.
     */
    public static Scripted openAiReply(String text, Call... calls) {
        com.fasterxml.jackson.databind.node.ObjectNode root = JSON.createObjectNode();
        root.put("id", "chatcmpl-fake").put("object", "chat.completion").put("model", "gpt-4.1-2025-04-14");
        com.fasterxml.jackson.databind.node.ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", calls.length == 0 ? "stop" : "tool_calls");
        com.fasterxml.jackson.databind.node.ObjectNode message = choice.putObject("message").put("role", "assistant");
        if (text.isEmpty()) message.putNull("content");
        else message.put("content", text);
        if (calls.length > 0) {
            var array = message.putArray("tool_calls");
            for (Call c : calls) {
                var call = array.addObject().put("id", c.id()).put("type", "function");
                call.putObject("function").put("name", c.name()).put("arguments", c.arguments());
            }
        }
        root.putObject("usage").put("prompt_tokens", 100).put("completion_tokens", 20).put("total_tokens", 120);
        return Scripted.ok(root.toString());
    }

    /**
     * A 200 Anthropic message with a text block (when {@code text} is not empty) and a {@code tool_use} block per call
     * (arguments parsed into {@code input}: they must be JSON); usage 100 input / 20 output tokens.
     */
    public static Scripted anthropicReply(String text, Call... calls) {
        com.fasterxml.jackson.databind.node.ObjectNode root = JSON.createObjectNode();
        root.put("id", "msg_fake").put("type", "message").put("role", "assistant").put("model", "claude-sonnet-4-5-20250929");
        var content = root.putArray("content");
        if (!text.isEmpty()) content.addObject().put("type", "text").put("text", text);
        for (Call c : calls) {
            var use = content.addObject().put("type", "tool_use").put("id", c.id()).put("name", c.name());
            try {
                use.set("input", JSON.readTree(c.arguments()));
            } catch (IOException e) {
                throw new UncheckedIOException("arguments of scripted call " + c.id() + " are not JSON", e);
            }
        }
        root.put("stop_reason", calls.length == 0 ? "end_turn" : "tool_use");
        root.putObject("usage").put("input_tokens", 100).put("output_tokens", 20);
        return Scripted.ok(root.toString());
    }

    /**
     * One scripted response.
     *
     * @param delay how long to wait before answering (past the client's timeout makes a slow response)
     * @param stall for {@link Fault#STALL_BODY}: the pause after half the body
     */
    public record Scripted(int status, Map<String, String> headers, String body, Duration delay, Fault fault, Duration stall) {
        public enum Fault {
            NONE,
            /** Close the connection without a status line: the client sees a reset/closed connection. */
            CLOSE_WITHOUT_RESPONSE,
            /** Declare a Content-Length larger than the body sent, then drop the connection. */
            SHORT_BODY,
            /** Send the headers and half the body, pause for {@code stall}, then the rest. */
            STALL_BODY
        }

        public Scripted {
            headers = Map.copyOf(headers);
        }

        public static Scripted json(int status, String body) {
            return new Scripted(status, Map.of(), body, Duration.ZERO, Fault.NONE, Duration.ZERO);
        }

        public static Scripted ok(String body) {
            return json(200, body);
        }

        /** {@code status} with the body of {@code src/test/resources/http/<resource>}. */
        public static Scripted fromResource(int status, String resource) {
            return json(status, FakeProviderServer.resource(resource));
        }

        /** The connection closes before any response. */
        public static Scripted connectionReset() {
            return new Scripted(0, Map.of(), "", Duration.ZERO, Fault.CLOSE_WITHOUT_RESPONSE, Duration.ZERO);
        }

        /** A 200 whose body ends before its declared Content-Length, then the connection drops. */
        public static Scripted shortBody(String body) {
            return new Scripted(200, Map.of(), body, Duration.ZERO, Fault.SHORT_BODY, Duration.ZERO);
        }

        /** A 200 whose JSON is cut in half but correctly framed (the server meant to send exactly that). */
        public static Scripted truncated(String body) {
            return ok(body.substring(0, body.length() / 2));
        }

        /** A 200 that sends half its body, then pauses {@code stall} before the rest. */
        public static Scripted stallingBody(String body, Duration stall) {
            return new Scripted(200, Map.of(), body, Duration.ZERO, Fault.STALL_BODY, stall);
        }

        public Scripted withHeader(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Scripted(status, h, body, delay, fault, stall);
        }

        public Scripted after(Duration wait) {
            return new Scripted(status, headers, body, wait, fault, stall);
        }
    }
}
