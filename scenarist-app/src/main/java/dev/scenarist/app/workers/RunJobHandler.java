package dev.scenarist.app.workers;

import dev.scenarist.core.campaign.Campaigns;
import dev.scenarist.core.campaign.RunQueue;
import dev.scenarist.core.campaign.WorkOutcome;
import dev.scenarist.core.campaign.WorkRequest;
import java.time.Duration;
import org.jobrunr.jobs.lambdas.JobRequestHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes a {@link RunJob} through the campaigns facade, as worker {@code worker}, with leases of {@code lease}; says
 * what came of each job on {@code report} (the worker's stderr: the application logs only warnings).
 */
public final class RunJobHandler implements JobRequestHandler<RunJob> {
    private static final Logger log = LoggerFactory.getLogger(RunJobHandler.class);
    private final Campaigns campaigns;
    private final String worker;
    private final Duration lease;
    private final RunQueue queue;
    private final java.util.function.Consumer<String> report;

    public RunJobHandler(Campaigns campaigns, String worker, Duration lease, RunQueue queue, java.util.function.Consumer<String> report) {
        this.campaigns = campaigns;
        this.report = report;
        this.worker = worker;
        this.lease = lease;
        this.queue = queue;
    }

    @Override
    public void run(RunJob job) throws Exception {
        WorkOutcome outcome = campaigns.work(new WorkRequest(job.getRunId(), worker, lease, queue));
        switch (outcome) {
            case WorkOutcome.Executed e -> report.accept("run " + e.run().id() + " " + e.run().state().label() + ": " + e.run().detail()
                    + (e.added().isEmpty() ? "" : "; campaign topped up with " + e.added().size() + " run(s)"));
            case WorkOutcome.Skipped s -> report.accept("run " + job.getRunId() + " skipped: " + s.why());
            case WorkOutcome.LeaseLost l -> log.warn("run {}: lease lost to another worker; left to it", l.runId());
            case WorkOutcome.HeldElsewhere h -> throw new RunHeldElsewhereException(h.lease().runId(), h.lease().owner(), h.lease().expiresAt());
        }
    }
}
