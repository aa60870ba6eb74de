package dev.scenarist.app;

import dev.scenarist.app.wiring.Scenarist;
import dev.scenarist.app.wiring.Settings;
import dev.scenarist.core.model.Json;
import dev.scenarist.server.ScenaristServer;
import dev.scenarist.server.ServerOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code scenarist serve} for API tests: the application over a real SQLite store in {@code data}, served on 0.0.0.0
 * (so the token is required) on a random port, and an HTTP client that sends the token.
 */
final class ServedApp implements AutoCloseable {
    final Scenarist app;
    final ScenaristServer server;
    final String base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ServedApp(Scenarist app, ScenaristServer server, String token) {
        this.app = app;
        this.server = server;
        this.token = token;
        this.base = "http://127.0.0.1:" + server.port();
    }

    static ServedApp start(Path data, String token) {
        return start(data, token, app -> {});
    }

    /** @param before what to put in the store before the server starts (fixtures) */
    static ServedApp start(Path data, String token, Consumer<Scenarist> before) {
        Scenarist app = Scenarist.open(data, null, Settings.of(Map.of()));
        before.accept(app);
        return new ServedApp(app, app.serve(new ServerOptions("0.0.0.0", 0, Optional.of(token), false, ServerOptions.DEFAULT_MAX_BODY)), token);
    }

    HttpRequest.Builder req(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token);
    }

    HttpResponse<String> send(HttpRequest r) throws Exception {
        return http.send(r, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws Exception {
        return send(req(path).GET().build());
    }

    HttpResponse<String> postJson(String path, String json) throws Exception {
        return send(req(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    HttpResponse<String> putJson(String path, String json) throws Exception {
        return send(req(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(HttpResponse<String> r) {
        return Json.read(r.body(), Map.class);
    }

    HttpClient http() {
        return http;
    }

    @Override
    public void close() {
        server.close();
        app.close();
    }
}
