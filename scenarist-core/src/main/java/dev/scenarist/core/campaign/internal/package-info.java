/**
 * Running campaigns behind the facade. <b>Internal</b>: {@link dev.scenarist.core.campaign.internal.CampaignRunner}
 * creates a campaign, queues its runs and executes them on bounded virtual threads;
 * {@link dev.scenarist.core.campaign.internal.BudgetGuard} enforces its caps (tokens, cost, wall time) across runs. Used
 * only by {@link dev.scenarist.core.campaign.Campaigns} and the engine.
 */
package dev.scenarist.core.campaign.internal;
