/**
 * Lessons that feed back (issue 11): a pack's most frequent failure patterns become short guidance lines (the
 * finding's hint and its message pattern; deterministic, no model), stored per pack, edited by people, and added to the
 * prompts of campaigns that ask for them ({@link dev.scenarist.core.campaign.CampaignSpec#lessons()}), frozen into the
 * campaign when it is created so a resumed campaign sends the same prompts. {@link dev.scenarist.core.lessons.Lessons}
 * is the facade. <b>API</b>.
 */
package dev.scenarist.core.lessons;
