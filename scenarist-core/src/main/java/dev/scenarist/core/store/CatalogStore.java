package dev.scenarist.core.store;

import java.util.List;
import java.util.Optional;

public interface CatalogStore {
    /**
     * In one transaction: refuse if the content hash is already catalogued for the pack, or the campaign already
     * holds {@code campaignTarget} accepted scenarios; otherwise insert the entry and store {@code acceptedRun}
     * (same version rule as {@link RunStore#update}).
     */
    AcceptOutcome accept(CatalogEntry entry, RunRecord acceptedRun, int campaignTarget);

    Optional<CatalogEntry> find(String scenarioId);

    List<CatalogEntry> byPack(String pack);

    List<CatalogEntry> byCampaign(String campaignId);

    void updateStage(String scenarioId, String stage, String location);
}
