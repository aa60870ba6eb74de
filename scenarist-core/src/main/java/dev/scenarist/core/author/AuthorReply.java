package dev.scenarist.core.author;

import dev.scenarist.core.model.Usage;
import java.time.Duration;
import java.util.Objects;

/** What an author proposed, and what it cost. The engine, not the author, decides what becomes of it. */
public record AuthorReply(String text, Usage usage, String model, Duration latency) {
    public AuthorReply {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(latency, "latency");
    }
}
