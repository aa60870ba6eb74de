package dev.scenarist.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.scenarist.core.model.Json;
import io.javalin.http.Context;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The API's JSON: core's Jackson configuration (ISO dates, Optional, sorted map keys) with snake_case field names. */
public final class ApiJson {
    private static final ObjectMapper MAPPER = Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private ApiJson() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answers {@code value} as JSON with {@code status}. */
    public static void send(Context ctx, int status, Object value) {
        ctx.status(status).contentType("application/json").result(write(value));
    }

    /** The one shape of every error: {@code {"error": {"status", "code", "message", "fields"?}}}. */
    public static Map<String, Object> error(int status, String code, String message, List<?> fields) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("status", status);
        e.put("code", code);
        e.put("message", message);
        if (fields != null && !fields.isEmpty()) e.put("fields", fields);
        return Map.of("error", e);
    }
}
