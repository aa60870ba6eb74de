package dev.scenarist.core.store;

import java.util.List;

/**
 * The catalog entries of one pack accepted after position {@code after}, up to and including {@code upTo}, in
 * acceptance order. Positions only grow, and a pack's entries are inserted under its acceptance lock, so an index that
 * has absorbed every slice up to some position has seen every entry at or below it, whichever process accepted it.
 */
public record CatalogSlice(String pack, long after, long upTo, List<CatalogEntry> entries) {
    public CatalogSlice {
        if (upTo < after) throw new IllegalArgumentException("slice of " + pack + " ends at " + upTo + " before its start " + after);
        entries = List.copyOf(entries);
    }
}
