package dev.scenarist.packs.services.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What {@code service.json} declares, read leniently: a missing or mistyped field gets its default here, because the
 * schema check (which runs first) is the one that reports it with its JSON path. Everything that reads a service
 * definition — the static checks, the dry-run, the offline author's tests — reads it through this one view.
 *
 * @param service   the {@code service} section: what the service is called and where it listens
 * @param resources the declared resources in file order
 * @param phases    the deployment phases in order
 */
public record ServiceDefinition(Identity service, List<DeclaredResource> resources, List<Phase> phases, JsonNode json) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public ServiceDefinition {
        java.util.Objects.requireNonNull(service, "service");
        resources = List.copyOf(resources);
        phases = List.copyOf(phases);
    }

    /**
     * service.json's {@code service} section.
     *
     * @param port the service's own port ({@code service.port}), if it has one
     */
    public record Identity(String name, String version, String type, String category, List<String> tags, OptionalInt port) {
        public Identity {
            tags = List.copyOf(tags);
        }
    }

    public String name() {
        return service.name();
    }

    public String version() {
        return service.version();
    }

    public String type() {
        return service.type();
    }

    public String category() {
        return service.category();
    }

    public List<String> tags() {
        return service.tags();
    }

    /** The service's own port ({@code service.port}), if it has one. */
    public OptionalInt port() {
        return service.port();
    }

    /** A resource as service.json declares it under {@code resources.<category>.<name>}. */
    public record DeclaredResource(String category, String name, boolean enabled, boolean required, OptionalInt port,
                                   Map<String, JsonNode> initialization) {
        public DeclaredResource {
            initialization = Map.copyOf(initialization);
        }
    }

    /** A deployment phase: its tasks run in order. */
    public record Phase(String name, List<Task> tasks) {
        public Phase {
            tasks = List.copyOf(tasks);
        }
    }

    /** service.json is not JSON at all; {@code line} and {@code column} are 1-based. */
    public static final class MalformedException extends Exception {
        private final int line;
        private final int column;

        MalformedException(String message, int line, int column) {
            super(message);
            this.line = line;
            this.column = column;
        }

        public int line() {
            return line;
        }

        public int column() {
            return column;
        }
    }

    /**
     * Reads service.json's text.
     *
     * @throws MalformedException when the text is not a JSON object
     */
    public static ServiceDefinition read(String text) throws MalformedException {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new MalformedException(e.getOriginalMessage(), loc == null ? 1 : loc.getLineNr(), loc == null ? 1 : loc.getColumnNr());
        }
        if (root == null || !root.isObject()) throw new MalformedException("service.json must hold one JSON object", 1, 1);
        JsonNode service = root.path("service");
        List<String> tags = new ArrayList<>();
        service.path("tags").forEach(t -> tags.add(t.asText()));
        var identity = new Identity(service.path("name").asText(""), service.path("version").asText(""), service.path("type").asText(""),
                service.path("category").asText(""), tags, port(service.path("port")));
        return new ServiceDefinition(identity, resources(root.path("resources")), phases(root.path("deployment").path("phases")), root);
    }

    /** The enabled resource of that name, if declared. */
    public Optional<DeclaredResource> resource(String name) {
        return resources.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** Every task of every phase, in deployment order. */
    public List<Task> tasks() {
        return phases.stream().flatMap(p -> p.tasks().stream()).toList();
    }

    private static List<DeclaredResource> resources(JsonNode byCategory) {
        List<DeclaredResource> out = new ArrayList<>();
        byCategory.properties().forEach(category -> category.getValue().properties().forEach(r -> {
            JsonNode node = r.getValue();
            Map<String, JsonNode> init = new LinkedHashMap<>();
            node.path("initialization").properties().forEach(i -> init.put(i.getKey(), i.getValue()));
            out.add(new DeclaredResource(category.getKey(), r.getKey(), node.path("enabled").asBoolean(true),
                    node.path("required").asBoolean(false), port(node.path("port")), init));
        }));
        return out;
    }

    private static List<Phase> phases(JsonNode phases) {
        List<Phase> out = new ArrayList<>();
        for (JsonNode p : phases) {
            List<Task> tasks = new ArrayList<>();
            for (JsonNode t : p.path("tasks")) tasks.add(task(t));
            out.add(new Phase(p.path("name").asText(""), tasks));
        }
        return out;
    }

    private static Task task(JsonNode t) {
        String name = t.path("name").asText("");
        int timeout = t.path("timeout").asInt(60);
        int retries = t.path("retries").asInt(0);
        String resource = t.path("resource").asText("");
        return switch (t.path("type").asText("")) {
            case "sql" -> new Task.Sql(name, resource, t.path("file").asText(""), timeout, retries);
            case "resource-inject" -> new Task.ResourceInject(name, resource, strings(t.path("files")), timeout, retries);
            case "config" -> new Task.Config(name, t.path("file").asText(""), t.path("target").asText("app"), timeout, retries);
            case "script" -> new Task.Script(name, t.path("file").asText(""), strings(t.path("args")), timeout, retries);
            case "healthcheck" -> new Task.Healthcheck(name, resource,
                    t.hasNonNull("path") ? Optional.of(t.path("path").asText()) : Optional.empty(), timeout, retries);
            default -> new Task.Unknown(name, t.path("type").asText(""), timeout, retries);
        };
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static OptionalInt port(JsonNode n) {
        return n.canConvertToInt() && n.isIntegralNumber() ? OptionalInt.of(n.asInt()) : OptionalInt.empty();
    }
}
