package dev.scenarist.packs.mechanisms;

import dev.scenarist.packs.mechanisms.internal.sim.MujocoSidecar;
import dev.scenarist.packs.mechanisms.internal.sim.Simulators;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What the application tells the mechanisms pack about the machine, read once from its environment and passed down
 * as a value (the pack reads no environment): which engine simulates the variants, and where MuJoCo's Node sidecar
 * and Node.js are. The names below are the ones the application reads them from.
 *
 * @param simulator  {@code auto} (MuJoCo when Node.js and the sidecar's npm package are installed, else the pure-Java
 *                   ode4j fallback), or one forced ({@value #SIMULATOR_PROPERTY}, else {@value #SIMULATOR_ENV})
 * @param sidecarDir the MuJoCo sidecar folder: configured ({@value #SIDECAR_DIR_ENV}, else
 *                   {@value #SIDECAR_DIR_PROPERTY}) or {@link #locateSidecar located}; empty when none was found
 * @param node       the Node.js executable the sidecar runs ({@value #NODE_ENV}); empty for {@code node} on the PATH
 * @param searchPath the PATH on which {@code node} is looked for: the machine's, the one the sandbox and the
 *                   preflight use
 * @param sidecars   how many MuJoCo sidecar processes may simulate at once ({@value #SIDECARS_ENV}); 0 for one per
 *                   available processor. Each starts on first need, so a sequential caller starts only one.
 * @param wasm       how V8 compiles MuJoCo's WebAssembly in the sidecars ({@value #WASM_ENV})
 */
public record MechanismsSettings(SimulatorChoice simulator, Optional<Path> sidecarDir, Optional<String> node, String searchPath, int sidecars,
                                 WasmTiers wasm) {
    /** System property forcing the simulator: mujoco, ode or auto. */
    public static final String SIMULATOR_PROPERTY = "scenarist.simulator";
    /** Environment variable forcing the simulator when the system property is unset. */
    public static final String SIMULATOR_ENV = "SCENARIST_SIMULATOR";
    /** Environment variable naming the MuJoCo sidecar folder. */
    public static final String SIDECAR_DIR_ENV = "SCENARIST_MUJOCO_SIDECAR";
    /** System property naming the MuJoCo sidecar folder, when the environment variable is unset. */
    public static final String SIDECAR_DIR_PROPERTY = "scenarist.mujoco.sidecar";
    /** Environment variable naming the Node.js executable (default {@code node} on the PATH). */
    public static final String NODE_ENV = "SCENARIST_NODE";
    /** Environment variable: how many MuJoCo sidecars simulate at once (default one per available processor). */
    public static final String SIDECARS_ENV = "SCENARIST_MUJOCO_SIDECARS";
    /** Environment variable: {@code optimizing} (default) or {@code baseline}, see {@link WasmTiers}. */
    public static final String WASM_ENV = "SCENARIST_MUJOCO_WASM";
    /** The most sidecars a pool holds: each is a Node process with MuJoCo's WASM heap (tens of MB). */
    public static final int MAX_SIDECARS = 64;

    /** Which engine simulates the variants. */
    public enum SimulatorChoice {
        /** MuJoCo where it is installed, else the pure-Java fallback (whose reports say what it approximates). */
        AUTO,
        /** Real MuJoCo; where it is not installed, every simulation answers "unavailable", naming the fix. */
        MUJOCO,
        /** The pure-Java ode4j fallback. */
        ODE;

        /** Parses a {@value #SIMULATOR_PROPERTY} value: mujoco, ode (or ode4j), auto; null or blank is {@link #AUTO}. */
        public static SimulatorChoice parse(String value) {
            if (value == null || value.isBlank()) return AUTO;
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "auto" -> AUTO;
                case "mujoco" -> MUJOCO;
                case "ode", "ode4j" -> ODE;
                default -> throw new IllegalArgumentException(SIMULATOR_PROPERTY + " must be mujoco, ode or auto, got '" + value + "'");
            };
        }
    }

    /**
     * How V8 compiles MuJoCo's WebAssembly. Measured on 2 cores (Node 20): a short command (one Menagerie gripper
     * loaded and simulated for 1 s) spends more on tiering hot functions up to the optimizing compiler than it gains —
     * 1.3-1.6 s to load with tier-up, 0.65-0.7 s with the baseline compiler only; a campaign's task proofs (15 plays of
     * 2-10 simulated seconds per scenario) gain from it: the plays of 100 scenarios took 245 s (summed check time)
     * optimizing against 313-378 s baseline-only. The launcher picks {@link #BASELINE} for its short commands.
     */
    public enum WasmTiers {
        /** V8's default: the baseline compiler first, hot functions tiered up to the optimizing one. For long runs. */
        OPTIMIZING(List.of()),
        /** The baseline compiler only ({@code --liftoff-only}): for short runs, where tier-up never pays back. */
        BASELINE(List.of("--liftoff-only"));

        private final List<String> nodeFlags;

        WasmTiers(List<String> nodeFlags) {
            this.nodeFlags = nodeFlags;
        }

        /** The flags node gets before the sidecar script. */
        public List<String> nodeFlags() {
            return nodeFlags;
        }

        /** Parses a {@value #WASM_ENV} value: optimizing or baseline; null or blank is {@link #OPTIMIZING}. */
        public static WasmTiers parse(String value) {
            if (value == null || value.isBlank()) return OPTIMIZING;
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "optimizing" -> OPTIMIZING;
                case "baseline" -> BASELINE;
                default -> throw new IllegalArgumentException(WASM_ENV + " must be optimizing or baseline, got '" + value + "'");
            };
        }
    }

    /** The engine a {@link SimulatorChoice} comes to on this machine. */
    public enum Engine { MUJOCO, ODE }

    public MechanismsSettings {
        Objects.requireNonNull(simulator, "simulator");
        Objects.requireNonNull(sidecarDir, "sidecarDir");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(searchPath, "searchPath");
        Objects.requireNonNull(wasm, "wasm");
        node = node.filter(n -> !n.isBlank());
        if (sidecars < 0 || sidecars > MAX_SIDECARS) {
            throw new IllegalArgumentException(SIDECARS_ENV + " must be 0 (one per processor) to " + MAX_SIDECARS + ", got " + sidecars);
        }
    }

    /** Settings with one sidecar per available processor. */
    public MechanismsSettings(SimulatorChoice simulator, Optional<Path> sidecarDir, Optional<String> node, String searchPath) {
        this(simulator, sidecarDir, node, searchPath, 0, WasmTiers.OPTIMIZING);
    }

    /** Settings with V8's default (optimizing) WebAssembly tiers. */
    public MechanismsSettings(SimulatorChoice simulator, Optional<Path> sidecarDir, Optional<String> node, String searchPath, int sidecars) {
        this(simulator, sidecarDir, node, searchPath, sidecars, WasmTiers.OPTIMIZING);
    }

    /** How many sidecars the pool holds: {@link #sidecars()}, or the available processors when that is 0. */
    public int sidecarPoolSize() {
        return sidecars > 0 ? sidecars : Math.max(1, Math.min(MAX_SIDECARS, Runtime.getRuntime().availableProcessors()));
    }

    /** MuJoCo forced, from the sidecar in {@code sidecarDir}, run by {@code node} on the PATH of the process. */
    public static MechanismsSettings mujoco(Path sidecarDir) {
        return new MechanismsSettings(SimulatorChoice.MUJOCO, Optional.of(sidecarDir), Optional.empty(), "");
    }

    /**
     * The sidecar folder found from {@code workingDir} when none is configured: the first installed one under it or
     * one of its parents ({@code packs/mechanisms/src/main/resources/sidecar} or {@code src/main/resources/sidecar}),
     * else the first one with the script but no npm package yet.
     */
    public static Optional<Path> locateSidecar(Path workingDir) {
        return MujocoSidecar.locate(workingDir);
    }

    /** The engine these settings come to on this machine, decided without starting anything. */
    public Engine engine() {
        return Simulators.decide(this).engine();
    }

    /** Why {@link #engine()} is what it is (for logs and diagnostics), e.g. "the ode4j fallback, because Node.js ('node') was not found". */
    public String engineReason() {
        return Simulators.decide(this).reason();
    }
}
