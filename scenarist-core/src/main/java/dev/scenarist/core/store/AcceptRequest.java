package dev.scenarist.core.store;

import java.util.Objects;

/**
 * A run asking to be catalogued.
 *
 * @param acceptedRun    the run moved to accepted, stored with the same version rule as {@link RunStore#update}
 * @param campaignTarget how many accepted scenarios the campaign wants; refused once it has them
 * @param seenUpTo       the catalog position of the pack up to which the caller's similarity index is complete; the
 *                       guard is shown every entry after it ({@link #NOTHING_TO_SHOW} for callers that keep no index)
 */
public record AcceptRequest(CatalogEntry entry, RunRecord acceptedRun, int campaignTarget, long seenUpTo) {
    /** For callers without an index: the guard is shown no entries. */
    public static final long NOTHING_TO_SHOW = Long.MAX_VALUE;

    public AcceptRequest {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(acceptedRun, "acceptedRun");
        if (seenUpTo < 0) throw new IllegalArgumentException("seenUpTo must be ≥ 0, got " + seenUpTo);
    }
}
