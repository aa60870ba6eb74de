/**
 * Comparing a scenario with the accepted ones: the {@link dev.scenarist.core.catalog.SimilarityIndex} a gate asks (its
 * word-shingle implementation, and {@link dev.scenarist.core.catalog.UniquenessIndex}, which the app wires), the ready-made
 * {@link dev.scenarist.core.catalog.UniquenessGate} a pack may put in its pipeline, and the catalog uniqueness of packs
 * that opt in ({@code CatalogUniqueness}): the {@link dev.scenarist.core.catalog.LexicalIndex} (PARE's three measures),
 * the {@link dev.scenarist.core.catalog.SemanticIndex} over an {@link dev.scenarist.core.catalog.Embedder}'s vectors,
 * the sealed {@link dev.scenarist.core.catalog.UniquenessVerdict} with its feedback, the
 * {@link dev.scenarist.core.catalog.UniquenessJudge} of the borderline band, the
 * {@link dev.scenarist.core.catalog.CatalogUniquenessGate}, and {@link dev.scenarist.core.catalog.Suffixes} for taken ids
 * and titles. <b>API</b>, for packs and the app. The in-memory mirror of the catalog that acceptance consults, and the
 * measures' machinery (tokens, difflib's sequence ratio, top-k, vector scan), are in {@code catalog.internal}.
 */
package dev.scenarist.core.catalog;
