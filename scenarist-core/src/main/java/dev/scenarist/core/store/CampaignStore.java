package dev.scenarist.core.store;

import java.util.List;
import java.util.Optional;

public interface CampaignStore {
    void create(CampaignRecord campaign);

    Optional<CampaignRecord> find(String id);

    /** Newest first. */
    List<CampaignRecord> list();

    void update(CampaignRecord campaign);
}
