package dev.scenarist.core.review;

import dev.scenarist.core.dataset.Promotion;
import dev.scenarist.core.dataset.ScenarioPromoter;
import dev.scenarist.core.engine.EngineServices;
import dev.scenarist.core.store.CatalogEntry;
import dev.scenarist.core.store.ReviewDecision;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Accepted scenarios awaiting a person's final approval: approving promotes one into the dataset (the same promotion as
 * {@code scenarist promote}), rejecting keeps it in staging with the reason. A scenario is in the queue while it is in
 * staging and undecided — once at most, by construction — and a decision is final: deciding again is refused, naming
 * the first decision. Decisions are kept by the store and written into the run's trajectory.
 */
public final class ReviewQueue {
    /** What approving did: the decision recorded and where the scenario now lies. */
    public record Approved(ReviewDecision decision, Promotion promotion) {}

    private final EngineServices services;
    private final ScenarioPromoter promoter;
    private final HumanSteps steps;

    public ReviewQueue(EngineServices services, ScenarioPromoter promoter) {
        this.services = services;
        this.promoter = promoter;
        this.steps = new HumanSteps(services);
    }

    /** The queue, oldest accepted first. */
    public List<ReviewItem> items(int limit) {
        return services.store().reviews().awaiting(limit).stream()
                .map(e -> new ReviewItem(e.scenarioId(), e.campaignId(), e.pack(), e.runId(), e.title(), e.acceptedAt())).toList();
    }

    /**
     * Promotes the scenario into the dataset, then records the approval. A promotion that fails (its files deleted by
     * hand) records nothing: the item stays in the queue.
     */
    public Approved approve(String scenarioId, String who) {
        CatalogEntry entry = undecided(scenarioId);
        Promotion p = promoter.promote(entry.scenarioId());
        ReviewDecision d = record(entry, new ReviewDecision(entry.scenarioId(), ReviewDecision.Verdict.APPROVED, "", who,
                services.clock().instant()), Map.of("dataset", p.path().toString()));
        return new Approved(d, p);
    }

    /** Records the rejection; the scenario stays where it is (staging), out of the queue and out of the dataset. */
    public ReviewDecision reject(String scenarioId, String who, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new ReviewRefusedException(ReviewRefusedException.Kind.INVALID, "reason: say why the scenario is rejected (it is kept with the decision)");
        }
        CatalogEntry entry = undecided(scenarioId);
        return record(entry, new ReviewDecision(entry.scenarioId(), ReviewDecision.Verdict.REJECTED, services.redact().apply(reason.strip()), who,
                services.clock().instant()), Map.of());
    }

    private CatalogEntry undecided(String scenarioId) {
        CatalogEntry entry = services.store().catalog().find(scenarioId).orElseThrow(() -> new ReviewRefusedException(
                ReviewRefusedException.Kind.NOT_FOUND, "no accepted scenario " + scenarioId + "; the queue lists them ('scenarist review list')"));
        services.store().reviews().find(scenarioId).ifPresent(d -> {
            throw decidedBefore(d);
        });
        if (!CatalogEntry.STAGING.equals(entry.stage())) {
            throw new ReviewRefusedException(ReviewRefusedException.Kind.CONFLICT, "scenario " + scenarioId + " is already in the dataset ("
                    + entry.location() + "), promoted outside the review queue; there is nothing left to decide");
        }
        return entry;
    }

    /** Stores the decision (refused if another got in first), then writes it into the run's trajectory. */
    private ReviewDecision record(CatalogEntry entry, ReviewDecision d, Map<String, Object> extra) {
        Optional<ReviewDecision> first = services.store().reviews().decide(d);
        if (first.isPresent()) throw decidedBefore(first.get());
        services.store().runs().find(entry.runId()).ifPresent(run -> {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("scenario", entry.scenarioId());
            details.put("decision", d.verdict().label());
            if (!d.reason().isEmpty()) details.put("reason", d.reason());
            details.putAll(extra);
            steps.record(run, "review." + (d.verdict() == ReviewDecision.Verdict.APPROVED ? "approve" : "reject"), d.who(), details);
        });
        return d;
    }

    private static ReviewRefusedException decidedBefore(ReviewDecision d) {
        return new ReviewRefusedException(ReviewRefusedException.Kind.CONFLICT, "scenario " + d.scenarioId() + " was already "
                + d.verdict().label() + " by " + d.who() + " at " + d.decidedAt() + (d.reason().isEmpty() ? "" : " (" + d.reason() + ")")
                + "; a review decision is final");
    }
}
