package dev.scenarist.core.store;

import java.util.List;
import java.util.Optional;

public interface CampaignStore {
    void create(CampaignRecord campaign);

    Optional<CampaignRecord> find(String id);

    /** Newest first. */
    List<CampaignRecord> list();

    /**
     * Stores the campaign's new fields. A cancelled campaign stays cancelled: its status and stop reason are kept
     * whatever the update says (the rest is stored), in one step, so a runner in another process that has not seen the
     * cancel yet cannot undo it when it records its end or its active time.
     */
    void update(CampaignRecord campaign);
}
