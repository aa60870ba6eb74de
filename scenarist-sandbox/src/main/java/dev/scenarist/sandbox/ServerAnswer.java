package dev.scenarist.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * How one request to a {@link SandboxedServer} ended: answered, or the server was stopped or died first. After
 * anything but an answer the server process is gone; the next request starts a fresh one.
 */
public sealed interface ServerAnswer {
    /** The server's answer, and the wall time from sending the request until it came. */
    record Answered(String text, Duration took) implements ServerAnswer {
        public Answered {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(took, "took");
        }
    }

    /** No answer within the request's time limit: the server and everything it started were killed. */
    record TimedOut(Duration limit, CapturedOutput stderr) implements ServerAnswer {
        public TimedOut {
            Objects.requireNonNull(limit, "limit");
            Objects.requireNonNull(stderr, "stderr");
        }
    }

    /** The server ran into a sandbox limit while answering: it was killed. */
    record LimitExceeded(LimitBreach breach, CapturedOutput stderr) implements ServerAnswer {
        public LimitExceeded {
            Objects.requireNonNull(breach, "breach");
            Objects.requireNonNull(stderr, "stderr");
        }

        /** A sentence naming the limit and the measured value. */
        public String describe() {
            return breach.describe();
        }
    }

    /**
     * The server exited before it answered (exit code 128 + n: killed by signal n, from outside or by the kernel).
     * Says nothing about the request by itself: a retry starts a fresh server.
     */
    record Died(int exitCode, CapturedOutput stderr) implements ServerAnswer {
        public Died {
            Objects.requireNonNull(stderr, "stderr");
        }
    }
}
