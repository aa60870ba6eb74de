package dev.scenarist.packs.mechanisms.internal.task;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.scenarist.core.files.AtomicFile;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.model.Json;
import dev.scenarist.packs.mechanisms.internal.validation.StageReport;
import dev.scenarist.packs.mechanisms.internal.validation.TemplateBuild;
import dev.scenarist.packs.mechanisms.internal.validation.VariantFiles;
import dev.scenarist.packs.mechanisms.scene.Solution;
import dev.scenarist.packs.mechanisms.scene.Task;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Proves every simulated variant's task in MuJoCo (see {@link TaskProof}) and keeps the proofs in the build folder's
 * {@value #FILE}, so a resumed run and the export read the same numbers. Findings name the variant, the solution and
 * the predicate with what was measured.
 */
public final class TaskProofStage {
    public static final String FILE = "task-proof.json";

    private final TaskPlayer player;
    /** Why MuJoCo could not play, once it could not: the stage then stops, unrecorded, to run again next time. */
    private String unavailable = "";

    public TaskProofStage(TaskPlayer player) {
        this.player = player;
    }

    /** The proofs of the variants that passed simulation; empty with the reason when MuJoCo cannot run. */
    public Result run(TemplateBuild build, StageReport simulation) {
        Path cache = build.folder().resolve(FILE);
        if (Files.exists(cache)) return new Result.Proven(read(cache));
        List<TaskProof> proofs = new ArrayList<>();
        for (VariantFiles v : build.report().variants()) {
            if (simulation.variants().stream().noneMatch(x -> x.seed() == v.seed() && x.passed())) continue;
            Optional<TaskProof> p = prove(build.folder(), v);
            if (p.isEmpty()) return new Result.Unavailable(unavailable);
            proofs.add(p.get());
        }
        try {
            AtomicFile.write(cache, Json.pretty(proofs).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + cache, e);
        }
        return new Result.Proven(proofs);
    }

    /** What the stage gives: the proofs, or why MuJoCo could not run (an infrastructure error, not a verdict). */
    public sealed interface Result {
        record Proven(List<TaskProof> proofs) implements Result {}

        record Unavailable(String reason) implements Result {}
    }

    private Optional<TaskProof> prove(Path folder, VariantFiles v) {
        Path taskFile = folder.resolve(TaskFiles.task(v.seed()));
        if (!Files.exists(taskFile)) {
            return Optional.of(new TaskProof(v.seed(), v.scale(), false, List.of(Finding.warning("TASK_MISSING",
                    "the scene has no task: nothing says what counts as success", "template.java",
                    v.label() + "; implement task(seed, scale) and reference(seed, scale)")), null));
        }
        Path scene = folder.resolve(v.scene());
        List<Finding> findings = new ArrayList<>();
        Task task;
        Solution reference;
        Optional<Solution> wrong;
        try {
            task = TaskReader.task(read(taskFile.toString(), taskFile), taskFile.getFileName().toString());
            Path ref = folder.resolve(TaskFiles.solution("reference", v.seed()));
            reference = TaskReader.solution(read(ref.toString(), ref), ref.getFileName().toString(), task);
            Path w = folder.resolve(TaskFiles.solution("wrong", v.seed()));
            wrong = Files.exists(w) ? Optional.of(TaskReader.solution(read(w.toString(), w), w.getFileName().toString(), task)) : Optional.empty();
        } catch (TaskFormatException e) {
            findings.add(Finding.error("TASK_INVALID", e.getMessage(), "template.java", v.label()));
            return Optional.of(new TaskProof(v.seed(), v.scale(), true, findings, null));
        }
        Verdict ref = judge(scene, task, reference, "reference", v, findings);
        if (ref == null && !unavailable.isEmpty()) return Optional.empty();
        // the simulation stage's stability run was this very play when it could be (NoopPlayStability): judged, not replayed
        Optional<JsonNode> kept = NoopPlayStability.kept(folder, v.seed());
        Verdict noop = kept.isPresent() ? judge(TaskPlayer.judged(kept.get(), task, Solution.none()), "noop", v, findings)
                : judge(scene, task, Solution.none(), "noop", v, findings);
        if (noop == null && !unavailable.isEmpty()) return Optional.empty();
        Verdict bad = null;
        if (wrong.isPresent()) {
            bad = judge(scene, task, wrong.get(), "wrong", v, findings);
            if (bad == null && !unavailable.isEmpty()) return Optional.empty();
        }
        if (ref != null && !ref.passed()) {
            ref.predicates().stream().filter(p -> !p.met()).forEach(p -> findings.add(Finding.error("TASK_REFERENCE_FAILS",
                    "the reference solution fails predicate " + p.name() + ": " + p.measured(), "template.java",
                    v.label() + "; make reference(seed, scale) solve the task, or the task reachable")));
        }
        if (noop != null && noop.passed()) {
            findings.add(Finding.error("TASK_TRIVIAL", "doing nothing passes the task (reach_goal: " + noop.predicate("reach_goal").measured() + ")",
                    "template.java", v.label() + "; place the subject or the goal so that it must be moved there"));
        }
        if (noop != null && noop.measures().initialDepth() > 0) {
            findings.add(Finding.error("TASK_STARTS_IN_GOAL", String.format(java.util.Locale.ROOT,
                    "%s starts %.4f m inside %s: the initial position already satisfies the objective", task.subject().name(),
                    noop.measures().initialDepth(), task.goalZone()), "template.java", v.label() + "; move the goal zone away from the start"));
        }
        if (bad != null && bad.passed()) {
            findings.add(Finding.error("TASK_WRONG_PASSES", "the declared wrong solution passes the task (reach_goal: "
                    + bad.predicate("reach_goal").measured() + ")", "template.java",
                    v.label() + "; tighten the goal or the hold, or declare a wrong solution that is wrong"));
        }
        return Optional.of(new TaskProof(v.seed(), v.scale(), true, findings, new TaskProof.Plays(ref, noop, bad)));
    }

    private Verdict judge(Path scene, Task task, Solution s, String which, VariantFiles v, List<Finding> findings) {
        return judge(player.play(scene, task, s), which, v, findings);
    }

    private Verdict judge(TaskPlay play, String which, VariantFiles v, List<Finding> findings) {
        return switch (play) {
            case TaskPlay.Judged j -> j.verdict();
            case TaskPlay.Refused r -> {
                findings.add(Finding.error("TASK_NOT_PLAYED", "the " + which + " solution could not be played: " + r.message(),
                        "template.java", v.label() + "; every control must name an actuator, body or site of the scene"));
                yield null;
            }
            case TaskPlay.Unavailable u -> {
                unavailable = u.reason();
                yield null;
            }
        };
    }

    public static List<TaskProof> read(Path file) {
        return Json.read(read(file.toString(), file), new TypeReference<List<TaskProof>>() {});
    }

    private static String read(String name, Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
