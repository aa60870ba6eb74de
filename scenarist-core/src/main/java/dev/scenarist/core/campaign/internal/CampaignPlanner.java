package dev.scenarist.core.campaign.internal;

import dev.scenarist.core.campaign.CampaignSpec;
import dev.scenarist.core.campaign.RunQueue;
import dev.scenarist.core.engine.EngineServices;
import dev.scenarist.core.events.ScenaristEvent;
import dev.scenarist.core.model.RunState;
import dev.scenarist.core.pack.Pack;
import dev.scenarist.core.store.CampaignRecord;
import dev.scenarist.core.store.CampaignStatus;
import dev.scenarist.core.store.RunRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The campaign loop of {@link CampaignRunner} for campaigns executed by workers, where no single process watches the
 * campaign: after its creation and after each of its runs settles, whoever holds the campaign's turn (see
 * {@link dev.scenarist.core.store.WorkerCoordination#exclusively}) counts its runs in the store and decides — add runs
 * so that accepted + in flight reaches the count (within {@code max_runs}), or end the campaign: completed, waiting
 * for approval, or stopped by a cap. Serialized through the database, so two workers settling at the same moment never
 * both top the campaign up.
 */
public final class CampaignPlanner {
    private final EngineServices services;
    private final CampaignRunner runner;

    public CampaignPlanner(EngineServices services, CampaignRunner runner) {
        this.services = services;
        this.runner = runner;
    }

    /** What a settle decided: the campaign as stored after it, and the runs it added (already enqueued). */
    public record Plan(CampaignRecord campaign, List<String> added) {}

    /** Counts and decides in the campaign's turn, then enqueues the runs added (the queue keeps one job per run). */
    public Plan settle(String campaignId, Pack pack, RunQueue queue) {
        Plan plan = services.store().coordination().exclusively(campaignId, () -> decide(campaignId, pack));
        if (!plan.added().isEmpty()) queue.enqueue(plan.added());
        return plan;
    }

    private Plan decide(String campaignId, Pack pack) {
        CampaignRecord c = services.store().campaigns().find(campaignId).orElseThrow();
        if (c.status() != CampaignStatus.RUNNING) return new Plan(c, List.of());
        CampaignSpec spec = CampaignRunner.specOf(c);
        List<RunRecord> runs = services.store().runs().byCampaign(campaignId);
        int accepted = count(runs, RunState.ACCEPTED);
        int active = count(runs, RunState.QUEUED) + count(runs, RunState.RUNNING);
        int paused = count(runs, RunState.PAUSED);
        if (accepted >= spec.count()) return new Plan(end(c, CampaignStatus.COMPLETED, "", accepted), List.of());
        Optional<String> refusal = runner.guardOf(c).refusal().map(stop -> stop.message());
        int wanted = spec.count() - accepted - active - paused;
        int room = spec.maxRuns() - runs.size();
        List<String> added = new ArrayList<>();
        if (refusal.isEmpty()) {
            for (int i = 0; i < Math.min(wanted, room); i++) {
                added.add(runner.newRun(c, spec, pack, runs.size() + 1 + i).id());
            }
        }
        if (!added.isEmpty() || active > 0) return new Plan(c, added);
        // nothing in flight and nothing added: the campaign ends here
        if (refusal.isPresent()) return new Plan(end(c, CampaignStatus.STOPPED, refusal.get(), accepted), List.of());
        if (paused > 0 && accepted + paused >= spec.count()) {
            return new Plan(end(c, CampaignStatus.AWAITING_APPROVAL, CampaignRunner.awaitingReason(paused, accepted, spec.count()), accepted), List.of());
        }
        String reason = "budget: max_runs " + spec.maxRuns() + " reached (" + runs.size() + " runs started, " + accepted + " of "
                + spec.count() + " accepted" + (paused > 0 ? ", " + paused + " awaiting approval" : "") + ")";
        return new Plan(end(c, CampaignStatus.STOPPED, reason, accepted), List.of());
    }

    private CampaignRecord end(CampaignRecord c, CampaignStatus status, String reason, int accepted) {
        CampaignRecord ended = c.withStatus(status, reason, services.clock().instant(), c.activeMillis());
        services.store().campaigns().update(ended);
        services.events().publish(new ScenaristEvent.CampaignFinished(c.id(), status.label(), accepted, c.requested(), reason));
        return services.store().campaigns().find(c.id()).orElseThrow();
    }

    private static int count(List<RunRecord> runs, RunState state) {
        return (int) runs.stream().filter(r -> r.state() == state).count();
    }
}
