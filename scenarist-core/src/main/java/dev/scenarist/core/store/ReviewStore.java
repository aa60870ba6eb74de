package dev.scenarist.core.store;

import java.util.List;
import java.util.Optional;

/**
 * The review queue's decisions. The queue itself is derived — accepted scenarios still in staging with no decision — so
 * an item can be in it once at most, and leaves it the moment it is decided.
 */
public interface ReviewStore {
    /**
     * Records a decision unless the scenario already has one.
     *
     * @return empty when recorded; the decision that was there first otherwise (nothing is changed)
     */
    Optional<ReviewDecision> decide(ReviewDecision decision);

    Optional<ReviewDecision> find(String scenarioId);

    /** Accepted scenarios in staging that no one has decided on yet, oldest accepted first, at most {@code limit}. */
    List<CatalogEntry> awaiting(int limit);
}
