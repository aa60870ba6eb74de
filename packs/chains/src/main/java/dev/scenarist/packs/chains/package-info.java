/**
 * The chains pack (public API): question chains run against a product's assistant API ({@link dev.scenarist.packs.chains.Chains}),
 * its options and results, the question pools ({@link dev.scenarist.packs.chains.Pools}). Everything else is in
 * {@code internal} packages; the reference assistant's API is in {@code reference}.
 */
package dev.scenarist.packs.chains;
