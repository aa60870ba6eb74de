package dev.scenarist.packs.mechanisms.internal.sim;

import dev.scenarist.packs.mechanisms.MechanismsSettings;
import dev.scenarist.packs.mechanisms.MechanismsSettings.Engine;
import dev.scenarist.packs.mechanisms.MechanismsSettings.SimulatorChoice;
import dev.scenarist.packs.mechanisms.internal.sim.ode.OdeSimulator;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Chooses the {@link Simulator}: real MuJoCo (the {@link MujocoSidecar}) where Node.js and the sidecar's npm package
 * are installed, the pure-Java {@link OdeSimulator} otherwise — whose reports list what it only approximates.
 *
 * <p>The application reads what forces the choice ({@link MechanismsSettings#SIMULATOR_PROPERTY},
 * {@link MechanismsSettings#SIMULATOR_ENV}) and passes it in {@link MechanismsSettings}; this class reads no
 * environment. Forcing {@code mujoco} where it is not installed gives the sidecar anyway, which answers
 * {@link SimulationOutcome.Unavailable} naming the fix — the caller asked for MuJoCo, and a silent substitute would
 * misreport what judged the scene.
 *
 * <p>"Installed" is decided without starting anything: the sidecar folder (configured, or {@link MujocoSidecar#locate})
 * holds the script and {@code node_modules/@mujoco/mujoco}, and {@code node} (or
 * {@value MechanismsSettings#NODE_ENV}) is an executable file, on the PATH or by path. A Node too old to run the
 * sidecar still selects MuJoCo, whose first request reports it.
 */
public final class Simulators {
    /** The simulator chosen, and why (for logs and `--help`-style diagnostics). */
    public record Selection(Simulator simulator, String reason) {}

    /** The engine chosen, and why, before anything is built or started. */
    public record Decision(Engine engine, String reason) {}

    private Simulators() {}

    /** The simulator {@code settings} select. */
    public static Selection select(MechanismsSettings settings) {
        return select(settings.simulator(), settings.sidecarDir(), env(settings), settings.sidecarPoolSize());
    }

    /** The engine {@code settings} select, decided without building or starting a simulator. */
    public static Decision decide(MechanismsSettings settings) {
        return decide(settings.simulator(), settings.sidecarDir(), env(settings));
    }

    /**
     * The simulator and the reason for the choice.
     *
     * @param sidecarDir the configured or located sidecar folder, if any
     * @param env the application's environment, looked up for PATH and {@value MechanismsSettings#NODE_ENV} (the node
     *            the chosen sidecar runs, so what is checked here is what runs)
     */
    public static Selection select(SimulatorChoice choice, Optional<Path> sidecarDir, Function<String, String> env) {
        return select(choice, sidecarDir, env, 1);
    }

    /**
     * As {@link #select(SimulatorChoice, Optional, Function)}, MuJoCo being a {@link MujocoSidecarPool} of
     * {@code sidecars} processes, so that as many simulations run at once.
     */
    public static Selection select(SimulatorChoice choice, Optional<Path> sidecarDir, Function<String, String> env, int sidecars) {
        Decision d = decide(choice, sidecarDir, env);
        Path dir = sidecarDir.orElse(Path.of(MujocoSidecar.REPO_RELATIVE_DIR));
        String node = node(env);
        List<String> nodeFlags = MechanismsSettings.WasmTiers.parse(env.apply(MechanismsSettings.WASM_ENV)).nodeFlags();
        return new Selection(switch (d.engine()) {
            case MUJOCO -> new MujocoSidecarPool(sidecars, () -> new MujocoSidecar(dir, node, nodeFlags,
                    MujocoSidecar.DEFAULT_REQUEST_TIMEOUT, MujocoSidecar.DEFAULT_STARTUP_TIMEOUT));
            case ODE -> new OdeSimulator();
        }, d.reason() + (d.engine() == Engine.MUJOCO ? " (" + sidecars + " sidecar(s) in parallel)" : ""));
    }

    static Decision decide(SimulatorChoice choice, Optional<Path> sidecarDir, Function<String, String> env) {
        String node = node(env);
        Optional<String> missing = mujocoMissing(sidecarDir, node, env.apply("PATH"));
        String forcedBy = MechanismsSettings.SIMULATOR_PROPERTY + "/" + MechanismsSettings.SIMULATOR_ENV;
        return switch (choice) {
            case MUJOCO -> new Decision(Engine.MUJOCO, "MuJoCo forced by " + forcedBy + missing.map(m -> " (but " + m + ")").orElse(""));
            case ODE -> new Decision(Engine.ODE, "the ode4j fallback forced by " + forcedBy);
            case AUTO -> missing.isEmpty()
                    ? new Decision(Engine.MUJOCO, "MuJoCo: Node.js and the sidecar package are installed")
                    : new Decision(Engine.ODE, "the ode4j fallback, because " + missing.get());
        };
    }

    private static Function<String, String> env(MechanismsSettings settings) {
        return k -> switch (k) {
            case "PATH" -> settings.searchPath();
            case MechanismsSettings.NODE_ENV -> settings.node().orElse(null);
            case MechanismsSettings.WASM_ENV -> settings.wasm().name();
            default -> null;
        };
    }

    private static String node(Function<String, String> env) {
        String node = env.apply(MechanismsSettings.NODE_ENV);
        return node == null || node.isBlank() ? MujocoSidecar.DEFAULT_NODE : node;
    }

    /** Why MuJoCo cannot run here, or empty when it looks installed. */
    private static Optional<String> mujocoMissing(Optional<Path> dir, String node, String path) {
        if (dir.isEmpty()) {
            return Optional.of("the MuJoCo sidecar folder (" + MujocoSidecar.REPO_RELATIVE_DIR + ") was not found");
        }
        if (!MujocoSidecar.isInstalled(dir.get())) {
            return Optional.of("the sidecar's npm package is not installed in " + dir.get() + " (run install.sh)");
        }
        return executable(node, path) ? Optional.empty()
                : Optional.of("Node.js ('" + node + "') was not found");
    }

    private static boolean executable(String command, String path) {
        try {
            if (command.contains("/") || command.contains(File.separator)) {
                return Files.isExecutable(Path.of(command));
            }
            if (path == null) {
                return false;
            }
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isBlank() && Files.isExecutable(Path.of(dir, command))) {
                    return true;
                }
            }
        } catch (InvalidPathException e) {
            return false;
        }
        return false;
    }
}
