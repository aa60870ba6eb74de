package dev.scenarist.packs.mechanisms.internal.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scenarist.packs.mechanisms.MechanismsSettings;
import dev.scenarist.packs.mechanisms.internal.mjcf.ReadScope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

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
 * serializes callers, so it is thread-safe; {@link MujocoSidecarPool} runs several for simulations in parallel). If it dies (killed, crashed) it is restarted transparently and the
 * request is retried once on the fresh process; if a request gets no answer within the timeout the process is
 * killed and the request answers {@link SimulationOutcome.Unavailable} — an infrastructure problem, not a verdict on
 * the scene — and the next request starts a fresh process. {@link #close()} shuts it down; so does the JVM exiting
 * (the sidecar exits when its stdin closes). The process handling is {@link SidecarProcess}; this class is the
 * protocol: what a simulation request says and what its answer means.
 */
public final class MujocoSidecar implements Simulator, TaskEvaluator, AutoCloseable {

    /** The node executable when none is named: {@code node}, looked up on the PATH. */
    public static final String DEFAULT_NODE = "node";
    /** The sidecar script inside the sidecar folder. */
    public static final String SCRIPT = "mujoco-sidecar.mjs";
    /** The repository-relative sidecar folder. */
    public static final String REPO_RELATIVE_DIR = "packs/mechanisms/src/main/resources/sidecar";

    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(30);


    private final Path sidecarDir;
    private final SidecarProcess process; // guarded by this

    /** A sidecar in {@code sidecarDir} with the default node, request timeout and start-up timeout. */
    public MujocoSidecar(Path sidecarDir) {
        this(sidecarDir, DEFAULT_NODE, DEFAULT_REQUEST_TIMEOUT, DEFAULT_STARTUP_TIMEOUT);
    }

    public MujocoSidecar(Path sidecarDir, Duration requestTimeout) {
        this(sidecarDir, DEFAULT_NODE, requestTimeout, DEFAULT_STARTUP_TIMEOUT);
    }

    public MujocoSidecar(Path sidecarDir, String node, Duration requestTimeout, Duration startupTimeout) {
        this(sidecarDir, node, List.of(), requestTimeout, startupTimeout);
    }

    /** {@code nodeFlags}: node's own options before the script (see {@code MechanismsSettings.WasmTiers}). */
    public MujocoSidecar(Path sidecarDir, String node, List<String> nodeFlags, Duration requestTimeout, Duration startupTimeout) {
        this.sidecarDir = sidecarDir.toAbsolutePath().normalize();
        this.process = new SidecarProcess(this.sidecarDir, new SidecarProcess.Command(node, nodeFlags), requestTimeout, startupTimeout);
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
        return "MuJoCo " + process.mujocoVersion() + " (WASM, Node sidecar)";
    }

    /**
     * Why this sidecar cannot simulate, naming the fix — empty when it can. Starts the process if it is not running
     * (so a missing or too-old Node shows up here).
     */
    public synchronized Optional<String> unavailableReason() {
        try {
            process.ensureStarted();
            return Optional.empty();
        } catch (SidecarProcess.UnavailableException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The running sidecar's process id, if one is running. */
    public synchronized OptionalLong pid() {
        return process.pid();
    }

    /** How often a sidecar process has been started (restarts included). */
    public synchronized int starts() {
        return process.starts();
    }

    @Override
    public SimulationOutcome simulate(Path sceneXml, SimulationLimits limits) {
        return served(sceneXml, limits, null).outcome();
    }

    /** Hands MuJoCo exactly the bundle's files, under their common folder, instead of the scene's whole folder. */
    @Override
    public SimulationOutcome simulate(ModelBundle bundle, SimulationLimits limits) {
        return served(bundle.xml(), limits, bundle).outcome();
    }

    /**
     * A simulation's outcome with which sidecar process served it and when, as that process reported it (epoch
     * milliseconds; pid 0 and times 0 when no process answered): how a {@link MujocoSidecarPool} is seen to simulate
     * in parallel without timing anything.
     */
    record Served(SimulationOutcome outcome, long pid, long fromMillis, long untilMillis) {
        static Served unserved(SimulationOutcome outcome) {
            return new Served(outcome, 0, 0, 0);
        }
    }

    /** {@code bundle}: the files MuJoCo may see (null: the scene's folder). */
    Served served(Path sceneXml, SimulationLimits limits, ModelBundle bundle) {
        Path xml = sceneXml.toAbsolutePath().normalize();
        if (!Files.isRegularFile(xml)) {
            return Served.unserved(new SimulationOutcome.LoadFailed("scene file does not exist: " + xml));
        }
        // MuJoCo only sees the in-memory copy of the scene's folder (the sidecar skips symlinks in it), but the scene
        // itself is read by path: one that is a symlink to a file elsewhere is refused, not loaded.
        if (ReadScope.of(xml.getParent()).check(xml) instanceof ReadScope.Verdict.Outside o) {
            return Served.unserved(new SimulationOutcome.LoadFailed("scene file is not read: " + o.why() + "; " + ReadScope.fix()));
        }
        ObjectNode req = SidecarProcess.Json.MAPPER.createObjectNode();
        req.put("op", "simulate");
        req.put("xml_path", xml.toString());
        req.put("assets_dir", xml.getParent().toString());
        if (bundle != null) {
            Path root = bundle.root();
            req.put("files_root", root.toString());
            var files = req.putArray("files");
            for (var f : bundle.files()) {
                // a file named by absolute path goes exactly there ("at"): MuJoCo opens that path wherever the model is
                var file = files.addObject().put("abs", f.real().toString());
                if (f.absolute()) file.put("at", f.path().toString());
                else file.put("rel", root.relativize(f.path()).toString());
            }
        }
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
            synchronized (this) {
                answer = process.request(req);
            }
        } catch (SidecarProcess.UnavailableException e) {
            return Served.unserved(new SimulationOutcome.Unavailable(e.getMessage()));
        }
        return new Served(toOutcome(answer, limits), answer.path("pid").asLong(0),
                answer.path("served_from_ms").asLong(0), answer.path("served_until_ms").asLong(0));
    }

    /**
     * Plays a task's solution in {@code sceneXml} (the sidecar's {@code evaluate} request: {@code request} carries the
     * subject, zones, controls and schedule; the scene's path and folder are added here) and returns the raw answer,
     * or empty with {@code unavailable} told why when the engine cannot run.
     */
    @Override
    public Optional<JsonNode> evaluate(Path sceneXml, ObjectNode request, java.util.function.Consumer<String> unavailable) {
        Path xml = sceneXml.toAbsolutePath().normalize();
        ObjectNode req = request.deepCopy();
        req.put("op", "evaluate");
        req.put("xml_path", xml.toString());
        req.put("assets_dir", xml.getParent().toString());
        try {
            synchronized (this) {
                return Optional.of(process.request(req));
            }
        } catch (SidecarProcess.UnavailableException e) {
            unavailable.accept(e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public Optional<SimulationOutcome> stability(JsonNode answer, SimulationLimits limits) {
        JsonNode s = answer.path("stability");
        return answer.path("ok").asBoolean(false) && s.path("ok").asBoolean(false) ? Optional.of(toOutcome(s, limits)) : Optional.empty();
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

    private synchronized SimulationReport report(JsonNode a, SimulationLimits limits) {
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
                "MuJoCo " + a.path("mujoco_version").asText(process.mujocoVersion()),
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
                a.path("wall_ms").asDouble(),
                List.of()); // MuJoCo itself: nothing approximated
    }

    /** JSON has no NaN/Infinity: the sidecar writes null for non-finite numbers. */
    private static double number(JsonNode n) {
        return n.isNumber() ? n.asDouble() : Double.NaN;
    }

    /** Asks the sidecar to exit, and makes sure it has. A later request starts a new one. */
    @Override
    public synchronized void close() {
        process.close();
    }
}
