package dev.scenarist.app.workers;

import org.jobrunr.jobs.lambdas.JobRequest;
import org.jobrunr.jobs.lambdas.JobRequestHandler;

/**
 * The JobRunr job of one run: just its id, serialized as JSON into JobRunr's table. A mutable bean with a no-argument
 * constructor because that is what JobRunr's JSON mapper rebuilds.
 */
public final class RunJob implements JobRequest {
    private String runId;

    public RunJob() {}

    public RunJob(String runId) {
        this.runId = runId;
    }

    public String getRunId() {
        return runId;
    }

    public void setRunId(String runId) {
        this.runId = runId;
    }

    @Override
    public Class<? extends JobRequestHandler> getJobRequestHandler() {
        return RunJobHandler.class;
    }

    @Override
    public String toString() {
        return "run " + runId;
    }
}
