package dev.scenarist.packs.mechanisms.internal.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scenarist.core.files.AtomicFile;
import dev.scenarist.core.model.Json;
import dev.scenarist.packs.mechanisms.internal.sim.SimulationLimits;
import dev.scenarist.packs.mechanisms.internal.sim.SimulationOutcome;
import dev.scenarist.packs.mechanisms.internal.sim.Simulator;
import dev.scenarist.packs.mechanisms.internal.sim.TaskEvaluator;
import dev.scenarist.packs.mechanisms.internal.validation.StabilityRun;
import dev.scenarist.packs.mechanisms.internal.validation.VariantFiles;
import dev.scenarist.packs.mechanisms.scene.Solution;
import dev.scenarist.packs.mechanisms.scene.Task;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The stability run of a variant with a task, answered by the task's no-op play: both start from the scene's initial
 * state and apply nothing, so MuJoCo steps them identically, and the play (task time limit ≥ the stability duration)
 * measures its first seconds as {@code simulate} would. One sidecar request instead of two per variant; the play's
 * answer is kept in the build folder ({@link TaskFiles#noopPlay}) for {@link TaskProofStage}, which judges it
 * instead of playing it again. Every check still applies to the same numbers: where the play cannot stand in (no
 * task, an unreadable task, a task shorter than the run, the sidecar declining — see
 * {@link TaskEvaluator#stability}), the scene is simulated on its own as before.
 */
public final class NoopPlayStability implements StabilityRun {
    private final Simulator simulator;
    private final SimulationLimits limits;
    private final StabilityRun simulated;

    public NoopPlayStability(Simulator simulator, SimulationLimits limits) {
        this.simulator = simulator;
        this.limits = limits;
        this.simulated = StabilityRun.simulated(simulator, limits);
    }

    @Override
    public SimulationOutcome run(Path folder, VariantFiles v) {
        if (!(simulator instanceof TaskEvaluator mujoco)) return simulated.run(folder, v);
        Optional<Task> task = task(folder, v.seed());
        if (task.isEmpty() || task.get().timeLimit() < limits.duration()) return simulated.run(folder, v);
        ObjectNode request = TaskPlayer.request(task.get(), Solution.none());
        ObjectNode stability = request.putObject("stability").put("duration", limits.duration()).put("speed_limit", limits.speedLimit());
        if (limits.bounds() != null) {
            SimulationLimits.Bounds b = limits.bounds();
            ObjectNode bounds = stability.putObject("bounds");
            bounds.putArray("min").add(b.minX()).add(b.minY()).add(b.minZ());
            bounds.putArray("max").add(b.maxX()).add(b.maxY()).add(b.maxZ());
        }
        String[] why = {""};
        Optional<JsonNode> answer = mujoco.evaluate(folder.resolve(v.scene()), request, r -> why[0] = r);
        if (answer.isEmpty()) return new SimulationOutcome.Unavailable(why[0]);
        Optional<SimulationOutcome> measured = mujoco.stability(answer.get(), limits);
        if (measured.isEmpty()) return simulated.run(folder, v);
        keep(folder.resolve(TaskFiles.noopPlay(v.seed())), answer.get());
        return measured.get();
    }

    /** The no-op play this stage already made of the variant, if any: its raw answer, as the sidecar gave it. */
    static Optional<JsonNode> kept(Path folder, long seed) {
        Path file = folder.resolve(TaskFiles.noopPlay(seed));
        if (!Files.isRegularFile(file)) return Optional.empty();
        try {
            return Optional.of(Json.mapper().readTree(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static Optional<Task> task(Path folder, long seed) {
        Path file = folder.resolve(TaskFiles.task(seed));
        if (!Files.isRegularFile(file)) return Optional.empty();
        try {
            return Optional.of(TaskReader.task(Files.readString(file, StandardCharsets.UTF_8), file.getFileName().toString()));
        } catch (TaskFormatException e) {
            return Optional.empty(); // the task proof reports it; the stability run does not depend on it
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Written whole, before the stage's report, so a resumed run never judges half an answer. */
    private static void keep(Path file, JsonNode answer) {
        try {
            AtomicFile.write(file, answer.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
