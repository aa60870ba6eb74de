package dev.scenarist.packs.chains.internal.target;

import com.fasterxml.jackson.databind.JsonNode;

/** What one call to the target gave: a JSON document, or a failure of a known kind. */
public sealed interface Answer {
    Call call();

    record Json(JsonNode body, Call call) implements Answer {}

    /**
     * @param kind   TRANSPORT (no answer: refused, reset, timeout), HTTP (an error status), NOT_IMPLEMENTED (501: the
     *               route or capability is missing), MALFORMED (not JSON, or not the contract's shape)
     */
    record Failed(Kind kind, String reason, Call call) implements Answer {}

    enum Kind { TRANSPORT, HTTP, NOT_IMPLEMENTED, MALFORMED }
}
