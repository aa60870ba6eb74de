package dev.scenarist.packs.mechanisms.internal.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scenarist.core.text.DurationFormat;
import dev.scenarist.packs.mechanisms.MechanismsSettings;
import dev.scenarist.sandbox.ProcessTrees;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MuJoCo sidecar's Node process, as {@link MujocoSidecar} uses it: started lazily, one newline-delimited JSON
 * request at a time with its answer matched by id, restarted when it died (the request retried once on the fresh
 * process), killed when an answer does not come within the request timeout. What the requests and answers mean is
 * {@link MujocoSidecar}'s business; this class only moves lines and keeps the process alive. Not thread-safe on its
 * own: {@link MujocoSidecar} serializes its callers.
 */
final class SidecarProcess {
    private static final Logger log = LoggerFactory.getLogger(MujocoSidecar.class);
    /**
     * The JSON mapper of the sidecar protocol (this process and {@link MujocoSidecar}'s requests), made on first use, not
     * when the class loads: the class loads on the command's main thread (finding the sidecar folder) and Jackson's first
     * mapper costs ~0.2 s there; a start-up spawns Node first and builds it while Node boots.
     */
    static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
    private static final String EOF = "\u0000EOF";
    private static final int STDERR_TAIL = 40;
    private static final String SCRIPT = MujocoSidecar.SCRIPT;

    private final Path sidecarDir;
    private final Command command;
    private final Duration requestTimeout;
    private final Duration startupTimeout;

    private Running running;
    private long nextId = 1;
    private String mujocoVersion = "unknown";
    private int starts;

    /** The node executable and its own options (before the script). */
    record Command(String node, List<String> flags) {
        Command {
            flags = List.copyOf(flags);
        }

        List<String> with(String script) {
            List<String> argv = new ArrayList<>();
            argv.add(node);
            argv.addAll(flags);
            argv.add(script);
            return argv;
        }
    }

    SidecarProcess(Path sidecarDir, Command command, Duration requestTimeout, Duration startupTimeout) {
        this.sidecarDir = sidecarDir;
        this.command = command;
        this.requestTimeout = requestTimeout;
        this.startupTimeout = startupTimeout;
    }

    /** The MuJoCo version the running (or last) process announced, "unknown" before the first start. */
    String mujocoVersion() {
        return mujocoVersion;
    }

    /** The running process's id, if one is running. */
    OptionalLong pid() {
        return running != null && running.process.isAlive() ? OptionalLong.of(running.process.pid()) : OptionalLong.empty();
    }

    /** How often a process has been started (restarts included). */
    int starts() {
        return starts;
    }

    /**
     * Sends one request and waits for its answer. A process found dead before or during the request is replaced and
     * the request retried once; a timeout kills the process and fails the request.
     */
    JsonNode request(ObjectNode req) throws UnavailableException {
        UnavailableException last = null;
        for (int attempt = 1; attempt <= 2; attempt++) {
            Running r = ensureRunning();
            long id = nextId++;
            req.put("id", id);
            try {
                r.stdin.write(Json.MAPPER.writeValueAsString(req));
                r.stdin.write('\n');
                r.stdin.flush();
            } catch (IOException e) {
                last = new UnavailableException("could not write to the MuJoCo sidecar (pid %d): %s%s"
                        .formatted(r.process.pid(), e.getMessage(), r.stderrSummary()));
                log.warn("MuJoCo sidecar pid {} is gone ({}); restarting", r.process.pid(), e.getMessage());
                stop(r);
                continue;
            }
            long deadline = System.nanoTime() + requestTimeout.toNanos();
            while (true) {
                String line;
                try {
                    line = r.stdout.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stop(r);
                    throw new UnavailableException("interrupted while waiting for the MuJoCo sidecar");
                }
                if (line == null) {
                    stop(r);
                    throw new UnavailableException(("the MuJoCo sidecar (pid %d) gave no answer within %s; "
                            + "it was killed and the next request starts a fresh one").formatted(
                            r.process.pid(), DurationFormat.seconds(requestTimeout)));
                }
                if (line == EOF) { // identity on purpose: the reader thread's end marker, never a real line
                    int exit = exitCode(r.process);
                    last = new UnavailableException("the MuJoCo sidecar (pid %d) exited with status %d while simulating%s"
                            .formatted(r.process.pid(), exit, r.stderrSummary()));
                    log.warn("MuJoCo sidecar pid {} exited with status {} mid-request (attempt {}); restarting",
                            r.process.pid(), exit, attempt);
                    stop(r);
                    break;
                }
                JsonNode answer;
                try {
                    answer = Json.MAPPER.readTree(line);
                } catch (IOException e) {
                    log.warn("MuJoCo sidecar wrote a line that is not JSON: {}", line);
                    continue;
                }
                if (answer.path("id").asLong(-1) != id) {
                    continue; // a stale answer to an earlier, timed-out request
                }
                if (answer.path("fatal").asBoolean(false)) {
                    stop(r); // the WASM module aborted: the process exits; a fresh one serves the next request
                    if (attempt == 1) {
                        log.warn("MuJoCo sidecar aborted ({}); retrying once on a fresh process", answer.path("error").asText());
                        last = null;
                        break;
                    }
                }
                return answer;
            }
        }
        throw last != null ? last : new UnavailableException("the MuJoCo sidecar failed twice in a row");
    }

    /** Starts the process unless it is running; throws naming the fix when it cannot start. */
    void ensureStarted() throws UnavailableException {
        ensureRunning();
    }

    private Running ensureRunning() throws UnavailableException {
        if (running != null && running.process.isAlive()) {
            return running;
        }
        if (running != null) {
            log.warn("MuJoCo sidecar pid {} died (status {}); starting a new one", running.process.pid(),
                    exitCode(running.process));
            stop(running);
        }
        running = start();
        return running;
    }


    private Running start() throws UnavailableException {
        if (!Files.isRegularFile(sidecarDir.resolve(SCRIPT))) {
            throw new UnavailableException("the MuJoCo sidecar script %s is missing (set %s to the folder holding %s)"
                    .formatted(sidecarDir.resolve(SCRIPT), MechanismsSettings.SIDECAR_DIR_ENV, SCRIPT));
        }
        if (!MujocoSidecar.isInstalled(sidecarDir)) {
            throw new UnavailableException(("the npm package @mujoco/mujoco is not installed in %s: run %s "
                    + "(npm ci --no-audit --no-fund; needs Node.js 20+ and npm)").formatted(
                    sidecarDir.resolve("node_modules"), sidecarDir.resolve("install.sh")));
        }
        if (Thread.currentThread().isInterrupted()) {
            // a background start-up or simulation that closing the pool cancelled: spawning Node only to kill it is waste
            throw new UnavailableException("interrupted before starting the MuJoCo sidecar");
        }
        Process p;
        try {
            p = new ProcessBuilder(command.with(SCRIPT)).directory(sidecarDir.toFile()).start();
        } catch (IOException e) {
            throw new UnavailableException(("cannot run '%s' (%s): install Node.js 20+ and put node on the PATH "
                    + "(Debian: apt-get install nodejs npm), or set %s to the node executable").formatted(
                    command.node(), e.getMessage(), MechanismsSettings.NODE_ENV));
        }
        starts++;
        Running r = new Running(p);
        String ready;
        try {
            ready = r.stdout.poll(startupTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(r);
            throw new UnavailableException("interrupted while starting the MuJoCo sidecar");
        }
        if (ready == null || ready == EOF) { // identity on purpose (see Running)
            stop(r);
            throw new UnavailableException("the MuJoCo sidecar (%s %s in %s) %s%s".formatted(command.node(), SCRIPT, sidecarDir,
                    ready == null ? "did not start within " + startupTimeout.toSeconds() + " s"
                            : "exited with status " + exitCode(p) + " while starting", r.stderrSummary()));
        }
        try {
            JsonNode hello = Json.MAPPER.readTree(ready);
            if (!hello.path("ready").asBoolean(false)) {
                throw new IOException("unexpected first line: " + ready);
            }
            mujocoVersion = hello.path("mujoco_version").asText("unknown");
            log.info("MuJoCo sidecar started: pid {}, MuJoCo {}, Node {}", p.pid(), mujocoVersion,
                    hello.path("node_version").asText());
        } catch (IOException e) {
            stop(r);
            throw new UnavailableException("the MuJoCo sidecar did not start properly: " + e.getMessage() + r.stderrSummary());
        }
        return r;
    }

    private void stop(Running r) {
        if (r == null) {
            return;
        }
        ProcessTrees.kill(r.process);
        awaitExit(r.process);
        try {
            r.stdin.close();
        } catch (IOException ignored) {
            // the pipe is gone with the process
        }
        if (running == r) {
            running = null;
        }
    }

    /**
     * Waits (up to 5 s) for a killed process to exit, even when this thread is interrupted — as it is when a start-up is
     * cancelled — so that whoever stops a sidecar can count on it being gone; the interrupt is kept for the caller.
     */
    private static void awaitExit(Process p) {
        boolean interrupted = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (p.isAlive() && System.nanoTime() < deadline) {
            try {
                p.waitFor(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    private static int exitCode(Process p) {
        try {
            return p.waitFor(2, TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Asks the sidecar to exit, and makes sure it has. A later request starts a new one. */
    void close() {
        Running r = running;
        if (r == null) {
            return;
        }
        try {
            r.stdin.write("{\"id\":0,\"op\":\"shutdown\"}\n");
            r.stdin.flush();
            r.process.waitFor(2, TimeUnit.SECONDS);
        } catch (IOException ignored) {
            // already gone
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stop(r);
    }

    /** One sidecar process with its pipes: stdout lines go to a queue (then {@link #EOF}); stderr keeps a tail. */
    private static final class Running {
        final Process process;
        final Writer stdin;
        final BlockingQueue<String> stdout = new LinkedBlockingQueue<>();
        final Deque<String> stderr = new ArrayDeque<>();

        Running(Process process) {
            this.process = process;
            this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            Thread.ofPlatform().daemon().name("mujoco-sidecar-" + process.pid() + "-out")
                    .start(() -> pump(process.getInputStream(), line -> stdout.add(line), () -> stdout.add(EOF)));
            Thread.ofPlatform().daemon().name("mujoco-sidecar-" + process.pid() + "-err")
                    .start(() -> pump(process.getErrorStream(), this::stderrLine, () -> {}));
        }

        private void stderrLine(String line) {
            log.debug("mujoco-sidecar[{}]: {}", process.pid(), line);
            synchronized (stderr) {
                stderr.addLast(line);
                while (stderr.size() > STDERR_TAIL) {
                    stderr.removeFirst();
                }
            }
        }

        String stderrSummary() {
            synchronized (stderr) {
                return stderr.isEmpty() ? "" : "; its stderr ends with:\n" + String.join("\n", stderr);
            }
        }

        private static void pump(InputStream in, java.util.function.Consumer<String> lines, Runnable atEnd) {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    lines.accept(line);
                }
            } catch (IOException ignored) {
                // the process went away
            } finally {
                atEnd.run();
            }
        }
    }

    /** The sidecar cannot answer: missing installation, start-up failure, death or a timeout. */
    static final class UnavailableException extends Exception {
        UnavailableException(String message) {
            super(message);
        }
    }
}
