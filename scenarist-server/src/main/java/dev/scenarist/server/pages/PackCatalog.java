package dev.scenarist.server.pages;

import dev.scenarist.server.CampaignRequests;
import dev.scenarist.server.CampaignRequests.PackInfo;
import dev.scenarist.server.CampaignRequests.StageInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The packs the server can run and their stages, as the application's {@link CampaignRequests} lists them. A pack's
 * stages are remembered once seen: cards are rendered for every live event, and a pack does not change its pipeline
 * under a running server (a YAML pack edited meanwhile gets a new definition hash, hence new campaigns).
 */
public final class PackCatalog {
    private final CampaignRequests requests;
    private final Map<String, PackInfo> seen = new ConcurrentHashMap<>();

    public PackCatalog(CampaignRequests requests) {
        this.requests = requests;
    }

    /** Every pack, listed afresh (a pack folder added while the server runs shows up). */
    public List<PackInfo> all() {
        List<PackInfo> all = requests.packs();
        all.forEach(p -> seen.put(p.name(), p));
        return all;
    }

    public Optional<PackInfo> find(String name) {
        PackInfo p = seen.get(name);
        if (p != null) return Optional.of(p);
        return all().stream().filter(x -> x.name().equals(name)).findFirst();
    }

    /** The pack's stages, or none when the pack is unknown here (a campaign of a pack this server lacks). */
    public List<StageInfo> stages(String pack) {
        return find(pack).map(PackInfo::stages).orElse(List.of());
    }
}
