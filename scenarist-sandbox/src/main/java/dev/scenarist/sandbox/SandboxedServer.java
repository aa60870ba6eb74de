package dev.scenarist.sandbox;

import dev.scenarist.sandbox.internal.BwrapCommandLine;
import dev.scenarist.sandbox.internal.Ownership;
import dev.scenarist.sandbox.internal.ScratchDir;
import dev.scenarist.sandbox.internal.ServerProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.LoggerFactory;

/**
 * A long-lived process of the confined sandbox that answers requests one at a time: for work whose start-up costs more
 * than the work itself (a compiler warming up), kept under the same confinement as a {@link Sandbox#run} — same
 * namespaces, no network, an unprivileged uid with no capabilities (also when Scenarist runs as root), the same
 * memory, process and file-size limits, and a watchdog over its writable folder.
 *
 * <p><b>What it may touch.</b> It writes only in its spool ({@link #spool()}, the launch request's workspace) and its
 * private {@code /tmp}, and reads only {@code /usr} and the launch's read-only paths. The caller puts each request's
 * input into a {@link Job} — a fresh sub-folder of the spool, handed to the server's uid only while the request runs —
 * and reads the output there afterwards; closing the job removes the folder.
 *
 * <p><b>Channel.</b> A request is one line on the server's stdin: the job folder's absolute path, a tab, the request
 * text. An answer is a line {@code @@answer <n>} on its stdout followed by exactly {@code n} bytes of UTF-8; other
 * stdout lines are skipped. Its stdin closing is the server's signal to exit.
 *
 * <p><b>Watchdog.</b> Each request has the launch request's timeout; while it runs, the spool's size and file count
 * (and the uid's processes) are checked as for a run. An overrun, a limit reached or the server dying ends the request
 * with that outcome ({@link ServerAnswer}) and the process; the next request starts a fresh one. After
 * {@code requestsPerProcess} answers the process is replaced too, so its CPU limit ({@code RLIMIT_CPU}: what that many
 * requests could use) is a bound a healthy server never reaches. Requests are served one at a time, in arrival order.
 *
 * <p>The process is started from a thread of its own that lives as long as this server: bwrap's
 * {@code --die-with-parent} follows the thread that started it, and a worker thread ending must not kill the server.
 */
public final class SandboxedServer implements AutoCloseable {
    private static final Duration MONITOR_PERIOD = Duration.ofMillis(150);
    private static final Duration STOP_GRACE = Duration.ofSeconds(2);
    /** Exit codes of a process killed by SIGXFSZ (25) and SIGXCPU (24), as bwrap passes them on. */
    private static final int KILLED_BY_SIGXFSZ = 128 + 25;
    private static final int KILLED_BY_SIGXCPU = 128 + 24;

    /** Starts one confined process for a launch request with a lifetime CPU budget. */
    @FunctionalInterface
    interface Launcher {
        Resident start(SandboxRequest launch, long cpuSeconds) throws SandboxUnavailableException, InterruptedException;
    }

    private final Launcher launcher;
    private final SandboxRequest launch;
    /** The spool's real path: the path the server sees it at, since binds are made at real paths. */
    private final Path spool;
    private final int requestsPerProcess;
    private final long cpuSecondsPerProcess;
    private final ReentrantLock serving = new ReentrantLock(true);
    private final ExecutorService starter;
    private final AtomicLong jobs = new AtomicLong();
    private Resident current;
    private int answered;
    private long started;
    private boolean closed;

    SandboxedServer(Launcher launcher, SandboxRequest launch, int requestsPerProcess) {
        if (requestsPerProcess < 1) throw new IllegalArgumentException("requestsPerProcess must be at least 1, got " + requestsPerProcess);
        this.launcher = launcher;
        this.launch = launch;
        this.spool = BwrapCommandLine.realPath(launch.workDir());
        this.requestsPerProcess = requestsPerProcess;
        this.cpuSecondsPerProcess = BwrapCommandLine.cpuSeconds(launch) * requestsPerProcess;
        this.starter = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "sandboxed-server-" + launch.argv().getLast());
            t.setDaemon(true);
            return t;
        });
    }

    /** The folder the server may write; jobs are made in it. */
    public Path spool() {
        return spool;
    }

    /** How many server processes have been started so far (a restart after a death or an overrun counts). */
    public long processesStarted() {
        serving.lock();
        try {
            return started;
        } finally {
            serving.unlock();
        }
    }

    /**
     * A fresh, empty sub-folder of the spool (mode 700, the caller's) for one request's input and output. The server
     * can enter it only while that request runs.
     */
    public Job job() throws IOException {
        Path folder = spool().resolve("job-" + jobs.incrementAndGet());
        Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        return new Job(folder);
    }

    /** One request's folder in the spool; closing it removes the folder and everything in it. */
    public static final class Job implements AutoCloseable {
        private final Path folder;

        private Job(Path folder) {
            this.folder = folder;
        }

        public Path folder() {
            return folder;
        }

        @Override
        public void close() throws IOException {
            if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) ScratchDir.deleteTree(folder);
        }
    }

    /**
     * Sends {@code request} (one line) about {@code job} and waits for the answer, starting the server first when none
     * is running. Waits its turn behind other requests; the time limit counts from when it is sent.
     *
     * @throws SandboxUnavailableException when the server cannot be started confined (infrastructure, not the request)
     */
    public ServerAnswer ask(Job job, String request) throws SandboxUnavailableException, InterruptedException {
        if (!job.folder().getParent().equals(spool())) throw new IllegalArgumentException(job.folder() + " is not a job of this server");
        serving.lockInterruptibly();
        try {
            if (closed) throw new SandboxUnavailableException("the server " + launch.argv() + " was closed");
            Resident r = running();
            lend(job, r);
            try {
                return exchange(r, job, request);
            } finally {
                giveBack(job, r);
            }
        } finally {
            serving.unlock();
        }
    }

    private ServerAnswer exchange(Resident r, Job job, String request) throws SandboxUnavailableException, InterruptedException {
        long t0 = System.nanoTime();
        long deadline = t0 + launch.timeout().toNanos();
        ServerProcess p = r.process();
        try {
            p.send(job.folder() + "\t" + request);
        } catch (IOException e) {
            // the server is gone (its stdin closed): its exit says why
            return died(r);
        }
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    CapturedOutput err = p.stderr();
                    retire(r, Duration.ZERO);
                    return new ServerAnswer.TimedOut(launch.timeout(), err);
                }
                Optional<ServerProcess.Output> out = p.poll(Duration.ofNanos(Math.min(left, MONITOR_PERIOD.toNanos())));
                if (out.isPresent() && out.get() instanceof ServerProcess.Output.Answer a) {
                    Optional<LimitBreach> breach = r.watchdog().check();
                    if (breach.isPresent()) return exceeded(r, breach.get());
                    if (++answered >= requestsPerProcess) retire(r, STOP_GRACE);
                    return new ServerAnswer.Answered(a.text(), Duration.ofNanos(System.nanoTime() - t0));
                }
                if (out.isPresent()) return died(r);
                Optional<LimitBreach> breach = r.watchdog().check();
                if (breach.isPresent()) return exceeded(r, breach.get());
            }
        } catch (InterruptedException | RuntimeException e) {
            retire(r, Duration.ZERO); // never leave a server mid-request behind: its state is unknown
            throw e;
        }
    }

    private ServerAnswer exceeded(Resident r, LimitBreach breach) throws SandboxUnavailableException, InterruptedException {
        CapturedOutput err = r.process().stderr();
        retire(r, Duration.ZERO);
        return new ServerAnswer.LimitExceeded(breach, err);
    }

    /** The server's stdout ended before an answer: its exit code says how, bwrap's own words say whether it ever ran. */
    private ServerAnswer died(Resident r) throws SandboxUnavailableException, InterruptedException {
        int code = r.process().exitCode(STOP_GRACE).orElse(-1);
        CapturedOutput err = r.process().stderr();
        retire(r, Duration.ZERO);
        if (err.text().startsWith("bwrap: ") || err.text().startsWith("setpriv: ")) {
            throw new SandboxUnavailableException("bubblewrap could not set up the server's sandbox: " + err.tail(500));
        }
        if (code == KILLED_BY_SIGXFSZ) {
            return new ServerAnswer.LimitExceeded(new LimitBreach(SandboxLimit.FILE_SIZE, launch.maxFileBytes(), largestFile()), err);
        }
        if (code == KILLED_BY_SIGXCPU) {
            return new ServerAnswer.LimitExceeded(new LimitBreach(SandboxLimit.CPU_TIME, cpuSecondsPerProcess, cpuSecondsPerProcess), err);
        }
        return new ServerAnswer.Died(code, err);
    }

    private long largestFile() {
        return dev.scenarist.sandbox.internal.FileTally.of(java.util.List.of(spool())).largestFile();
    }

    /** The running server, started (from the starter thread) when there is none. */
    private Resident running() throws SandboxUnavailableException, InterruptedException {
        if (current != null && current.process().isAlive()) return current;
        if (current != null) retire(current, Duration.ZERO);
        Future<Resident> f = starter.submit(() -> launcher.start(launch, cpuSecondsPerProcess));
        try {
            current = f.get();
        } catch (InterruptedException e) {
            // the start goes on in the starter thread: stop what it starts there, after it (one thread, in order)
            starter.execute(() -> {
                try {
                    f.get().stop(Duration.ZERO);
                } catch (Exception | Error ignored) {
                    // it did not start, or stopping failed: nothing more to do for a caller that is gone
                }
            });
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SandboxUnavailableException u) throw u;
            if (e.getCause() instanceof InterruptedException i) throw i;
            throw new IllegalStateException("starting the server " + launch.argv() + " failed: " + e.getCause(), e.getCause());
        }
        started++;
        answered = 0;
        return current;
    }

    /** Ends the process {@code r} and gives back what it held; the next request starts another. */
    private void retire(Resident r, Duration grace) throws SandboxUnavailableException, InterruptedException {
        if (current == r) current = null;
        r.stop(grace);
    }

    /** As root the server runs as its own uid: the job folder is handed to it for the request, and taken back after. */
    private static void lend(Job job, Resident r) throws SandboxUnavailableException {
        OptionalInt uid = r.uid();
        if (uid.isEmpty()) return;
        try {
            Ownership.give(job.folder(), uid.getAsInt(), uid.getAsInt());
        } catch (IOException e) {
            throw new SandboxUnavailableException("cannot hand " + job.folder() + " to the server's uid: " + e.getMessage(), e);
        }
    }

    private static void giveBack(Job job, Resident r) throws SandboxUnavailableException {
        if (r.uid().isEmpty() || r.workOwner().isEmpty()) return;
        try {
            r.workOwner().get().restore(job.folder());
        } catch (IOException e) {
            throw new SandboxUnavailableException("cannot take " + job.folder() + " back from the server's uid: " + e.getMessage(), e);
        }
    }

    /** Stops the server process (it is restarted by no later request) and its starter thread. */
    @Override
    public void close() {
        serving.lock();
        try {
            closed = true;
            if (current != null) retire(current, STOP_GRACE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SandboxUnavailableException e) {
            LoggerFactory.getLogger(SandboxedServer.class).warn("closing the server {}: {}", launch.argv(), e.getMessage());
        } finally {
            serving.unlock();
            starter.shutdown();
        }
    }
}
