/**
 * Comparing a scenario with the accepted ones: the {@link dev.scenarist.core.catalog.SimilarityIndex} a gate asks (and
 * its shingle implementation the app wires), and a ready-made {@link dev.scenarist.core.catalog.UniquenessGate} a pack
 * may put in its pipeline. <b>API</b>, for packs and the app. The in-memory mirror of the catalog that acceptance
 * consults is the engine's, in {@code catalog.internal}.
 */
package dev.scenarist.core.catalog;
