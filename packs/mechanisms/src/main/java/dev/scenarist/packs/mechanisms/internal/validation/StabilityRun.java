package dev.scenarist.packs.mechanisms.internal.validation;

import dev.scenarist.packs.mechanisms.internal.sim.SimulationLimits;
import dev.scenarist.packs.mechanisms.internal.sim.SimulationOutcome;
import dev.scenarist.packs.mechanisms.internal.sim.Simulator;
import java.nio.file.Path;

/**
 * How the simulation stage gets one built variant's stability run (the limits' duration from the scene's start
 * state): simulated on its own, or measured by a play that starts from the same state anyway (the task's no-op play,
 * see {@code task.NoopPlayStability}), so MuJoCo loads and steps the scene once instead of twice.
 */
public interface StabilityRun {
    /** The stability outcome of {@code v}'s scene in the build {@code folder}. */
    SimulationOutcome run(Path folder, VariantFiles v);

    /** The scene simulated on its own: what every stability run was before the no-op play answered it. */
    static StabilityRun simulated(Simulator simulator, SimulationLimits limits) {
        return (folder, v) -> simulator.simulate(folder.resolve(v.scene()), limits);
    }
}
