package dev.scenarist.core.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A campaign as stored.
 *
 * @param specJson    the full campaign specification (pack, count, author, budgets, overrides) as JSON
 * @param fingerprint hash of what determines the scenarios (pack definition, author, seed, overrides); resume refuses a mismatch
 * @param stopReason  why a STOPPED campaign stopped, empty otherwise
 * @param activeMillis wall time spent executing, summed over generate and resume sessions
 */
public record CampaignRecord(String id, String pack, int requested, CampaignStatus status, String stopReason,
                             String fingerprint, String specJson, Instant createdAt, Instant updatedAt, long activeMillis) {
    public CampaignRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(pack, "pack");
        Objects.requireNonNull(status, "status");
        stopReason = stopReason == null ? "" : stopReason;
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(specJson, "specJson");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public CampaignRecord withStatus(CampaignStatus s, String reason, Instant now, long active) {
        return new CampaignRecord(id, pack, requested, s, reason, fingerprint, specJson, createdAt, now, active);
    }
}
