package dev.scenarist.packs.chains;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scenarist.packs.chains.reference.ReferenceAssistant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/** Test fixtures: the reference assistant in-process, run options pointing at it, JSON reading. */
final class ReferenceRuns {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC);

    private ReferenceRuns() {}

    static ReferenceAssistant start(Path product) {
        return start(product, Optional.empty());
    }

    static ReferenceAssistant start(Path product, Optional<String> token) {
        try {
            return ReferenceAssistant.start("127.0.0.1", 0, product, token);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RunOptions options(Target target, Path out) {
        return new RunOptions(target, out, RunOptions.DEFAULT_GATE, 0, new AnalystSpec.Offline());
    }

    static JsonNode json(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
