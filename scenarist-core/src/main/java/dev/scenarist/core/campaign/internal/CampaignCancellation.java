package dev.scenarist.core.campaign.internal;

import dev.scenarist.core.engine.EngineServices;
import dev.scenarist.core.model.RunState;
import dev.scenarist.core.store.CampaignStatus;
import dev.scenarist.core.store.RunRecord;
import dev.scenarist.core.store.StaleRunException;
import java.util.Optional;

/**
 * Cancelling a campaign, and its runs with it. The campaign's status is the signal every process reads: a runner checks
 * it before it starts each run, and at least once a second while it waits. The runs not settled yet — queued, paused
 * and running ones — move to cancelled in the store at once, so a run being executed elsewhere can commit nothing more:
 * its next attempt commit is refused by the run's version, and its runner, once it sees the cancel, abandons the author
 * call or wait it is in. No run is accepted once its cancel is stored; one accepted before stays accepted.
 */
public final class CampaignCancellation {
    /** The detail of a run cancelled with its campaign. */
    public static final String RUN_DETAIL = "cancelled with its campaign";

    private final EngineServices services;

    public CampaignCancellation(EngineServices services) {
        this.services = services;
    }

    /** Whether the campaign was cancelled, as stored now. */
    public boolean isCancelled(String campaignId) {
        return services.store().campaigns().find(campaignId).filter(c -> c.status() == CampaignStatus.CANCELLED).isPresent();
    }

    /**
     * The cancel signal of one campaign as one runner watches it: {@link Watch#now()} reads the store, {@link
     * Watch#lately()} reads it only when the last read is a second old. A runner reads {@code now()} once it has stored
     * each new run (so no run of a cancelled campaign starts) and {@code lately()} on every turn of its loop (so a
     * cancel is seen within about a second while it waits) — one read per run instead of one per turn, each read a
     * connection and a query on SQL stores.
     */
    public Watch watch(String campaignId) {
        return new Watch(campaignId);
    }

    /** See {@link #watch}. Used by one runner thread. */
    public final class Watch {
        private static final long INTERVAL_NANOS = 1_000_000_000L;
        private final String campaignId;
        private long lastRead;
        private boolean cancelled;
        private boolean read;

        private Watch(String campaignId) {
            this.campaignId = campaignId;
        }

        /** Reads the stored status now. */
        public boolean now() {
            cancelled = isCancelled(campaignId);
            lastRead = System.nanoTime(); // elapsed time only: a run's clock may be a test's fixed clock
            read = true;
            return cancelled;
        }

        /** The status read less than a second ago, else read now. */
        public boolean lately() {
            if (read && System.nanoTime() - lastRead < INTERVAL_NANOS) return cancelled;
            return now();
        }
    }

    /** Moves every unsettled run of the campaign to cancelled; returns how many moved. */
    public int cancelUnfinished(String campaignId) {
        int n = 0;
        for (RunRecord r : services.store().runs().byCampaign(campaignId)) {
            if (unsettled(r) && cancelRun(r.id())) n++;
        }
        return n;
    }

    /** Moves one run to cancelled unless it settled meanwhile; a run its worker advanced meanwhile is read again. */
    public boolean cancelRun(String runId) {
        for (int tries = 0; tries < 100; tries++) {
            Optional<RunRecord> run = services.store().runs().find(runId);
            if (run.isEmpty() || !unsettled(run.get())) return false;
            try {
                services.store().runs().update(run.get().moveTo(RunState.CANCELLED, Optional.empty(), RUN_DETAIL, services.clock().instant()));
                return true;
            } catch (StaleRunException e) {
                Thread.onSpinWait(); // its worker committed an attempt between our read and our write: read it again
            }
        }
        return false;
    }

    private static boolean unsettled(RunRecord r) {
        return r.state() == RunState.QUEUED || r.state() == RunState.RUNNING || r.state() == RunState.PAUSED;
    }
}
