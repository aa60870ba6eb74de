package dev.scenarist.packs.chains.internal.target;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * One HTTP call to the target as the step's {@code debug.json} records it: never the auth header's value.
 *
 * @param status 0 when no HTTP answer came (connection refused, timeout)
 */
public record Call(String method, String url, int status, long millis, Optional<JsonNode> body, Optional<String> error) {}
