package dev.scenarist.packs.mechanisms.internal.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scenarist.packs.mechanisms.internal.design.DesignedScene;
import dev.scenarist.packs.mechanisms.internal.design.PartBudget;
import dev.scenarist.packs.mechanisms.internal.design.PartCheck;
import dev.scenarist.packs.mechanisms.internal.sim.Simulator;
import dev.scenarist.packs.mechanisms.scene.Control;
import dev.scenarist.packs.mechanisms.scene.Solution;
import dev.scenarist.packs.mechanisms.scene.Task;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Plays a {@link Solution} of a {@link Task} in MuJoCo for the task's time limit and judges it. Only MuJoCo judges
 * tasks: the ode4j fallback approximates contacts, and a benchmark's verdict must be the one its users will see.
 */
public final class TaskPlayer {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Simulator simulator;

    public TaskPlayer(Simulator simulator) {
        this.simulator = simulator;
    }

    public TaskPlay play(Path sceneXml, Task task, Solution solution) {
        if (!(simulator instanceof dev.scenarist.packs.mechanisms.internal.sim.TaskEvaluator mujoco)) {
            return new TaskPlay.Unavailable("tasks are judged in MuJoCo only, and the simulator is " + simulator.engine()
                    + ": install the sidecar (packs/mechanisms/src/main/resources/sidecar/install.sh) and Node.js");
        }
        ObjectNode request = request(task, solution);
        if (!solution.parts().isEmpty()) {
            // the scene with the parts goes to MuJoCo as text; the scene file itself never changes
            try {
                request.put("xml_text", DesignedScene.write(sceneXml, solution.parts()));
            } catch (DesignedScene.RefusedException e) {
                return new TaskPlay.Refused(e.getMessage());
            }
            ObjectNode design = request.putObject("design");
            solution.parts().forEach(p -> design.withArray("parts").add(p.name()));
            task.design().buildZones().forEach(z -> design.withArray("build_zones").add(z));
        }
        String[] why = {""};
        return mujoco.evaluate(sceneXml, request, r -> why[0] = r)
                .<TaskPlay>map(a -> judged(a, task, solution))
                .orElseGet(() -> new TaskPlay.Unavailable(why[0]));
    }

    static ObjectNode request(Task task, Solution solution) {
        ObjectNode r = JSON.createObjectNode();
        r.put("duration", task.timeLimit());
        r.putObject("subject").put("kind", task.subject().kind().name().toLowerCase(Locale.ROOT)).put("name", task.subject().name());
        r.put("goal", task.goalZone());
        ArrayNode forbid = r.putArray("forbid");
        task.forbidZones().forEach(forbid::add);
        r.put("hold", task.holdSeconds());
        r.put("planar", task.planar());
        ArrayNode controls = r.putArray("controls");
        for (Control c : task.controls()) {
            ObjectNode n = controls.addObject().put("name", c.name()).put("min", c.min()).put("max", c.max());
            switch (c) {
                case Control.Actuator a -> n.put("kind", "actuator");
                case Control.Push p -> {
                    n.put("kind", "push").put("body", p.body()).put("site", p.site());
                    n.putArray("direction").add(p.direction().x()).add(p.direction().y()).add(p.direction().z());
                }
            }
        }
        ArrayNode schedule = r.putArray("schedule");
        for (Solution.Command c : solution.schedule()) {
            schedule.addObject().put("t", c.t()).put("control", c.control()).put("mode", c.mode().name().toLowerCase(Locale.ROOT))
                    .put("value", c.value()).put("kp", c.kp()).put("kd", c.kd());
        }
        return r;
    }

    /** Judges an answer of the sidecar's evaluate for {@code solution}: a play made now, or one kept from before. */
    static TaskPlay judged(JsonNode a, Task task, Solution solution) {
        if (!a.path("ok").asBoolean(false)) {
            String msg = a.hasNonNull("load_error") ? "MuJoCo cannot load the scene: " + a.get("load_error").asText()
                    : a.hasNonNull("simulation_error") ? "MuJoCo failed while stepping: " + a.get("simulation_error").asText()
                    : "the MuJoCo sidecar refused the request: " + a.path("error").asText(a.toString());
            return new TaskPlay.Refused(msg);
        }
        Double achieved = optional(a, "hold_achieved_at");
        Double holdDepth = optional(a, "held_depth");
        JsonNode forbid = a.path("forbid_entered");
        Map<String, Double> effort = new LinkedHashMap<>();
        a.path("effort").fields().forEachRemaining(e -> effort.put(e.getKey(), e.getValue().asDouble()));
        double pushEffort = task.controls().stream().filter(c -> c instanceof Control.Push)
                .mapToDouble(c -> effort.getOrDefault(c.name(), 0.0)).sum();
        List<Double> fin = new ArrayList<>();
        a.path("final_position").forEach(x -> fin.add(x.asDouble()));
        Verdict.Measures m = new Verdict.Measures(
                new Verdict.Approach(a.path("initial_depth").asDouble(), a.path("best_depth").asDouble(),
                        a.path("best_depth_time").asDouble(), a.path("longest_hold").asDouble()),
                achieved == null ? null : new Verdict.Hold(achieved, holdDepth, task.timeLimit() - achieved),
                forbid.isObject() ? new Verdict.Forbid(forbid.path("zone").asText(), forbid.path("time").asDouble()) : null,
                new Verdict.Effort(effort, pushEffort), fin, parts(a, task, solution));

        List<Verdict.Predicate> predicates = new ArrayList<>();
        predicates.add(new Verdict.Predicate("reach_goal", achieved != null, achieved != null
                ? String.format(Locale.ROOT, "%s inside %s for %.2f s from t=%.3f s (hold complete at %.3f s of %.2f s; held %.4f m inside)",
                        task.subject().name(), task.goalZone(), task.holdSeconds(), achieved - task.holdSeconds(), achieved, task.timeLimit(), holdDepth)
                : String.format(Locale.ROOT, "%s never inside %s for %.2f s before %.2f s: longest stay %.3f s, deepest %.4f m at t=%.3f s (negative: outside)",
                        task.subject().name(), task.goalZone(), task.holdSeconds(), task.timeLimit(), m.longestHold(), m.bestDepth(), m.bestDepthTime())));
        predicates.add(new Verdict.Predicate("avoid_forbidden", m.forbidZone() == null, m.forbidZone() == null
                ? "never inside " + (task.forbidZones().isEmpty() ? "a forbidden zone (none declared)" : String.join(", ", task.forbidZones()))
                : String.format(Locale.ROOT, "%s entered %s at t=%.3f s", task.subject().name(), m.forbidZone(), m.forbidEnteredAt())));
        if (task.effortBudget() > 0) {
            predicates.add(new Verdict.Predicate("effort_budget", pushEffort <= task.effortBudget(),
                    String.format(Locale.ROOT, "push effort %.3f N·s of %.3f N·s", pushEffort, task.effortBudget())));
        }
        if (task.design().allowsParts() || !solution.parts().isEmpty()) predicates.add(designPredicate(task, m.parts()));
        boolean nan = a.path("nan").asBoolean(false);
        predicates.add(new Verdict.Predicate("sound", !nan, nan
                ? String.format(Locale.ROOT, "the state became NaN at t=%.3f s", a.path("nan_first_time").asDouble()) : "the state stayed finite"));
        return new TaskPlay.Judged(new Verdict(predicates.stream().allMatch(Verdict.Predicate::met), predicates, m));
    }

    /** The budget checked here, and where MuJoCo found each part at t = 0 (the sidecar's "design" answer). */
    private static Verdict.Parts parts(JsonNode a, Task task, Solution solution) {
        List<PartCheck> checks = new ArrayList<>();
        for (JsonNode c : a.path("design")) {
            checks.add(new PartCheck(c.path("part").asText(), c.path("zone").asText(""), c.path("outside_by").asDouble(),
                    c.path("overlap_with").asText(""), c.path("overlap").asDouble()));
        }
        return new Verdict.Parts(PartBudget.of(task.design(), solution.parts()), checks);
    }

    private static Verdict.Predicate designPredicate(Task task, Verdict.Parts parts) {
        String budget = parts.budget().describe(task.design());
        String where = parts.checks().stream().map(PartCheck::describe).reduce((x, y) -> x + "; " + y).orElse("no parts");
        return new Verdict.Predicate("design", parts.ok(), budget + "; " + where);
    }

    private static Double optional(JsonNode a, String field) {
        JsonNode n = a.get(field);
        return n == null || n.isNull() ? null : n.asDouble();
    }
}
