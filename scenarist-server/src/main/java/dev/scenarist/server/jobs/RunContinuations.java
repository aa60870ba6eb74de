package dev.scenarist.server.jobs;

import dev.scenarist.core.campaign.Campaigns;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a person approved in the browser, continued on a virtual thread each (a run may take minutes of model calls; the
 * request that approved it answers at once). One continuation per run at a time. Stopping the server interrupts them:
 * an interrupted run commits nothing more and stays resumable, as with Ctrl-C.
 */
public final class RunContinuations implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RunContinuations.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);
    private final Map<String, Thread> running = new ConcurrentHashMap<>();

    /** Whether this process is continuing the run now. */
    public boolean continuing(String runId) {
        Thread t = running.get(runId);
        return t != null && t.isAlive();
    }

    /** Continues the run in the background; false when it is already being continued here. */
    public synchronized boolean start(String runId, Campaigns.Continuation continuation) {
        if (continuing(runId)) return false;
        Thread t = Thread.ofVirtual().name("run-" + runId).unstarted(() -> {
            try {
                var out = continuation.run();
                log.info("approved run {} ended {}: {}", runId, out.run().state().label(), out.run().detail());
            } catch (InterruptedException e) {
                log.info("approved run {} was interrupted; it stays resumable", runId);
            } catch (RuntimeException e) {
                log.warn("approved run {} could not continue: {}", runId, e.toString());
            } finally {
                running.remove(runId, Thread.currentThread());
            }
        });
        running.put(runId, t);
        t.start();
        return true;
    }

    @Override
    public void close() {
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
    }
}
