package dev.scenarist.packs.mechanisms.internal.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An engine that can play a task's solution (real MuJoCo: one sidecar, or a pool of them). Tasks are judged in MuJoCo
 * only, so a simulator without this is not asked.
 */
public interface TaskEvaluator {
    /**
     * Plays a task's solution in {@code sceneXml} (the sidecar's {@code evaluate} request) and returns the raw answer,
     * or empty with {@code unavailable} told why when the engine cannot run.
     */
    Optional<JsonNode> evaluate(Path sceneXml, ObjectNode request, Consumer<String> unavailable);

    /**
     * The stability run an {@link #evaluate} answer measured: a no-op play asked with a {@code "stability"} block
     * (duration, speed limit, bounds: the limits) also reports its first seconds as {@link Simulator#simulate} would,
     * so the same start state is not loaded and stepped twice. Empty when the play did not measure it (the answer's
     * {@code stability_unmeasured} says why: commands, a control that cannot rest at 0, RK4, NaN in the window): the
     * caller then simulates.
     */
    Optional<SimulationOutcome> stability(JsonNode answer, SimulationLimits limits);
}
