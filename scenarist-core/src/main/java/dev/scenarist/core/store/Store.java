package dev.scenarist.core.store;

/** The persistence port: campaigns, runs with their attempts, and the catalog. */
public interface Store extends AutoCloseable {
    CampaignStore campaigns();

    RunStore runs();

    CatalogStore catalog();

    /** Decisions on accepted scenarios (the review queue). */
    ReviewStore reviews();

    /** A short description for messages, e.g. {@code sqlite:/path/scenarist.db}. */
    String describe();

    @Override
    void close();
}
