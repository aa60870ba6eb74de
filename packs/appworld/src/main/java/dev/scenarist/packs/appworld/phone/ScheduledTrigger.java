package dev.scenarist.packs.appworld.phone;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** An environment trigger waiting for its time; triggers due at the same second fire in scheduling order. */
public record ScheduledTrigger(long id, Instant at, String tool, JsonNode arguments) {}
