package dev.scenarist.packs.mechanisms.internal.sim;

import dev.scenarist.packs.mechanisms.MechanismsSettings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scenarist.core.text.DurationFormat;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import dev.scenarist.packs.mechanisms.internal.mjcf.ReadScope;
import dev.scenarist.sandbox.ProcessTrees;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Simulator} backed by real MuJoCo: the official WebAssembly bindings (npm {@code @mujoco/mujoco}, version
 * pinned in the sidecar's {@code package-lock.json}) run by a long-lived Node process, {@code mujoco-sidecar.mjs},
 * spoken to with newline-delimited JSON over stdin/stdout (the protocol is documented at the top of that script).
 *
 * <p><b>Finding the sidecar.</b> The sidecar folder is {@code packs/mechanisms/src/main/resources/sidecar/} in the
 * repository, with its {@code node_modules} installed by {@code install.sh} ({@code npm ci}). The application names
 * it with the environment variable {@value MechanismsSettings#SIDECAR_DIR_ENV} or the system property {@value MechanismsSettings#SIDECAR_DIR_PROPERTY}
 * (it reads them; this class reads no environment); otherwise {@link #locate(Path)} looks at
 * {@code packs/mechanisms/src/main/resources/sidecar} and {@code src/main/resources/sidecar} under the working
 * directory and each of its parents. {@code node} is {@value #DEFAULT_NODE} on the PATH unless the application passes
 * another executable (from {@value MechanismsSettings#NODE_ENV}).
 *
 * <p><b>Lifecycle.</b> The process starts lazily on the first request and serves requests one at a time (this class
 * serializes callers, so it is thread-safe). If it dies (killed, crashed) it is restarted transparently and the
 * request is retried once on the fresh process; if a request gets no answer within the timeout the process is
 * killed and the request answers {@link SimulationOutcome.Unavailable} — an infrastructure problem, not a verdict on
 * the scene — and the next request starts a fresh process. {@link #close()} shuts it down; so does the JVM exiting
 * (the sidecar exits when its stdin closes).
 */
public final class MujocoSidecar implements Simulator, AutoCloseable {

    /** The node executable when none is named: {@code node}, looked up on the PATH. */
    public static final String DEFAULT_NODE = "node";
    /** The sidecar script inside the sidecar folder. */
    public static final String SCRIPT = "mujoco-sidecar.mjs";
    /** The repository-relative sidecar folder. */
    public static final String REPO_RELATIVE_DIR = "packs/mechanisms/src/main/resources/sidecar";

    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(MujocoSidecar.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EOF = "\u0000EOF";
    private static final int STDERR_TAIL = 40;

    private final Path sidecarDir;
    private final String node;
    private final Duration requestTimeout;
    private final Duration startupTimeout;

    private Running running; // guarded by this
    private long nextId = 1; // guarded by this
    private String mujocoVersion = "unknown"; // guarded by this
    private int starts; // guarded by this

    /** A sidecar in {@code sidecarDir} with the default node, request timeout and start-up timeout. */
    public MujocoSidecar(Path sidecarDir) {
        this(sidecarDir, DEFAULT_NODE, DEFAULT_REQUEST_TIMEOUT, DEFAULT_STARTUP_TIMEOUT);
    }

    public MujocoSidecar(Path sidecarDir, Duration requestTimeout) {
        this(sidecarDir, DEFAULT_NODE, requestTimeout, DEFAULT_STARTUP_TIMEOUT);
    }

    public MujocoSidecar(Path sidecarDir, String node, Duration requestTimeout, Duration startupTimeout) {
        this.sidecarDir = sidecarDir.toAbsolutePath().normalize();
        this.node = node;
        this.requestTimeout = requestTimeout;
        this.startupTimeout = startupTimeout;
    }

    /**
     * The sidecar folder found from {@code workingDir} when none is configured: the first installed one under it or
     * one of its parents (see the class comment), else the first one with the script but no npm package yet.
     */
    public static Optional<Path> locate(Path workingDir) {
        Path fallback = null;
        for (Path dir = workingDir.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            for (Path candidate : List.of(dir.resolve(REPO_RELATIVE_DIR), dir.resolve("src/main/resources/sidecar"))) {
                if (Files.isRegularFile(candidate.resolve(SCRIPT))) {
                    if (isInstalled(candidate)) {
                        return Optional.of(candidate.normalize());
                    }
                    if (fallback == null) {
                        fallback = candidate.normalize();
                    }
                }
            }
        }
        return Optional.ofNullable(fallback);
    }

    /** Whether {@code dir} holds the sidecar script and its installed npm package. */
    public static boolean isInstalled(Path dir) {
        return Files.isRegularFile(dir.resolve(SCRIPT))
                && Files.isRegularFile(dir.resolve("node_modules/@mujoco/mujoco/package.json"));
    }

    public Path sidecarDir() {
        return sidecarDir;
    }

    @Override
    public synchronized String engine() {
        return "MuJoCo " + mujocoVersion + " (WASM, Node sidecar)";
    }

    /**
     * Why this sidecar cannot simulate, naming the fix — empty when it can. Starts the process if it is not running
     * (so a missing or too-old Node shows up here).
     */
    public synchronized Optional<String> unavailableReason() {
        try {
            ensureRunning();
            return Optional.empty();
        } catch (UnavailableException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The running sidecar's process id, if one is running. */
    public synchronized OptionalLong pid() {
        return running != null && running.process.isAlive() ? OptionalLong.of(running.process.pid()) : OptionalLong.empty();
    }

    /** How often a sidecar process has been started (restarts included). */
    public synchronized int starts() {
        return starts;
    }

    @Override
    public SimulationOutcome simulate(Path sceneXml, SimulationLimits limits) {
        Path xml = sceneXml.toAbsolutePath().normalize();
        if (!Files.isRegularFile(xml)) {
            return new SimulationOutcome.LoadFailed("scene file does not exist: " + xml);
        }
        // MuJoCo only sees the in-memory copy of the scene's folder (the sidecar skips symlinks in it), but the scene
        // itself is read by path: one that is a symlink to a file elsewhere is refused, not loaded.
        if (ReadScope.of(xml.getParent()).check(xml) instanceof ReadScope.Verdict.Outside o) {
            return new SimulationOutcome.LoadFailed("scene file is not read: " + o.why() + "; " + ReadScope.fix());
        }
        ObjectNode req = JSON.createObjectNode();
        req.put("op", "simulate");
        req.put("xml_path", xml.toString());
        req.put("assets_dir", xml.getParent().toString());
        req.put("duration", limits.duration());
        req.put("speed_limit", limits.speedLimit());
        if (limits.bounds() != null) {
            SimulationLimits.Bounds b = limits.bounds();
            ObjectNode bounds = req.putObject("bounds");
            bounds.putArray("min").add(b.minX()).add(b.minY()).add(b.minZ());
            bounds.putArray("max").add(b.maxX()).add(b.maxY()).add(b.maxZ());
        }
        JsonNode answer;
        try {
            answer = request(req);
        } catch (UnavailableException e) {
            return new SimulationOutcome.Unavailable(e.getMessage());
        }
        return toOutcome(answer, limits);
    }

    private SimulationOutcome toOutcome(JsonNode a, SimulationLimits limits) {
        if (a.path("ok").asBoolean(false)) {
            return new SimulationOutcome.Simulated(report(a, limits));
        }
        if (a.hasNonNull("load_error")) {
            return new SimulationOutcome.LoadFailed(a.get("load_error").asText());
        }
        if (a.hasNonNull("simulation_error")) {
            return new SimulationOutcome.SimulationFailed(a.get("simulation_error").asText());
        }
        if (a.path("fatal").asBoolean(false)) {
            return new SimulationOutcome.SimulationFailed(a.path("error").asText("MuJoCo WebAssembly runtime aborted"));
        }
        return new SimulationOutcome.Unavailable("the MuJoCo sidecar refused the request: " + a.path("error").asText(a.toString()));
    }

    private SimulationReport report(JsonNode a, SimulationLimits limits) {
        List<Double> gravity = new ArrayList<>();
        a.path("gravity").forEach(g -> gravity.add(g.asDouble()));
        List<String> pair = new ArrayList<>();
        a.path("penetrating_pair").forEach(p -> pair.add(p.asText()));
        List<SimulationReport.BoundsExit> exits = new ArrayList<>();
        for (JsonNode e : a.path("out_of_bounds")) {
            JsonNode p = e.path("position");
            exits.add(new SimulationReport.BoundsExit(e.path("body").asText(), e.path("time").asDouble(),
                    number(p.path(0)), number(p.path(1)), number(p.path(2))));
        }
        List<SimulationReport.EngineWarning> warnings = new ArrayList<>();
        for (JsonNode w : a.path("warnings")) {
            warnings.add(new SimulationReport.EngineWarning(w.path("code").asText(), w.path("count").asInt(),
                    w.path("last_info").asInt(), w.path("text").asText()));
        }
        return new SimulationReport(
                "MuJoCo " + a.path("mujoco_version").asText(mujocoVersion),
                limits,
                a.path("timestep").asDouble(),
                a.path("steps").asLong(),
                a.path("simulated_seconds").asDouble(),
                gravity,
                number(a.path("max_body_speed")),
                a.hasNonNull("max_body_speed_body") ? a.get("max_body_speed_body").asText() : null,
                a.path("max_body_speed_time").asDouble(),
                a.hasNonNull("speed_limit_exceeded_at") ? a.get("speed_limit_exceeded_at").asDouble() : null,
                a.path("nan").asBoolean(false),
                a.hasNonNull("nan_first_time") ? a.get("nan_first_time").asDouble() : null,
                a.path("initial_penetration").asDouble(),
                pair,
                a.path("initial_contacts").asInt(),
                exits,
                warnings,
                a.path("resets").asInt(),
                a.path("wall_ms").asDouble());
    }

    /** JSON has no NaN/Infinity: the sidecar writes null for non-finite numbers. */
    private static double number(JsonNode n) {
        return n.isNumber() ? n.asDouble() : Double.NaN;
    }

    // ---- process handling -------------------------------------------------------------------------------------

    /**
     * Sends one request and waits for its answer. A process found dead before or during the request is replaced and
     * the request retried once; a timeout kills the process and fails the request.
     */
    private synchronized JsonNode request(ObjectNode req) throws UnavailableException {
        UnavailableException last = null;
        for (int attempt = 1; attempt <= 2; attempt++) {
            Running r = ensureRunning();
            long id = nextId++;
            req.put("id", id);
            try {
                r.stdin.write(JSON.writeValueAsString(req));
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
                    answer = JSON.readTree(line);
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
        if (!isInstalled(sidecarDir)) {
            throw new UnavailableException(("the npm package @mujoco/mujoco is not installed in %s: run %s "
                    + "(npm ci --no-audit --no-fund; needs Node.js 20+ and npm)").formatted(
                    sidecarDir.resolve("node_modules"), sidecarDir.resolve("install.sh")));
        }
        Process p;
        try {
            p = new ProcessBuilder(node, SCRIPT).directory(sidecarDir.toFile()).start();
        } catch (IOException e) {
            throw new UnavailableException(("cannot run '%s' (%s): install Node.js 20+ and put node on the PATH "
                    + "(Debian: apt-get install nodejs npm), or set %s to the node executable").formatted(
                    node, e.getMessage(), MechanismsSettings.NODE_ENV));
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
            throw new UnavailableException("the MuJoCo sidecar (%s %s in %s) %s%s".formatted(node, SCRIPT, sidecarDir,
                    ready == null ? "did not start within " + startupTimeout.toSeconds() + " s"
                            : "exited with status " + exitCode(p) + " while starting", r.stderrSummary()));
        }
        try {
            JsonNode hello = JSON.readTree(ready);
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
        try {
            r.process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            r.stdin.close();
        } catch (IOException ignored) {
            // the pipe is gone with the process
        }
        if (running == r) {
            running = null;
        }
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
    @Override
    public synchronized void close() {
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
    private static final class UnavailableException extends Exception {
        UnavailableException(String message) {
            super(message);
        }
    }
}
