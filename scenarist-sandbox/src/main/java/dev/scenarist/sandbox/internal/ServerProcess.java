package dev.scenarist.sandbox.internal;

import dev.scenarist.sandbox.CapturedOutput;
import dev.scenarist.sandbox.ProcessTrees;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's end of a long-lived process that answers requests: it writes each request as one line on the process's
 * stdin and reads answers from its stdout, framed as a line {@code @@answer <bytes>} followed by exactly that many
 * bytes of UTF-8. Lines on stdout outside a frame (a JVM's own warnings, say) are skipped, so they cannot be taken for
 * an answer. Stderr is drained and kept bounded, for the message when the process dies.
 */
public final class ServerProcess {
    private static final Logger LOG = LoggerFactory.getLogger(ServerProcess.class);
    /** What starts an answer frame on the server's stdout; the byte count follows. */
    public static final String ANSWER_PREFIX = "@@answer ";
    /** Stdout lines outside a frame are skipped; this much of one is read into memory at most. */
    private static final int MAX_STRAY_LINE = 8192;

    /** What the reader saw next on stdout: an answer, or the end of the stream (the process is gone or closed it). */
    public sealed interface Output {
        record Answer(String text) implements Output {}

        record End() implements Output {}
    }

    private final Process process;
    private final OutputStream stdin;
    private final BlockingQueue<Output> outputs = new LinkedBlockingQueue<>();
    private final BoundedCapture stderr;

    private ServerProcess(Process process, int maxAnswerBytes, int maxStderrBytes) {
        this.process = process;
        this.stdin = process.getOutputStream();
        this.stderr = new BoundedCapture(maxStderrBytes);
        daemon("server-stdout-" + process.pid(), () -> readFrames(process.getInputStream(), maxAnswerBytes));
        daemon("server-stderr-" + process.pid(), () -> stderr.drain(process.getErrorStream()));
    }

    /**
     * Starts {@code commandLine} (already wrapped by the caller) with an empty environment in {@code workDir}.
     *
     * @param maxAnswerBytes bytes of one answer kept; the rest is read and dropped, with a marker saying so
     */
    public static ServerProcess start(List<String> commandLine, Path workDir, int maxAnswerBytes) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(commandLine).directory(workDir.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        pb.environment().clear(); // never inherit: the parent's environment holds API keys
        LOG.debug("starting server {}", commandLine);
        Process p = pb.start();
        return new ServerProcess(p, maxAnswerBytes, Math.max(1024, Math.min(maxAnswerBytes, 64 << 10)));
    }

    /** Sends one request line (without its newline). */
    public void send(String line) throws IOException {
        if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) throw new IllegalArgumentException("a request is one line: " + line);
        stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
    }

    /** The next answer or end of stream, waiting at most {@code wait}; empty when nothing came in that time. */
    public Optional<Output> poll(Duration wait) throws InterruptedException {
        return Optional.ofNullable(outputs.poll(wait.toNanos(), TimeUnit.NANOSECONDS));
    }

    /** What the process wrote on stderr so far (bounded: beginning and end). */
    public CapturedOutput stderr() {
        return stderr.snapshot();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Its exit code once it has exited within {@code wait}, else empty. */
    public Optional<Integer> exitCode(Duration wait) throws InterruptedException {
        return process.waitFor(wait.toNanos(), TimeUnit.NANOSECONDS) ? Optional.of(process.exitValue()) : Optional.empty();
    }

    /** Closes its stdin (a server's signal to end) and waits up to {@code grace} for it to exit; kills it otherwise. */
    public void stop(Duration grace) throws InterruptedException {
        try {
            stdin.close();
        } catch (IOException e) {
            // already gone
        }
        if (!process.waitFor(grace.toNanos(), TimeUnit.NANOSECONDS)) kill();
    }

    /** Kills it and everything it started, and waits (briefly) for it to be gone. */
    public void kill() throws InterruptedException {
        ProcessTrees.kill(process);
        process.waitFor(5, TimeUnit.SECONDS);
    }

    private void readFrames(InputStream raw, int maxAnswerBytes) {
        try (InputStream in = new BufferedInputStream(raw)) {
            while (true) {
                Optional<String> line = readLine(in);
                if (line.isEmpty()) break;
                String l = line.get();
                if (!l.startsWith(ANSWER_PREFIX)) {
                    LOG.debug("server {} wrote outside an answer: {}", process.pid(), l);
                    continue;
                }
                long size;
                try {
                    size = Long.parseLong(l.substring(ANSWER_PREFIX.length()).strip());
                } catch (NumberFormatException e) {
                    LOG.debug("server {} wrote a malformed answer header: {}", process.pid(), l);
                    continue;
                }
                outputs.add(new Output.Answer(readAnswer(in, size, maxAnswerBytes)));
            }
        } catch (IOException e) {
            // the stream was closed because the process was killed
        } finally {
            outputs.add(new Output.End());
        }
    }

    private static String readAnswer(InputStream in, long size, int maxAnswerBytes) throws IOException {
        ByteArrayOutputStream kept = new ByteArrayOutputStream((int) Math.min(size, 8192));
        long left = size;
        byte[] buf = new byte[8192];
        while (left > 0) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (n < 0) throw new IOException("the answer ended after " + (size - left) + " of " + size + " bytes");
            int keep = (int) Math.min(n, Math.max(0, maxAnswerBytes - kept.size()));
            kept.write(buf, 0, keep);
            left -= n;
        }
        String text = kept.toString(StandardCharsets.UTF_8);
        return size > kept.size() ? text + "\n[… " + (size - kept.size()) + " bytes of the answer left out …]\n" : text;
    }

    /** One line without its newline; empty at the end of the stream. Over-long lines are cut (they are skipped anyway). */
    private static Optional<String> readLine(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (b.size() < MAX_STRAY_LINE) b.write(c);
        }
        if (c < 0 && b.size() == 0) return Optional.empty();
        return Optional.of(b.toString(StandardCharsets.UTF_8));
    }

    private static void daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
    }
}
