package dev.scenarist.packs.mechanisms.internal.sim;

import java.nio.file.Path;

/**
 * Loads an MJCF scene into a physics engine and simulates it for a while, measuring what the simulation checks judge
 * (speeds, NaN, warnings, initial interpenetration, bodies leaving the bounds).
 *
 * <p>The reference implementation is {@link MujocoSidecar} (real MuJoCo: the official WASM bindings in a Node
 * process). {@link dev.scenarist.packs.mechanisms.internal.sim.ode.OdeSimulator} is the pure-Java fallback for machines without
 * Node (its reports list what it approximates); {@link Simulators#preferred()} picks between them.
 *
 * <p>Implementations are thread-safe. They never throw for a bad scene or a missing engine: every result is a
 * {@link SimulationOutcome}. One that runs processes (MuJoCo's sidecars) stops them when closed; whoever made the
 * simulator closes it — the pack, when the application closes its packs at the end of a command.
 */
public interface Simulator extends AutoCloseable {

    /**
     * Loads {@code sceneXml} (assets such as meshes resolve against the file's folder, as in MuJoCo) and simulates
     * {@code limits.duration()} seconds at the model's own timestep.
     */
    SimulationOutcome simulate(Path sceneXml, SimulationLimits limits);

    /**
     * Simulates a model whose files may lie outside its own folder (an {@code <include>} or mesh in an allowed folder
     * beside it): an engine that reads from disk reads {@code bundle.xml()} as usual.
     */
    default SimulationOutcome simulate(ModelBundle bundle, SimulationLimits limits) {
        return simulate(bundle.xml(), limits);
    }

    /** The engine's name and version, e.g. "MuJoCo 3.14.0 (WASM, Node sidecar)". */
    String engine();

    /**
     * Starts the engine in the background, so that its start-up overlaps cheaper work and the next simulation finds
     * it ready. Nothing for an engine that has nothing to start; {@link #close()} also stops a start-up under way.
     */
    default void warmUp() {}

    /** A simulation asked for ahead of need: its outcome, waited for when it is needed. */
    @FunctionalInterface
    interface Ahead {
        SimulationOutcome outcome();
    }

    /**
     * Starts simulating {@code bundle} now, in the background where the engine runs elsewhere (MuJoCo's sidecars), so
     * that start-up, load and simulation overlap the cheaper checks instead of following them; an outcome nobody asks
     * for is dropped. The default simulates only when the outcome is asked for. {@link #close()} stops a simulation
     * still running ahead (its outcome is then {@link SimulationOutcome.Unavailable}).
     */
    default Ahead simulateAhead(ModelBundle bundle, SimulationLimits limits) {
        return () -> simulate(bundle, limits);
    }

    /** Stops what the engine runs (processes), waiting for them to exit; nothing for an engine in this JVM. */
    @Override
    default void close() {}
}
