package dev.scenarist.core.pack;

import java.util.List;

/**
 * A pack that adds figures of its own to a campaign's summary (the services pack: success rate per business category,
 * error classes over attempts, refinement score gain per round). The engine hands it what the store holds of the
 * campaign; the pack only computes. Without it, a summary has the engine's figures only.
 */
public non-sealed interface PackAnalytics extends PackCapability {
    /** This pack's figures over the campaign's runs, in the order the summary shows them. Must not throw for odd data. */
    List<PackFigure> figures(CampaignEvidence evidence);
}
