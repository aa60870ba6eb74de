/**
 * The front door: {@link dev.scenarist.core.campaign.Campaigns} creates, runs and resumes campaigns, resumes a run from a
 * stage and validates existing scenarios; its requests and answers are the records here
 * ({@link dev.scenarist.core.campaign.CampaignSpec}, {@link dev.scenarist.core.campaign.CampaignBudget},
 * {@link dev.scenarist.core.campaign.CampaignReport}, {@link dev.scenarist.core.campaign.Validation}, ...), and the app
 * gives it authors through {@link dev.scenarist.core.campaign.AuthorProvider}. <b>API</b>, for the CLI, a REST server
 * and workers, none of which wires engine parts itself. Scheduling runs and guarding budgets is
 * {@code campaign.internal}'s.
 */
package dev.scenarist.core.campaign;
