package dev.scenarist.core.store;

import java.time.Instant;

/**
 * An accepted scenario in the catalog, the uniqueness ledger.
 *
 * @param contentHash  sha-256 over the scenario's files; unique per pack, so the same scenario is never accepted twice
 * @param location     folder of the scenario, relative to the data directory
 * @param stage        {@code staging} until promoted, then {@code dataset}
 */
public record CatalogEntry(String scenarioId, String pack, String campaignId, String runId, String title,
                           String contentHash, String uniquenessText, String location, String stage, Instant acceptedAt) {
    /** The stage of a scenario accepted but not promoted yet: where the review queue finds it. */
    public static final String STAGING = "staging";
}
