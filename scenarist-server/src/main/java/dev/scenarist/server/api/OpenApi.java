package dev.scenarist.server.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The OpenAPI 3.1 description of every route in the {@link RouteTable}, built in code so it cannot miss one. */
public final class OpenApi {
    private static final Pattern PARAM = Pattern.compile("[{<]([a-z_]+)[}>]");

    private OpenApi() {}

    public static Map<String, Object> describe(List<RouteTable.Route> routes) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.1.0");
        doc.put("info", Map.of("title", "Scenarist", "version", "0.1.0",
                "description", "Campaigns of generated scenarios: create, watch, inspect, download. Every call needs"
                        + " 'Authorization: Bearer <token>' (or the session cookie of /login) when the server requires a token."));
        doc.put("components", components());
        doc.put("security", List.of(Map.of("bearer", List.of()), Map.of("session", List.of())));
        Map<String, Object> paths = new LinkedHashMap<>();
        for (RouteTable.Route r : routes) {
            @SuppressWarnings("unchecked")
            Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent(r.openApiPath(), k -> new LinkedHashMap<>());
            item.put(r.method().name().toLowerCase(java.util.Locale.ROOT), operation(r));
        }
        doc.put("paths", paths);
        return doc;
    }

    private static Map<String, Object> operation(RouteTable.Route r) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("tags", List.of(r.tag()));
        op.put("summary", r.summary());
        op.put("operationId", (r.method().name() + r.path()).replaceAll("[^A-Za-z0-9]+", "_"));
        List<Object> params = new java.util.ArrayList<>();
        Matcher m = PARAM.matcher(r.path());
        while (m.find()) {
            params.add(Map.of("name", m.group(1), "in", "path", "required", true, "schema", Map.of("type", "string"),
                    "description", m.group(0).startsWith("<") ? "a path relative to the folder, '/' between names; no '..'" : "an id"));
        }
        if (r.path().equals("/api/events")) {
            params.add(Map.of("name", "campaign", "in", "query", "required", false, "schema", Map.of("type", "string")));
        }
        if (r.path().equals("/api/audit")) {
            params.add(Map.of("name", "limit", "in", "query", "required", false, "schema", Map.of("type", "integer", "minimum", 1)));
        }
        if (r.path().equals("/login")) {
            params.add(Map.of("name", "token", "in", "query", "required", true, "schema", Map.of("type", "string")));
        }
        if (!params.isEmpty()) op.put("parameters", params);
        if (!r.body().isEmpty()) {
            op.put("requestBody", Map.of("required", true, "content",
                    Map.of("application/json", Map.of("schema", Map.of("$ref", "#/components/schemas/" + r.body())))));
        }
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put(r.mutates() && r.path().equals("/api/campaigns") ? "201" : r.answers().equals("redirect") ? "302" : "200",
                Map.of("description", "OK", "content", content(r.answers())));
        if (r.mutates()) {
            responses.put("400", error("the request is invalid (field-level errors in error.fields)"));
            responses.put("403", error("CSRF check failed, or a cross-origin request"));
            responses.put("409", error("not possible in the campaign's state"));
            responses.put("413", error("the body is larger than the limit (1 MiB by default)"));
        }
        if (r.path().contains("{") || r.path().contains("<")) responses.put("404", error("no such campaign, run, scenario or file"));
        if (r.path().contains("<")) responses.put("400", error("the path is absolute or has '..' or '.' segments"));
        responses.put("401", error("a token is required"));
        op.put("responses", responses);
        return op;
    }

    private static Map<String, Object> content(String answers) {
        return switch (answers) {
            case "json" -> Map.of("application/json", Map.of("schema", Map.of("type", "object")));
            case "html" -> Map.of("text/html", Map.of("schema", Map.of("type", "string")));
            case "sse" -> Map.of("text/event-stream", Map.of("schema", Map.of("type", "string")));
            case "file" -> Map.of("application/octet-stream", Map.of("schema", Map.of("type", "string", "format", "binary")));
            default -> Map.of();
        };
    }

    private static Map<String, Object> error(String description) {
        return Map.of("description", description, "content",
                Map.of("application/json", Map.of("schema", Map.of("$ref", "#/components/schemas/Error"))));
    }

    private static Map<String, Object> components() {
        Map<String, Object> schemas = new LinkedHashMap<>();
        schemas.put("Error", Map.of("type", "object", "properties", Map.of("error", Map.of("type", "object", "properties", Map.of(
                "status", Map.of("type", "integer"), "code", Map.of("type", "string"), "message", Map.of("type", "string"),
                "fields", Map.of("type", "array", "items", Map.of("type", "object", "properties", Map.of(
                        "field", Map.of("type", "string"), "problem", Map.of("type", "string"), "fix", Map.of("type", "string")))))))));
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("pack", Map.of("type", "string", "description", "a pack, see 'scenarist packs'"));
        props.put("count", Map.of("type", "integer", "minimum", 1, "maximum", 100000));
        props.put("start", Map.of("type", "boolean", "default", true, "description", "start it at once in this server"));
        props.put("tier", Map.of("type", "string"));
        props.put("family", Map.of("type", "string"));
        props.put("author", Map.of("type", "string", "description", "offline, cassette:FILE or provider:model"));
        props.put("concurrency", Map.of("type", "integer", "minimum", 1, "maximum", 256));
        props.put("seed", Map.of("type", "integer"));
        props.put("options", Map.of("type", "object", "additionalProperties", Map.of("type", "string")));
        props.put("budget", Map.of("type", "object", "properties", Map.of("max_runs", Map.of("type", "integer"), "max_tokens",
                Map.of("type", "integer"), "max_cost_usd", Map.of("type", "number"), "max_wall", Map.of("type", "string"))));
        props.put("models", Map.of("type", "object", "description", "as in a campaign configuration file: default and per-stage model settings"));
        props.put("providers", Map.of("type", "object"));
        props.put("prices", Map.of("type", "object"));
        schemas.put("CampaignRequest", Map.of("type", "object", "required", List.of("pack", "count"), "properties", props,
                "additionalProperties", false));
        return Map.of("schemas", schemas, "securitySchemes", Map.of(
                "bearer", Map.of("type", "http", "scheme", "bearer"),
                "session", Map.of("type", "apiKey", "in", "cookie", "name", "scenarist_session")));
    }
}
