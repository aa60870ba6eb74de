package dev.scenarist.server.jobs;

import dev.scenarist.core.campaign.CampaignReport;
import dev.scenarist.core.campaign.Campaigns;
import dev.scenarist.core.campaign.CapChange;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The campaigns this server process runs, each on a virtual thread, through the facade's resume (which, for a campaign
 * just created, runs it from the start: unfinished runs first, then top-up to its count). Pausing one interrupts its
 * thread — exactly what Ctrl-C does to {@code scenarist generate}: the runs in flight commit nothing more and stay
 * resumable; {@link #start} continues it. Stopping the server pauses them all.
 */
public final class CampaignJobs implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CampaignJobs.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    /** What happened when a job was asked to start. */
    public enum Start { STARTED, ALREADY_RUNNING }

    private final Campaigns campaigns;
    private final Map<String, Thread> running = new ConcurrentHashMap<>();
    private final Map<String, String> lastError = new ConcurrentHashMap<>();
    /** Campaigns paused here and not started since: the store still says running (resumable), the page says paused. */
    private final Set<String> paused = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    public CampaignJobs(Campaigns campaigns) {
        this.campaigns = campaigns;
    }

    /** Runs (or continues) the campaign in the background, unless this process already runs it. */
    public synchronized Start start(String campaignId) {
        if (closed) throw new IllegalStateException("the server is stopping");
        Thread t = running.get(campaignId);
        if (t != null && t.isAlive()) return Start.ALREADY_RUNNING;
        lastError.remove(campaignId);
        paused.remove(campaignId);
        Thread thread = Thread.ofVirtual().name("campaign-" + campaignId).unstarted(() -> run(campaignId));
        running.put(campaignId, thread);
        thread.start();
        return Start.STARTED;
    }

    private void run(String campaignId) {
        try {
            CampaignReport r = campaigns.resumeCampaign(new Campaigns.ResumeCampaign(campaignId, Optional.empty(), CapChange.NONE, c -> {}));
            log.info("campaign {} ended: {} ({} of {} accepted)", campaignId, r.status(), r.accepted(), r.requested());
        } catch (InterruptedException e) {
            log.info("campaign {} paused; its runs in flight are left resumable", campaignId);
        } catch (RuntimeException e) {
            lastError.put(campaignId, String.valueOf(e.getMessage()));
            log.warn("campaign {} stopped: {}", campaignId, e.toString());
        } finally {
            running.remove(campaignId, Thread.currentThread());
        }
    }

    /**
     * Pauses a campaign this process runs: its thread is interrupted and awaited (its runs in flight stop committing
     * and stay resumable). False when this process does not run it.
     */
    public boolean pause(String campaignId) throws InterruptedException {
        Thread t = running.get(campaignId);
        if (t == null || !t.isAlive()) return false;
        paused.add(campaignId);
        t.interrupt();
        t.join(STOP_WAIT);
        return true;
    }

    /** Whether this process is running the campaign now. */
    public boolean runsHere(String campaignId) {
        Thread t = running.get(campaignId);
        return t != null && t.isAlive();
    }

    /** Whether the campaign was paused in this process (and not started again since). */
    public boolean pausedHere(String campaignId) {
        return paused.contains(campaignId) && !runsHere(campaignId);
    }

    /** The campaigns this process runs now. */
    public Set<String> runningHere() {
        return Set.copyOf(running.keySet());
    }

    /** Why the last background run of the campaign stopped with an error, if it did (e.g. a component went missing). */
    public Optional<String> lastError(String campaignId) {
        return Optional.ofNullable(lastError.get(campaignId));
    }

    /** Pauses every campaign this process runs and waits for them (about the engine's stop grace), leaving them resumable. */
    @Override
    public void close() {
        closed = true;
        var threads = running.values().toArray(Thread[]::new);
        for (Thread t : threads) t.interrupt();
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        for (Thread t : threads) {
            try {
                long left = deadline - System.nanoTime();
                if (left > 0) t.join(Duration.ofNanos(left));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (threads.length > 0) log.info("paused {} campaign(s); continue them with 'scenarist resume --campaign ID' or start them again here",
                threads.length);
    }

}
