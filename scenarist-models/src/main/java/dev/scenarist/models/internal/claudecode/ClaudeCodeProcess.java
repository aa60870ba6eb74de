package dev.scenarist.models.internal.claudecode;

import dev.scenarist.core.author.TransientAuthorException;
import dev.scenarist.models.Redactor;
import dev.scenarist.sandbox.ProcessTrees;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the {@code claude} process, supervised: the prompt fed to its stdin, its stdout read as a
 * {@link StreamTranscript}, the tail of its stderr kept, and the whole process tree killed when it runs past its
 * timeout, when the caller is interrupted, or when its output stays open after it exited.
 */
final class ClaudeCodeProcess {
    private static final int STDERR_TAIL_BYTES = 8192;
    private static final Duration DRAIN_WAIT = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(ClaudeCodeProcess.class);

    private ClaudeCodeProcess() {}

    /** What a run that ended by itself left: its exit code, its stdout as events, the tail of its stderr and how long it took. */
    record Finished(int exit, StreamTranscript transcript, String stderr, Duration latency) {}

    /**
     * Starts {@code command}, writes {@code stdin} to it and waits for it to end.
     *
     * @param what how the call is named in messages
     * @throws IOException               when the process cannot be started
     * @throws TransientAuthorException when it timed out (its process tree is killed)
     */
    static Finished run(ProcessBuilder command, String stdin, Duration timeout, String what, Redactor redactor)
            throws IOException, TransientAuthorException, InterruptedException {
        long started = System.nanoTime();
        Process process = command.start();
        StreamTranscript transcript = new StreamTranscript();
        Tail stderr = new Tail(STDERR_TAIL_BYTES);
        Thread out = Thread.ofVirtual().name("claude-stdout").start(() -> transcript.readAll(process.getInputStream()));
        Thread err = Thread.ofVirtual().name("claude-stderr").start(() -> stderr.readAll(process.getErrorStream()));
        Thread in = Thread.ofVirtual().name("claude-stdin").start(() -> writeStdin(process, stdin));
        try {
            if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                killTree(process);
                joinAll(DRAIN_WAIT, out, err, in);
                throw new TransientAuthorException(what + ": claude timed out after " + ClaudeCodeAuthor.human(timeout)
                        + "; its process tree was killed" + (stderr.text().isBlank() ? "" : "; stderr: " + redactor.redact(stderr.text().strip())));
            }
            if (!joinAll(DRAIN_WAIT, out, err, in)) {
                LOG.warn("{}: claude exited but its output stayed open for {}; killing what is left", what, ClaudeCodeAuthor.human(DRAIN_WAIT));
                killTree(process);
                joinAll(DRAIN_WAIT, out, err, in);
            }
        } catch (InterruptedException e) {
            killTree(process);
            throw e;
        }
        return new Finished(process.exitValue(), transcript, stderr.text(), Duration.ofNanos(System.nanoTime() - started));
    }

    private static void writeStdin(Process process, String text) {
        try (OutputStream os = process.getOutputStream()) {
            os.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the process exited or was killed before reading its prompt; its result says what happened
        }
    }

    /** Kills the process and everything it started, then gives the root a moment to be reaped. */
    private static void killTree(Process process) {
        ProcessTrees.kill(process);
        try {
            process.waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean joinAll(Duration wait, Thread... threads) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        for (Thread t : threads) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !t.join(Duration.ofNanos(left))) return false;
        }
        return true;
    }

    /** Keeps the last {@code max} bytes of a stream. */
    static final class Tail {
        private final int max;
        private byte[] buf = new byte[0];

        Tail(int max) {
            this.max = max;
        }

        void readAll(InputStream in) {
            byte[] chunk = new byte[4096];
            try (in) {
                int n;
                while ((n = in.read(chunk)) >= 0) append(chunk, n);
            } catch (IOException e) {
                // killed or closed
            }
        }

        private synchronized void append(byte[] chunk, int n) {
            int keep = Math.min(buf.length, max - Math.min(n, max));
            byte[] next = new byte[keep + Math.min(n, max)];
            System.arraycopy(buf, buf.length - keep, next, 0, keep);
            System.arraycopy(chunk, n - Math.min(n, max), next, keep, Math.min(n, max));
            buf = next;
        }

        synchronized String text() {
            return new String(buf, StandardCharsets.UTF_8);
        }
    }
}
