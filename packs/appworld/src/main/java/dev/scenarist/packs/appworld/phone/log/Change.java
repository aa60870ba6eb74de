package dev.scenarist.packs.appworld.phone.log;

import com.fasterxml.jackson.databind.JsonNode;

/** What happened to one entity of an app's state; each kind carries exactly the values it has. */
public sealed interface Change {
    record Created(JsonNode value) implements Change {}

    record Updated(JsonNode before, JsonNode after) implements Change {}

    record Deleted(JsonNode before) implements Change {}

    default String kind() {
        return switch (this) {
            case Created c -> "created";
            case Updated u -> "updated";
            case Deleted d -> "deleted";
        };
    }
}
