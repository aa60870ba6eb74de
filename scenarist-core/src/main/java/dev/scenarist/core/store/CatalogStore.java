package dev.scenarist.core.store;

import java.util.List;
import java.util.Optional;

public interface CatalogStore {
    /**
     * In one transaction holding the pack's acceptance lock (held across processes sharing the store): refuse if the
     * content hash is already catalogued for the pack; show {@code guard} the pack's entries after
     * {@link AcceptRequest#seenUpTo()} and refuse if it names a near-duplicate; refuse if the campaign already holds
     * {@link AcceptRequest#campaignTarget()} accepted scenarios; otherwise store the accepted run (same version rule as
     * {@link RunStore#update}), insert the entry, call {@link AcceptGuard#beforeCommit()} and commit.
     */
    AcceptOutcome accept(AcceptRequest request, AcceptGuard guard);

    /** {@link #accept(AcceptRequest, AcceptGuard)} for a caller that keeps no similarity index of its own. */
    default AcceptOutcome accept(CatalogEntry entry, RunRecord acceptedRun, int campaignTarget) {
        return accept(new AcceptRequest(entry, acceptedRun, campaignTarget, AcceptRequest.NOTHING_TO_SHOW), AcceptGuard.NONE);
    }

    /** The pack's entries accepted after catalog position {@code after} (0: all of them). */
    CatalogSlice since(String pack, long after);

    Optional<CatalogEntry> find(String scenarioId);

    List<CatalogEntry> byPack(String pack);

    List<CatalogEntry> byCampaign(String campaignId);

    void updateStage(String scenarioId, String stage, String location);
}
