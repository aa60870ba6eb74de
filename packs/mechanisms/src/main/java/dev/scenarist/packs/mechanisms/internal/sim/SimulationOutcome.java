package dev.scenarist.packs.mechanisms.internal.sim;

/**
 * What came of asking a {@link Simulator} to run a scene.
 *
 * <ul>
 *   <li>{@link Simulated}: the engine loaded the scene and ran it for the whole duration; the report holds the
 *       measurements (which may still show the scene is bad: see {@link SimulationReport#problems()}).</li>
 *   <li>{@link LoadFailed}: the engine rejected the scene (XML or compile error, unreadable mesh) — a bad scene.</li>
 *   <li>{@link SimulationFailed}: the scene loaded but could not be simulated for the duration (the engine raised an
 *       error while stepping, or the timestep needs more steps than the cap) — a bad scene.</li>
 *   <li>{@link Unavailable}: no engine to judge with (Node or the npm package missing, the sidecar died or hung) —
 *       an infrastructure problem that says nothing about the scene.</li>
 * </ul>
 */
public sealed interface SimulationOutcome {

    /** The scene loaded and was simulated for the whole duration. */
    record Simulated(SimulationReport report) implements SimulationOutcome {}

    /** The engine rejected the scene; {@code message} is the engine's own text (e.g. "XML Error: … line 5"). */
    record LoadFailed(String message) implements SimulationOutcome {}

    /** The scene loaded but the engine could not simulate it for the requested duration. */
    record SimulationFailed(String message) implements SimulationOutcome {}

    /** No engine could judge the scene; {@code reason} says why and how to fix it. */
    record Unavailable(String reason) implements SimulationOutcome {}

    /** True for the two outcomes that mean the scene itself is bad before any measurement is looked at. */
    default boolean rejected() {
        return this instanceof LoadFailed || this instanceof SimulationFailed;
    }
}
