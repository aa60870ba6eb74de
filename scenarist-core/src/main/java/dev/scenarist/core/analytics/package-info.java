/**
 * Analytics over the store (issue 11): success rates per campaign, pack and category, first-attempt pass rates and
 * attempts-to-pass per stage, spend per accepted scenario, failure patterns with their trend, pass rates with and
 * without lessons, and the comparison of two campaigns. {@link dev.scenarist.core.analytics.Analytics} is the facade
 * the CLI and the server call; the numbers come from the store's grouped reads
 * ({@link dev.scenarist.core.store.AnalyticsStore}). <b>API</b>.
 */
package dev.scenarist.core.analytics;
