package dev.scenarist.packs.mechanisms.internal.task;

import dev.scenarist.packs.mechanisms.scene.Scale;
import dev.scenarist.packs.mechanisms.scene.Solution;
import dev.scenarist.packs.mechanisms.scene.Task;
import dev.scenarist.packs.mechanisms.scene.Template;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The task files of one built variant, beside its {@code scene_<seed>.xml}: {@code task_<seed>.json},
 * {@code reference_<seed>.json} and, where the template declares one, {@code wrong_<seed>.json}. Written in the
 * sandbox by {@code TemplateMain}; a template that declares a task without a reference is refused there, loudly.
 */
public final class TaskFiles {
    private TaskFiles() {}

    public static String task(long seed) {
        return "task_" + seed + ".json";
    }

    public static String solution(String which, long seed) {
        return which + "_" + seed + ".json";
    }

    /**
     * The no-op play the simulation stage made (see {@link NoopPlayStability}): kept in the build folder, never in
     * the scenario, for the task proof to judge instead of playing it again.
     */
    public static String noopPlay(long seed) {
        return "noop-play_" + seed + ".json";
    }

    /** Writes the variant's task and solutions, if the template declares a task. */
    public static void write(Template template, long seed, Scale scale, Path out) throws IOException {
        Optional<Task> task = template.task(seed, scale);
        if (task.isEmpty()) return;
        Solution reference = template.reference(seed, scale).orElseThrow(() -> new IllegalStateException(
                "the template declares task(" + seed + ", " + scale + ") but reference(seed, scale) is empty:"
                        + " return a solution that passes the task, the proof that it can be done"));
        Files.writeString(out.resolve(task(seed)), TaskJson.task(task.get()), StandardCharsets.UTF_8);
        Files.writeString(out.resolve(solution("reference", seed)), TaskJson.solution(reference), StandardCharsets.UTF_8);
        Optional<Solution> wrong = template.wrong(seed, scale);
        if (wrong.isPresent()) Files.writeString(out.resolve(solution("wrong", seed)), TaskJson.solution(wrong.get()), StandardCharsets.UTF_8);
    }
}
