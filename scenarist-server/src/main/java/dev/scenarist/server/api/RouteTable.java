package dev.scenarist.server.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;

/**
 * Every HTTP route of the server, registered through here so that {@code /openapi.json} describes exactly the routes
 * Javalin serves ({@link OpenApi} is built from this table).
 */
public final class RouteTable {
    /**
     * One route.
     *
     * @param path    Javalin's path: {@code {id}} a segment, {@code <path>} the rest of the path, slashes included
     * @param mutates whether it changes something (audited, CSRF-checked)
     * @param body    the JSON schema name of its request body, or empty
     * @param answers what it answers: {@code json}, {@code html}, {@code file}, {@code sse}, {@code redirect}, {@code none}
     */
    public record Route(HandlerType method, String path, Doc doc, boolean mutates, String body, String answers) {
        public String tag() {
            return doc.tag();
        }

        public String summary() {
            return doc.summary();
        }

        /** The path as OpenAPI writes it: {@code {path}} for the rest-of-path parameter. */
        public String openApiPath() {
            return path.replace("<", "{").replace(">", "}");
        }
    }

    /** How a route is described: its group ({@code campaigns}, {@code runs}, ...) and one line on what it does. */
    public record Doc(String tag, String summary) {}

    private final RoutesConfig routes;
    private final List<Route> all = new ArrayList<>();

    public RouteTable(RoutesConfig routes) {
        this.routes = routes;
    }

    public void get(String path, String tag, String summary, String answers, Handler handler) {
        add(new Route(HandlerType.GET, path, new Doc(tag, summary), false, "", answers), handler);
    }

    public void post(String path, String tag, String summary, String body, Handler handler) {
        add(new Route(HandlerType.POST, path, new Doc(tag, summary), true, body, "json"), handler);
    }

    public void put(String path, String tag, String summary, String body, Handler handler) {
        add(new Route(HandlerType.PUT, path, new Doc(tag, summary), true, body, "json"), handler);
    }

    private void add(Route route, Handler handler) {
        all.add(route);
        routes.addHttpHandler(route.method(), route.path(), handler);
    }

    /** Registers a server-sent event stream (Javalin answers it only to {@code Accept: text/event-stream}). */
    public void sse(String path, String tag, String summary, java.util.function.Consumer<io.javalin.http.sse.SseClient> client) {
        all.add(new Route(HandlerType.GET, path, new Doc(tag, summary), false, "", "sse"));
        routes.sse(path, client);
    }

    public List<Route> all() {
        return List.copyOf(all);
    }
}
