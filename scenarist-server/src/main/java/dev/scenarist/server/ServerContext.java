package dev.scenarist.server;

import dev.scenarist.core.campaign.Campaigns;
import dev.scenarist.core.events.EventBus;
import dev.scenarist.core.store.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * What the server is given by the application's wiring — the same store, event bus and campaigns facade the command line
 * uses — and nothing more: it reaches the engine only through {@link Campaigns} and reads the {@link Store}.
 *
 * @param dataDir  the data folder: artifacts are served from under it, never from outside it
 * @param requests reads a campaign request as {@code scenarist generate} reads its options and config file
 */
public record ServerContext(Campaigns campaigns, Store store, EventBus events, Path dataDir, CampaignRequests requests, Clock clock) {
    public ServerContext {
        Objects.requireNonNull(campaigns, "campaigns");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(events, "events");
        dataDir = dataDir.toAbsolutePath().normalize();
        Objects.requireNonNull(requests, "requests");
        Objects.requireNonNull(clock, "clock");
    }
}
