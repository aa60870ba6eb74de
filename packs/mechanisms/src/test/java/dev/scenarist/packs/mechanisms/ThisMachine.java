package dev.scenarist.packs.mechanisms;

import dev.scenarist.sandbox.BubblewrapSandbox;
import dev.scenarist.packs.mechanisms.internal.sim.MujocoSidecar;
import java.nio.file.Path;
import java.util.Optional;

/**
 * This test JVM's environment, read here as the application reads its own (once, in its startup) and handed to the
 * code under test, which reads none itself. The sandbox's part is the sandbox module's shared
 * {@link dev.scenarist.sandbox.testing.ThisMachine}; this adds the JDK and the MuJoCo sidecar.
 */
public final class ThisMachine {
    /** The JVM's temporary folder: sandbox scratch folders and, as root, the uid locks shared with other JVMs. */
    public static final Path TMP_DIR = dev.scenarist.sandbox.testing.ThisMachine.TMP_DIR;
    /** The JDK running the tests. */
    public static final Path JAVA_HOME = Path.of(System.getProperty("java.home"));

    private ThisMachine() {}

    /** The PATH, with the system folders where bwrap lives appended in case it lacks them. */
    public static String searchPath() {
        return dev.scenarist.sandbox.testing.ThisMachine.searchPath();
    }

    /**
     * The MuJoCo sidecar folder as the application finds it: {@value MechanismsSettings#SIDECAR_DIR_ENV}, else
     * {@value MechanismsSettings#SIDECAR_DIR_PROPERTY}, else looked for from the working directory up.
     */
    public static Optional<Path> sidecarDir() {
        for (String configured : new String[] {System.getenv(MechanismsSettings.SIDECAR_DIR_ENV), System.getProperty(MechanismsSettings.SIDECAR_DIR_PROPERTY)}) {
            if (configured != null && !configured.isBlank()) return Optional.of(Path.of(configured).toAbsolutePath().normalize());
        }
        return MujocoSidecar.locate(Path.of("").toAbsolutePath());
    }

    /**
     * A sidecar at {@link #sidecarDir()} run by {@value MechanismsSettings#NODE_ENV} (default {@code node}); when no folder is
     * found, one at the repository-relative default, which answers {@code Unavailable} naming the fix.
     */
    public static MujocoSidecar mujoco() {
        String node = System.getenv(MechanismsSettings.NODE_ENV);
        return new MujocoSidecar(sidecarDir().orElse(Path.of(MujocoSidecar.REPO_RELATIVE_DIR)),
                node == null || node.isBlank() ? MujocoSidecar.DEFAULT_NODE : node,
                MujocoSidecar.DEFAULT_REQUEST_TIMEOUT, MujocoSidecar.DEFAULT_STARTUP_TIMEOUT);
    }

    /** The confined sandbox as the application would locate it on this machine. */
    public static BubblewrapSandbox sandbox() {
        return dev.scenarist.sandbox.testing.ThisMachine.sandbox();
    }
}
