package dev.scenarist.packs.mechanisms;

import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.model.Finding;
import dev.scenarist.packs.mechanisms.internal.checks.MujocoSimulationCheck;
import dev.scenarist.packs.mechanisms.internal.mesh.MeshChecker;
import dev.scenarist.packs.mechanisms.internal.mjcf.MjcfValidator;
import dev.scenarist.packs.mechanisms.internal.sim.SimulationLimits;
import dev.scenarist.packs.mechanisms.internal.sim.Simulator;
import dev.scenarist.packs.mechanisms.internal.sim.Simulators;
import java.nio.file.Path;
import java.util.List;

/**
 * The pack's checks of finished scene files, one file at a time and outside any run: strict static MJCF validation,
 * the mesh checks of one binary STL, and a simulation of a chosen length — the same code every variant of a run and
 * {@code scenarist validate --pack mechanisms scene.xml} go through. For tools that measure or reuse the checks
 * (the stage benchmark of {@code bench/mechanisms.sh}); the application wires {@link MechanismsPack} instead.
 *
 * <p>Closing it stops the simulator's process, if it has one (MuJoCo's Node sidecar).
 */
public final class SceneChecks implements AutoCloseable {
    private final Simulator simulator;
    private final MjcfValidator validator = new MjcfValidator();

    /** Checks with the simulator {@code settings} select; nothing starts before the first simulation. */
    public SceneChecks(MechanismsSettings settings) {
        this.simulator = Simulators.select(settings).simulator();
    }

    /** The simulating engine's name and version, e.g. "MuJoCo 3.14.0 (WASM, Node sidecar)". */
    public String engine() {
        return simulator.engine();
    }

    /** Strict static validation of {@code sceneXml} (schema, references, sizes, masses, mesh files), reading only its folder. */
    public List<Finding> validate(Path sceneXml) {
        return validator.validate(sceneXml);
    }

    /** Whether {@code stl} is watertight, manifold, consistently oriented, of positive volume and not self-intersecting. */
    public List<Finding> inspectMesh(Path stl) {
        return MeshChecker.exact().inspect(stl, stl.getFileName().toString()).findings();
    }

    /**
     * Loads {@code sceneXml} and simulates it for {@code seconds}, judged as a run judges its 1 s (NaN, warnings,
     * initial interpenetration, speeds over the limit of a 1 s run): passed, failed with the findings, or errored when
     * no engine is available. A tiny duration (one step) measures what loading the scene costs.
     */
    public CheckResult simulate(Path sceneXml, double seconds) {
        SimulationLimits run = SimulationLimits.defaults();
        SimulationLimits limits = new SimulationLimits(seconds, run.speedLimit(), run.bounds(), run.penetrationTolerance());
        return new MujocoSimulationCheck(simulator, limits).check(List.of(sceneXml.getFileName().toString()), name -> sceneXml);
    }

    @Override
    public void close() {
        simulator.close();
    }
}
