package dev.scenarist.core.store;

/** What happened when a run asked to be accepted into the catalog. */
public sealed interface AcceptOutcome {
    record Accepted(CatalogEntry entry) implements AcceptOutcome {}

    /** A scenario with the same content hash is already in the catalog. */
    record DuplicateContent(String existingScenarioId) implements AcceptOutcome {}

    /** The caller's {@link AcceptGuard} found an accepted scenario too similar to this one. */
    record NearDuplicate(String existingScenarioId, double similarity) implements AcceptOutcome {}

    /** The campaign already has its requested number of accepted scenarios. */
    record CampaignFull(int accepted) implements AcceptOutcome {}
}
