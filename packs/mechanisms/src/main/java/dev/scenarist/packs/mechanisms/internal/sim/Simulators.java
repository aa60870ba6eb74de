package dev.scenarist.packs.mechanisms.internal.sim;

import dev.scenarist.packs.mechanisms.internal.sim.ode.OdeSimulator;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Chooses the {@link Simulator}: real MuJoCo (the {@link MujocoSidecar}) where Node.js and the sidecar's npm package
 * are installed, the pure-Java {@link OdeSimulator} otherwise — whose reports list what it only approximates.
 *
 * <p>{@value #PROPERTY} (system property) or {@value #ENV} (environment variable, read when the property is unset)
 * forces the choice: {@code mujoco}, {@code ode}, or {@code auto} (the default). The application reads them and
 * passes the {@link #parse parsed} {@link Choice}; this class reads no environment. Forcing {@code mujoco} where it is not
 * installed gives the sidecar anyway, which answers {@link SimulationOutcome.Unavailable} naming the fix — the caller
 * asked for MuJoCo, and a silent substitute would misreport what judged the scene.
 *
 * <p>"Installed" is decided without starting anything: the sidecar folder (configured, or {@link MujocoSidecar#locate})
 * holds the
 * script and {@code node_modules/@mujoco/mujoco}, and {@code node} (or {@value MujocoSidecar#ENV_NODE}) is an
 * executable file, on the PATH or by path. A Node too old to run the sidecar still selects MuJoCo, whose first
 * request reports it.
 */
public final class Simulators {
    /** System property forcing the choice: mujoco, ode or auto. */
    public static final String PROPERTY = "scenarist.simulator";
    /** Environment variable forcing the choice when the system property is unset. */
    public static final String ENV = "SCENARIST_SIMULATOR";

    /** Which engine to use. */
    public enum Choice { AUTO, MUJOCO, ODE }

    /** The simulator chosen, and why (for logs and `--help`-style diagnostics). */
    public record Selection(Simulator simulator, String reason) {}

    private Simulators() {}

    /**
     * The simulator and the reason for the choice.
     *
     * @param sidecarDir the configured or located sidecar folder, if any
     * @param env the application's environment, looked up for PATH and {@value MujocoSidecar#ENV_NODE} (the node the
     *            chosen sidecar runs, so what is checked here is what runs)
     */
    public static Selection select(Choice choice, Optional<Path> sidecarDir, Function<String, String> env) {
        String node = node(env);
        Optional<String> missing = mujocoMissing(sidecarDir, node, env.apply("PATH"));
        return switch (choice) {
            case MUJOCO -> new Selection(sidecar(sidecarDir, node), "MuJoCo forced by " + PROPERTY + "/" + ENV
                    + missing.map(m -> " (but " + m + ")").orElse(""));
            case ODE -> new Selection(new OdeSimulator(), "the ode4j fallback forced by " + PROPERTY + "/" + ENV);
            case AUTO -> missing.isEmpty()
                    ? new Selection(sidecar(sidecarDir, node), "MuJoCo: Node.js and the sidecar package are installed")
                    : new Selection(new OdeSimulator(), "the ode4j fallback, because " + missing.get());
        };
    }

    /** Parses a {@value #PROPERTY} value; null or blank is {@link Choice#AUTO}. */
    public static Choice parse(String value) {
        if (value == null || value.isBlank()) {
            return Choice.AUTO;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "auto" -> Choice.AUTO;
            case "mujoco" -> Choice.MUJOCO;
            case "ode", "ode4j" -> Choice.ODE;
            default -> throw new IllegalArgumentException(PROPERTY + " must be mujoco, ode or auto, got '" + value
                    + "'");
        };
    }

    private static MujocoSidecar sidecar(Optional<Path> dir, String node) {
        return new MujocoSidecar(dir.orElse(Path.of(MujocoSidecar.REPO_RELATIVE_DIR)), node,
                MujocoSidecar.DEFAULT_REQUEST_TIMEOUT, MujocoSidecar.DEFAULT_STARTUP_TIMEOUT);
    }

    private static String node(Function<String, String> env) {
        String node = env.apply(MujocoSidecar.ENV_NODE);
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
