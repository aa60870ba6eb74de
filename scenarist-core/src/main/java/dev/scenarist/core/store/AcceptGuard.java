package dev.scenarist.core.store;

import java.util.Optional;

/**
 * The caller's part of an accept, run by the store inside the pack's acceptance lock (which holds across processes),
 * so that what it decides cannot be made stale by another process accepting at the same moment.
 */
public interface AcceptGuard {
    /** A guard that objects to nothing: only the content hash and the campaign target decide. */
    AcceptGuard NONE = newer -> Optional.empty();

    /**
     * Shown the pack's entries accepted since the caller last looked (first bring the index up to date with them),
     * answers the near-duplicate that forbids this acceptance, if there is one.
     */
    Optional<AcceptOutcome.NearDuplicate> judge(CatalogSlice newer);

    /**
     * Called once every rule has passed and the entry is written, before the commit; a failure here rolls the accept
     * back. This is where files that must exist exactly when the entry does are put in place.
     */
    default void beforeCommit() {}
}
