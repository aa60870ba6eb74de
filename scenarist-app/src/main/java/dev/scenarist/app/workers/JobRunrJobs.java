package dev.scenarist.app.workers;

import dev.scenarist.app.postgres.PostgresPool;
import com.zaxxer.hikari.HikariDataSource;
import dev.scenarist.core.campaign.Campaigns;
import dev.scenarist.core.campaign.RunQueue;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.jobrunr.jobs.mappers.JobMapper;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.server.BackgroundJobServerConfiguration;
import org.jobrunr.server.JobActivator;
import org.jobrunr.server.carbonaware.CarbonAwareJobProcessingConfiguration;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.storage.StorageProviderUtils.DatabaseOptions;
import org.jobrunr.storage.sql.postgres.PostgresStorageProvider;
import org.jobrunr.utils.mapper.JsonMapper;
import org.jobrunr.utils.mapper.jackson.JacksonJsonMapper;

/**
 * JobRunr on the store's PostgreSQL database: its own tables ({@code jobrunr_*}, created on first use beside
 * Scenarist's), its own small connection pool. Built from instances, never through JobRunr's static {@code JobRunr} /
 * {@code BackgroundJob} entry points, so nothing global is configured. JobRunr's dashboard — the only part of it that
 * reports anonymous usage data — is not started, and carbon-aware scheduling (which calls JobRunr's API) is off.
 *
 * <p>As a {@link RunQueue} it enqueues one job per run under an id derived from the run's, so enqueueing a run again
 * leaves the one job there is (JobRunr skips a job whose id exists).
 */
public final class JobRunrJobs implements RunQueue, AutoCloseable {
    /** JobRunr needs at least two connections (one for its master tasks, one for the jobs' state changes). */
    private static final int POOL_SIZE = 4;

    private final HikariDataSource pool;
    private final StorageProvider storage;
    private final JsonMapper json = new JacksonJsonMapper();
    private final JobRequestScheduler scheduler;
    private BackgroundJobServer server;

    /**
     * Key of the session advisory lock held while JobRunr creates or checks its tables. JobRunr's own migration lock
     * did not keep workers started together from running the same CREATE TABLE (seen here: "relation
     * jobrunr_metadata already exists"); taking turns does.
     */
    private static final long SETUP_LOCK = 0x5CE0_0003_0000_0001L;

    private JobRunrJobs(HikariDataSource pool) {
        this.pool = pool;
        this.storage = inTurn(pool, () -> new PostgresStorageProvider(pool, DatabaseOptions.CREATE));
        this.storage.setJobMapper(new JobMapper(json));
        this.scheduler = new JobRequestScheduler(storage);
    }

    /**
     * Connects to the store's database and creates JobRunr's tables if missing. Open the store first: its schema check
     * refuses a database holding tables but no Scenarist schema.
     */
    public static JobRunrJobs open(String jdbcUrl, String user, String password) {
        return PostgresPool.open(new PostgresPool.Settings(jdbcUrl, user, password, "scenarist-jobrunr", POOL_SIZE, 2), JobRunrJobs::new);
    }

    private static <T> T inTurn(HikariDataSource pool, java.util.function.Supplier<T> setup) {
        try (java.sql.Connection c = pool.getConnection(); java.sql.Statement s = c.createStatement()) {
            s.execute("SELECT pg_advisory_lock(" + SETUP_LOCK + ")");
            try {
                return setup.get();
            } finally {
                s.execute("SELECT pg_advisory_unlock(" + SETUP_LOCK + ")");
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot take the JobRunr setup lock: " + e.getMessage(), e);
        }
    }

    /** The job id of a run: the same for every call, so a run is never queued twice. */
    static UUID jobId(String runId) {
        return UUID.nameUUIDFromBytes(("scenarist-run:" + runId).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void enqueue(List<String> runIds) {
        for (String runId : runIds) scheduler.enqueue(jobId(runId), new RunJob(runId));
    }

    /**
     * Starts this process's JobRunr background job server: it polls for enqueued run jobs and executes them through
     * {@code campaigns} as worker {@code name}, at most {@link WorkerOptions#concurrency()} at once, until {@link #close};
     * one line per job on {@code report}.
     */
    public synchronized void startWorker(Campaigns campaigns, String name, WorkerOptions options, java.util.function.Consumer<String> report) {
        if (server != null) throw new IllegalStateException("this process runs a worker already");
        RunJobHandler handler = new RunJobHandler(campaigns, name, options.lease(), this, report);
        JobActivator activator = new JobActivator() {
            @Override
            public <T> T activateJob(Class<T> type) {
                // only run jobs are enqueued in Scenarist's database; anything else is refused by JobRunr as not found
                return type == RunJobHandler.class ? type.cast(handler) : null;
            }
        };
        var config = BackgroundJobServerConfiguration.usingStandardBackgroundJobServerConfiguration()
                .andName(name)
                .andPollInterval(options.pollInterval())
                .andServerTimeoutPollIntervalMultiplicand(options.timeoutPolls())
                .andWorkerCount(options.concurrency())
                .andCarbonAwareJobProcessingConfiguration(CarbonAwareJobProcessingConfiguration.usingDisabledCarbonAwareJobProcessingConfiguration());
        server = new BackgroundJobServer(storage, json, activator, config);
        server.start();
    }

    /** Stops the worker (its runs in flight are interrupted and stay resumable), then JobRunr's storage and pool. */
    @Override
    public synchronized void close() {
        try {
            if (server != null) server.stop();
        } finally {
            try {
                storage.close();
            } finally {
                pool.close();
            }
        }
    }
}
