package dev.scenarist.packs.mechanisms;

import dev.scenarist.packs.mechanisms.internal.sim.Simulator;
import dev.scenarist.packs.mechanisms.internal.sim.Simulators;
import dev.scenarist.packs.mechanisms.internal.task.TaskFiles;
import dev.scenarist.packs.mechanisms.internal.task.TaskFormatException;
import dev.scenarist.packs.mechanisms.internal.task.TaskPlay;
import dev.scenarist.packs.mechanisms.internal.task.TaskPlayer;
import dev.scenarist.packs.mechanisms.internal.task.TaskReader;
import dev.scenarist.packs.mechanisms.internal.task.Verdict;
import dev.scenarist.packs.mechanisms.scene.Solution;
import dev.scenarist.packs.mechanisms.scene.Task;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The pack's API for playing a solution of an exported scenario's task in MuJoCo ({@code scenarist mechanisms play}).
 * The scenario is an exported folder ({@code scene_<seed>.xml} with {@code task_<seed>.json}) or one of its task
 * files; the solution is {@code reference}, {@code wrong} (the scenario's own), {@code noop} (nothing), or a solution
 * file ({@code solution.schema.json}).
 */
public final class MechanismsPlay {
    private static final Pattern TASK_FILE = Pattern.compile("task_(-?\\d+)\\.json");

    private MechanismsPlay() {}

    /** What to play: the scenario, which variant (empty: the only one, or the lowest seed), and which solution. */
    public record Request(Path scenario, OptionalLong seed, String solution) {}

    /** A verdict (lines for people, a document for {@code --json}), bad input (file:line and the fix), or no MuJoCo. */
    public sealed interface Outcome {
        record Judged(boolean passed, List<String> lines, Map<String, Object> json) implements Outcome {}

        record BadInput(String message) implements Outcome {}

        record Unavailable(String reason) implements Outcome {}
    }

    public static Outcome play(Request request, MechanismsSettings settings) {
        Path folder;
        long seed;
        try {
            Path s = request.scenario();
            if (!Files.exists(s)) return bad(s + " does not exist; give an exported mechanisms scenario folder or its task_<seed>.json");
            folder = Files.isDirectory(s) ? s : s.toAbsolutePath().getParent();
            Matcher named = TASK_FILE.matcher(s.getFileName().toString());
            if (!Files.isDirectory(s) && !named.matches()) return bad(s + " is not a task file (task_<seed>.json); give the scenario folder or its task file");
            List<Long> seeds = seeds(folder);
            if (seeds.isEmpty()) return bad(folder + " has no task_<seed>.json: it is not an exported scenario with a task (export it again with a template that declares task(seed, scale))");
            if (request.seed().isPresent()) seed = request.seed().getAsLong();
            else if (!Files.isDirectory(s)) seed = Long.parseLong(named.group(1));
            else seed = seeds.get(0);
            if (!seeds.contains(seed)) return bad("--seed " + seed + ": " + folder + " has tasks for seeds " + seeds);
        } catch (IOException e) {
            return bad("cannot read " + request.scenario() + ": " + e.getMessage());
        }
        Path taskFile = folder.resolve(TaskFiles.task(seed));
        Path scene = folder.resolve("scene_" + seed + ".xml");
        if (!Files.isRegularFile(scene)) return bad(scene + " is missing: the task plays in its scene");
        Task task;
        Solution solution;
        String solutionName;
        try {
            task = TaskReader.task(Files.readString(taskFile, StandardCharsets.UTF_8), taskFile.toString());
            switch (request.solution()) {
                case "noop" -> {
                    solution = Solution.none();
                    solutionName = "noop (every control stays 0)";
                }
                case "reference", "wrong" -> {
                    Path f = folder.resolve(TaskFiles.solution(request.solution(), seed));
                    if (!Files.isRegularFile(f)) return bad(f + " is missing: the scenario has no " + request.solution() + " solution for seed " + seed);
                    solution = TaskReader.solution(Files.readString(f, StandardCharsets.UTF_8), f.toString(), task);
                    solutionName = f.getFileName().toString();
                }
                default -> {
                    Path f = Path.of(request.solution());
                    if (!Files.isRegularFile(f)) return bad("--solution " + request.solution() + ": no such file; give reference, noop, wrong or a solution file (solution.schema.json)");
                    solution = TaskReader.solution(Files.readString(f, StandardCharsets.UTF_8), f.toString(), task);
                    solutionName = f.toString();
                }
            }
        } catch (TaskFormatException e) {
            return bad(e.getMessage());
        } catch (IOException e) {
            return bad("cannot read: " + e.getMessage());
        }
        try (Simulator simulator = Simulators.select(settings).simulator()) {
            return switch (new TaskPlayer(simulator).play(scene, task, solution)) {
                case TaskPlay.Unavailable u -> new Outcome.Unavailable(u.reason());
                case TaskPlay.Refused r -> bad(r.message());
                case TaskPlay.Judged j -> judged(j.verdict(), seed, scene, solutionName);
            };
        }
    }

    private static Outcome judged(Verdict v, long seed, Path scene, String solution) {
        List<String> lines = new ArrayList<>();
        lines.add((v.passed() ? "PASS" : "FAIL") + "  seed " + seed + " (" + scene.getFileName() + "), solution " + solution);
        for (Verdict.Predicate p : v.predicates()) {
            lines.add(String.format(Locale.ROOT, "  %-16s %-6s %s", p.name(), p.met() ? "met" : "MISSED", p.measured()));
        }
        Verdict.Measures m = v.measures();
        lines.add(String.format(Locale.ROOT, "  start depth %.4f m, deepest %.4f m at t=%.3f s, longest stay %.3f s", m.initialDepth(),
                m.bestDepth(), m.bestDepthTime(), m.longestHold()));
        if (m.holdDepth() != null) lines.add(String.format(Locale.ROOT, "  margin: held %.4f m inside the goal, %.3f s to spare", m.holdDepth(), m.timeToSpare()));
        m.effort().perControl().forEach((k, e) -> lines.add(String.format(Locale.ROOT, "  effort %s: %.4f (|value| x s)", k, e)));
        if (m.parts().budget().parts() > 0) {
            lines.add(String.format(Locale.ROOT, "  parts: %d, %.4f kg, %.6f m³%s", m.parts().budget().parts(), m.parts().budget().mass(),
                    m.parts().budget().volume(), m.parts().budget().within() ? "" : " - over budget: " + String.join("; ", m.parts().budget().exceeded())));
            m.parts().checks().forEach(c -> lines.add("  part " + (c.ok() ? "ok      " : "REFUSED ") + c.describe()));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("verdict", v.passed() ? "pass" : "fail");
        json.put("seed", seed);
        json.put("scene", scene.toString());
        json.put("solution", solution);
        json.put("predicates", v.predicates());
        Map<String, Object> measures = new LinkedHashMap<>();
        measures.put("initial_depth_m", m.initialDepth());
        measures.put("best_depth_m", m.bestDepth());
        measures.put("best_depth_time_s", m.bestDepthTime());
        measures.put("hold_achieved_at_s", m.holdAchievedAt());
        measures.put("held_depth_m", m.holdDepth());
        measures.put("time_to_spare_s", m.timeToSpare());
        measures.put("longest_hold_s", m.longestHold());
        measures.put("forbid_zone", m.forbidZone());
        measures.put("forbid_entered_at_s", m.forbidEnteredAt());
        measures.put("effort", m.effort().perControl());
        measures.put("final_position", m.finalPosition());
        measures.put("parts", m.parts());
        json.put("measures", measures);
        return new Outcome.Judged(v.passed(), lines, json);
    }

    private static List<Long> seeds(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> TASK_FILE.matcher(p.getFileName().toString())).filter(Matcher::matches)
                    .map(m -> Long.parseLong(m.group(1))).sorted().toList();
        }
    }

    private static Outcome bad(String message) {
        return new Outcome.BadInput(message);
    }
}
