package dev.scenarist.app.appworld;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scenarist.packs.appworld.scenario.Scenario;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A scenario read from disk, with where it came from and the metadata that lay beside it.
 *
 * @param source   the file or folder given (or found)
 * @param metadata an accepted scenario's {@code metadata.json}, when there is one
 */
public record LoadedScenario(Scenario scenario, Path source, Optional<ObjectNode> metadata) {
    public static final String UNKNOWN_FAMILY = "unknown";

    /** The scenario's family from its metadata ({@code "family"}), {@value #UNKNOWN_FAMILY} when absent. */
    public String family() {
        return metadata.map(m -> m.path("family")).filter(f -> f.isTextual() && !f.asText().isBlank()).map(f -> f.asText())
                .orElse(UNKNOWN_FAMILY);
    }
}
