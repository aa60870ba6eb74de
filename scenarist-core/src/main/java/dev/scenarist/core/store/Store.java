package dev.scenarist.core.store;

/** The persistence port: campaigns, runs with their attempts, the catalog, analytics reads and lessons. */
public interface Store extends AutoCloseable {
    CampaignStore campaigns();

    RunStore runs();

    CatalogStore catalog();

    /** Aggregate reads for analytics (grouped in the database, not loaded run by run). */
    AnalyticsStore analytics();

    /** Lessons learnt per pack. */
    LessonStore lessons();

    /** Decisions on accepted scenarios (the review queue). */
    ReviewStore reviews();

    /** Leases on runs and turns on campaign decisions, for worker processes sharing this store. */
    WorkerCoordination coordination();

    /** A short description for messages, e.g. {@code sqlite:/path/scenarist.db}. */
    String describe();

    @Override
    void close();
}
