package dev.scenarist.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * How a sandboxed command ended: it exited (with any code, including death by signal), it ran out of time, or it ran
 * into one of the sandbox's resource limits. The last two are the command's doing (a finding about the generated
 * code), never an infrastructure failure.
 */
public sealed interface SandboxResult {
    CapturedOutput stdout();

    CapturedOutput stderr();

    /** Wall time from start until the process (tree) was gone. */
    Duration duration();

    /** Whether it ran inside the sandbox ({@code false} only from {@link Sandbox#unconfined()}). */
    boolean confined();

    default boolean timedOut() {
        return this instanceof TimedOut;
    }

    /**
     * The command exited by itself. A process killed by a signal (for example after exceeding its CPU limit) has
     * exit code 128 + the signal number, as in a shell.
     */
    record Exited(int exitCode, CapturedOutput stdout, CapturedOutput stderr, Duration duration, boolean confined)
            implements SandboxResult {
        public Exited {
            Objects.requireNonNull(stdout, "stdout");
            Objects.requireNonNull(stderr, "stderr");
            Objects.requireNonNull(duration, "duration");
        }

        public boolean succeeded() {
            return exitCode == 0;
        }
    }

    /** The command was still running at {@code limit}; it and every process it started were killed. */
    record TimedOut(Duration limit, CapturedOutput stdout, CapturedOutput stderr, Duration duration, boolean confined)
            implements SandboxResult {
        public TimedOut {
            Objects.requireNonNull(limit, "limit");
            Objects.requireNonNull(stdout, "stdout");
            Objects.requireNonNull(stderr, "stderr");
            Objects.requireNonNull(duration, "duration");
        }
    }

    /**
     * The command ran into a limit ({@link #breach()}): it was stopped (or the kernel stopped the offending process) and
     * every process it started was killed.
     */
    record LimitExceeded(LimitBreach breach, CapturedOutput stdout, CapturedOutput stderr, Duration duration, boolean confined)
            implements SandboxResult {
        public LimitExceeded {
            Objects.requireNonNull(breach, "breach");
            Objects.requireNonNull(stdout, "stdout");
            Objects.requireNonNull(stderr, "stderr");
            Objects.requireNonNull(duration, "duration");
        }

        /** The limit the command ran into. */
        public SandboxLimit limit() {
            return breach.limit();
        }

        /** The configured limit, in the limit's unit (bytes, files, processes, CPU seconds). */
        public long limitValue() {
            return breach.limitValue();
        }

        /** What was measured when it stopped, in the same unit. */
        public long measured() {
            return breach.measured();
        }

        /** A sentence naming the limit and the measured value, e.g. "the workspace holds 10 001 files, over the sandbox limit of 10 000". */
        public String describe() {
            return breach.describe();
        }
    }
}
