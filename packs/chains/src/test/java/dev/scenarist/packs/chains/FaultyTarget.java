package dev.scenarist.packs.chains;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A target in front of the reference assistant that answers 500 to messages containing a word: always ({@link #failAlways})
 * or only the first N times ({@link #failFirst}, a flaky target). Everything else is passed through.
 */
final class FaultyTarget implements AutoCloseable {
    private final HttpServer server;
    private final URI upstream;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();

    FaultyTarget(URI upstream) {
        this.upstream = upstream;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    FaultyTarget failAlways(String word) {
        failures.put(word, new AtomicInteger(Integer.MAX_VALUE));
        return this;
    }

    FaultyTarget failFirst(String word, int times) {
        failures.put(word, new AtomicInteger(times));
        return this;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body = ex.getRequestBody().readAllBytes();
            String text = new String(body, StandardCharsets.UTF_8);
            for (var f : failures.entrySet()) {
                if (text.contains(f.getKey()) && f.getValue().getAndDecrement() > 0) {
                    byte[] b = "{\"error\":\"boom\"}".getBytes(StandardCharsets.UTF_8);
                    ex.sendResponseHeaders(500, b.length);
                    ex.getResponseBody().write(b);
                    return;
                }
            }
            var req = HttpRequest.newBuilder(upstream.resolve(ex.getRequestURI().getPath()));
            if (ex.getRequestMethod().equals("POST")) req.POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", "application/json");
            else req.GET();
            HttpResponse<byte[]> r = http.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
            ex.sendResponseHeaders(r.statusCode(), r.body().length);
            ex.getResponseBody().write(r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
