package dev.scenarist.core.review;

import java.time.Instant;

/** An accepted scenario in the review queue, waiting for a person's final approval. */
public record ReviewItem(String scenarioId, String campaignId, String pack, String runId, String title, Instant acceptedAt) {}
