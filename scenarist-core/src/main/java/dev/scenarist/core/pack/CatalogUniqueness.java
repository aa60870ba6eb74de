package dev.scenarist.core.pack;

import dev.scenarist.core.catalog.UniquenessPolicy;

/**
 * A pack that opts into the catalog uniqueness gate: the lexical measures of PARE's deduplicator (and the semantic one
 * when the app wires an embedder), a borderline band for a judge, and an optional restriction to scenarios of the same
 * group (its {@link dev.scenarist.core.catalog.GroupKey}). The engine then decides duplicates at acceptance by this
 * policy instead of {@link DuplicateThreshold}; put a {@link dev.scenarist.core.catalog.CatalogUniquenessGate} built
 * from the same rules in the pipeline to reject (and explain) duplicates before acceptance. Without it, a pack keeps the
 * word-shingle similarity at its duplicate threshold.
 */
public non-sealed interface CatalogUniqueness extends PackCapability {
    UniquenessPolicy uniquenessPolicy();
}
