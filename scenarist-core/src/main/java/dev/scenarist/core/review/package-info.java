/**
 * Human in the loop. <b>API</b> (through {@link dev.scenarist.core.campaign.Campaigns}): a run paused at an approval gate
 * ({@link dev.scenarist.core.engine.ApprovalGates}) is looked at, its files overridden and re-checked, then approved or
 * rejected ({@link dev.scenarist.core.review.RunGates}); accepted scenarios wait in a review queue for a final approval
 * that promotes them into the dataset, or a rejection ({@link dev.scenarist.core.review.ReviewQueue}). Every step is a
 * {@code human} event in the run's trajectory, with who and when.
 */
package dev.scenarist.core.review;
