package dev.scenarist.server.pages.runs;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.scenarist.core.model.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a run's {@code steps.jsonl} — only its committed part: the store records how many bytes of it belong to committed
 * attempts, and a tail past that (an attempt cut off by a crash, cut again on resume) is not shown as if it had happened.
 */
public final class Trajectory {
    private static final Logger log = LoggerFactory.getLogger(Trajectory.class);

    private Trajectory() {}

    /** @param committedBytes the committed length, or 0 when unknown (then every complete line counts) */
    public static List<Step> read(Path steps, long committedBytes) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(steps);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + steps + ": " + e.getMessage(), e);
        }
        if (committedBytes > 0 && committedBytes < bytes.length) bytes = Arrays.copyOf(bytes, (int) committedBytes);
        List<Step> out = new ArrayList<>();
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) continue;
            try {
                out.add(new Step(Json.mapper().readValue(line, new TypeReference<Map<String, Object>>() {})));
            } catch (IOException | RuntimeException e) {
                log.warn("skipping a damaged line of {}: {}", steps, e.toString());
            }
        }
        return out;
    }

}
