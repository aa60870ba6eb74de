package dev.scenarist.sandbox.internal;

import dev.scenarist.sandbox.LimitBreach;
import dev.scenarist.sandbox.ProcessTrees;
import dev.scenarist.sandbox.SandboxLimit;
import dev.scenarist.sandbox.SandboxResult;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a prepared command line with exactly the given environment, drains both output streams concurrently,
 * enforces the wall-clock timeout, asks a {@link Monitor} every {@link #MONITOR_PERIOD} whether a limit was passed
 * and, on timeout, a passed limit or interruption, kills the whole process tree.
 */
public final class ProcessRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessRunner.class);
    /** How long to wait for the output readers after the process is gone (a detached grandchild may hold the pipe). */
    private static final Duration READER_GRACE = Duration.ofSeconds(2);

    /** What to start and how; {@code commandLine} is already wrapped (bwrap, prlimit) by the caller. */
    public record Launch(List<String> commandLine, Map<String, String> environment, Path workDir, Duration timeout,
                         int maxOutputBytes, boolean confined) {
        public Launch {
            commandLine = List.copyOf(commandLine);
            environment = Map.copyOf(environment);
        }
    }

    /** Checks a running command for limits the kernel does not enforce itself. Runs on the waiting thread. */
    @FunctionalInterface
    public interface Monitor {
        Monitor NONE = Optional::empty;

        Optional<LimitBreach> check();
    }

    /** Often enough that a file bomb is stopped after a few thousand files; rarely enough to cost little CPU. */
    static final Duration MONITOR_PERIOD = Duration.ofMillis(150);

    private ProcessRunner() {}

    public static SandboxResult run(Launch launch) throws IOException, InterruptedException {
        return run(launch, Monitor.NONE);
    }

    public static SandboxResult run(Launch launch, Monitor monitor) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(launch.commandLine())
                .directory(launch.workDir().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        // never inherit: the parent's environment holds API keys
        pb.environment().clear();
        pb.environment().putAll(launch.environment());
        LOG.debug("starting {}", launch.commandLine());

        long start = System.nanoTime();
        Process process = pb.start();
        BoundedCapture out = new BoundedCapture(launch.maxOutputBytes());
        BoundedCapture err = new BoundedCapture(launch.maxOutputBytes());
        Thread outReader = reader("sandbox-stdout-" + process.pid(), () -> out.drain(process.getInputStream()));
        Thread errReader = reader("sandbox-stderr-" + process.pid(), () -> err.drain(process.getErrorStream()));

        boolean finished = false;
        Optional<LimitBreach> breach = Optional.empty();
        long deadline = start + launch.timeout().toNanos();
        try {
            while (!finished && breach.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) break;
                finished = process.waitFor(Math.min(left, MONITOR_PERIOD.toNanos()), TimeUnit.NANOSECONDS);
                if (!finished) breach = monitor.check();
            }
        } catch (InterruptedException | RuntimeException e) {
            // never leave the command running behind a failed wait or monitor
            ProcessTrees.kill(process);
            throw e;
        }
        if (!finished) {
            ProcessTrees.kill(process);
            process.waitFor(5, TimeUnit.SECONDS);
        }
        outReader.join(READER_GRACE);
        errReader.join(READER_GRACE);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (breach.isPresent()) {
            LimitBreach b = breach.get();
            return new SandboxResult.LimitExceeded(b, out.snapshot(), err.snapshot(), took,
                    launch.confined());
        }
        if (!finished) {
            return new SandboxResult.TimedOut(launch.timeout(), out.snapshot(), err.snapshot(), took, launch.confined());
        }
        return new SandboxResult.Exited(process.exitValue(), out.snapshot(), err.snapshot(), took, launch.confined());
    }

    private static Thread reader(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
