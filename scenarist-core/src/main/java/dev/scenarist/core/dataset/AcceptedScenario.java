package dev.scenarist.core.dataset;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * One accepted scenario of a campaign (the one asked for) as the catalog records it, for commands that read accepted scenarios where they
 * lie ({@code Campaigns#accepted}): nothing is copied.
 *
 * @param folder     the scenario's folder, absolute (in staging, or in the dataset once promoted)
 * @param stage      {@code staging} until promoted, then {@code dataset}
 * @param acceptedAt when it was accepted
 */
public record AcceptedScenario(String scenarioId, String pack, String title, Path folder, String stage, Instant acceptedAt) {
    public AcceptedScenario {
        Objects.requireNonNull(scenarioId, "scenarioId");
        Objects.requireNonNull(folder, "folder");
    }
}
