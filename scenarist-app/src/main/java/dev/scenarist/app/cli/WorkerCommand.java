package dev.scenarist.app.cli;

import dev.scenarist.app.config.ConfigException;
import dev.scenarist.app.workers.WorkerOptions;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "worker", mixinStandardHelpOptions = true,
        description = {"Execute runs of campaigns enqueued with 'scenarist generate --enqueue', as one of any number of workers sharing one PostgreSQL store (--db postgresql://HOST:PORT/DB) and one data directory.",
                "Runs are JobRunr jobs in that database. A worker that dies has its runs taken over by another, from their last committed attempt, after --poll-interval x --server-timeout-polls; a run is never executed by two workers at once (each holds its run's lease in the store).",
                "Ctrl-C stops it; its runs in flight stay resumable."})
final class WorkerCommand implements Callable<Integer> {
    @ParentCommand
    ScenaristCommand root;

    @Option(names = "--concurrency", paramLabel = "N", description = "Runs executed at once by this worker (default ${DEFAULT-VALUE}).")
    int concurrency = WorkerOptions.DEFAULT_CONCURRENCY;

    @Option(names = "--poll-interval", paramLabel = "SECONDS", description = "How often JobRunr polls for work, at least 5 (default ${DEFAULT-VALUE}).")
    int pollSeconds = (int) WorkerOptions.DEFAULT_POLL_INTERVAL.toSeconds();

    @Option(names = "--server-timeout-polls", paramLabel = "N",
            description = "Missed polls after which a silent worker counts as dead and its runs move elsewhere, at least 4 (default ${DEFAULT-VALUE}).")
    int timeoutPolls = WorkerOptions.DEFAULT_TIMEOUT_POLLS;

    @Option(names = "--lease", paramLabel = "SECONDS",
            description = "How long a run's lease holds unless renewed (every third of it); at most the server timeout (default ${DEFAULT-VALUE}).")
    int leaseSeconds = (int) WorkerOptions.DEFAULT_LEASE.toSeconds();

    @Option(names = "--name", paramLabel = "NAME", description = "This worker's name in leases and logs (default HOST:PID).")
    String name;

    @Override
    public Integer call() throws Exception {
        Output out = root.output();
        WorkerOptions options;
        try {
            options = new WorkerOptions(concurrency, Duration.ofSeconds(pollSeconds), timeoutPolls, Duration.ofSeconds(leaseSeconds));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
        String me = name != null && !name.isBlank() ? name : host() + ":" + ProcessHandle.current().pid();
        var app = root.open();
        dev.scenarist.app.workers.JobRunrJobs jobs;
        try {
            jobs = app.jobs();
            jobs.enqueue(app.campaigns().queuedRuns()); // jobs lost with a worker that died while topping a campaign up
            jobs.startWorker(app.campaigns(), me, options, line -> out.err().println(me + ": " + line));
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
        var stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            out.err().println("worker " + me + " stopping: its runs in flight stay resumable and move to another worker");
            try {
                jobs.close();
            } finally {
                app.close();
                stopped.countDown();
            }
        }, "scenarist-worker-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        out.err().printf("Worker %s executing up to %d run(s) at once from %s (data in %s); a dead worker's runs move on after %d s%n",
                me, options.concurrency(), app.store().describe(), app.dataDir(), options.serverTimeout().toSeconds());
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Runtime.getRuntime().removeShutdownHook(hook);
            jobs.close();
            app.close();
        }
        return 0;
    }

    private static String host() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }
}
