package dev.scenarist.core.dataset;

import java.nio.file.Path;

/**
 * What promoting an accepted scenario did ({@code Campaigns#promote}).
 *
 * @param path             where the scenario now is, absolute: {@code <data>/datasets/<pack>/[<group>/]<id>}
 * @param alreadyInDataset it had been promoted before: nothing was done
 */
public record Promotion(String scenarioId, Path path, boolean alreadyInDataset) {
    /** The catalog's stage of a promoted scenario (accepted ones start in {@code staging}). */
    public static final String DATASET = "dataset";

    public String stage() {
        return DATASET;
    }
}
