package dev.scenarist.core.review;

import dev.scenarist.core.author.Author;
import dev.scenarist.core.author.AuthorReply;
import dev.scenarist.core.author.AuthorRequest;
import dev.scenarist.core.author.PermanentAuthorException;
import dev.scenarist.core.author.Throttle;
import dev.scenarist.core.campaign.Validation;
import dev.scenarist.core.engine.ApprovalGates;
import dev.scenarist.core.engine.EngineServices;
import dev.scenarist.core.engine.internal.PromptBuilder;
import dev.scenarist.core.engine.internal.ScenarioChecks;
import dev.scenarist.core.events.ScenaristEvent;
import dev.scenarist.core.files.AtomicFile;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.model.RejectReason;
import dev.scenarist.core.model.RunState;
import dev.scenarist.core.pack.Pack;
import dev.scenarist.core.pack.RunContext;
import dev.scenarist.core.pack.Stage;
import dev.scenarist.core.store.RunRecord;
import dev.scenarist.core.trajectory.RunFiles;
import dev.scenarist.core.workspace.EditPolicy;
import dev.scenarist.core.workspace.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What a person does with a paused run: look at the files of the reviewed stage, override the ones that stage may write,
 * re-run its checks on them, then approve (the caller continues the run) or reject it.
 *
 * <p>A person's edit goes where a resume reads from: the snapshot of the last passed stage (the workspace is rebuilt
 * from it when the run continues) and the workspace itself, each file replaced atomically. Every step is a {@code human}
 * event of the run's trajectory, committed with the run.
 */
public final class RunGates {
    /** The stage under review, its place in the pipeline, the kind of wait, and what it may write. */
    private record Reviewed(Stage stage, PausedRun.Pause pause, EditPolicy policy) {}

    private final EngineServices services;
    private final Function<String, Pack> packs;
    private final HumanSteps steps;

    /** {@code packs}: the pack of a name (throws if there is none). */
    public RunGates(EngineServices services, Function<String, Pack> packs) {
        this.services = services;
        this.packs = packs;
        this.steps = new HumanSteps(services);
    }

    /** The paused run, its reviewed stage and files. */
    public PausedRun paused(String runId) {
        RunRecord run = pausedRun(runId);
        Reviewed r = reviewed(run);
        Path base = base(run);
        List<GateFile> files = new ArrayList<>();
        for (String path : Workspace.list(base)) {
            Path file = base.resolve(path);
            long size = size(file);
            boolean editable = r.policy().allows(path);
            Optional<String> content = editable && size <= GateFile.MAX_EDITABLE_BYTES ? text(file) : Optional.empty();
            files.add(new GateFile(path, size, editable && content.isPresent(), content));
        }
        return new PausedRun(run, r.stage().name(), r.pause(), List.copyOf(r.policy().files()), files);
    }

    /**
     * Replaces one file the reviewed stage may write with a person's text (regions: only inside them), in the snapshot a
     * resume starts from and in the workspace; recorded in the trajectory with a diff summary.
     */
    public FileOverride override(String runId, String path, String content, String who) {
        RunRecord run = pausedRun(runId);
        Reviewed r = reviewed(run);
        String problem = Workspace.problemWithPath(path);
        if (problem != null) throw new ReviewRefusedException(ReviewRefusedException.Kind.INVALID, "path: " + problem);
        if (!r.policy().allows(path)) {
            throw new ReviewRefusedException(ReviewRefusedException.Kind.INVALID, "stage '" + r.stage().name() + "' may not write '" + path
                    + "', so it cannot be overridden here; editable: " + (r.policy().files().isEmpty() ? "nothing" : String.join(", ", r.policy().files())));
        }
        Path base = base(run);
        Workspace baseWs = new Workspace(base);
        List<Finding> violations = r.policy().decide(new TreeMap<>(Map.of(path, content)), baseWs).violations();
        if (!violations.isEmpty()) {
            throw new ReviewRefusedException(ReviewRefusedException.Kind.INVALID, violations.getFirst().renderForPeople());
        }
        Optional<String> before = baseWs.read(path);
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        RunFiles files = services.layout().run(run.id());
        try {
            // the snapshot first: it is what the run continues from; the workspace is rebuilt from it on resume anyway
            AtomicFile.write(baseWs.resolve(path), bytes);
            Workspace ws = files.workspace();
            if (!ws.root().equals(baseWs.root())) AtomicFile.write(ws.resolve(path), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + " of run " + run.id() + ": " + e.getMessage(), e);
        }
        LineDiff diff = LineDiff.between(before.orElse(""), content);
        var out = new FileOverride(run.id(), path, before.isEmpty(), !before.equals(Optional.of(content)), new FileOverride.Diff(diff.added(),
                diff.removed(), before.map(b -> (long) b.getBytes(StandardCharsets.UTF_8).length).orElse(0L), bytes.length));
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("stage", r.stage().name());
        d.put("file", path);
        d.put("created", out.created());
        d.put("changed", out.changed());
        d.put("lines_added", out.linesAdded());
        d.put("lines_removed", out.linesRemoved());
        d.put("bytes_before", out.diff().bytesBefore());
        d.put("bytes_after", out.diff().bytesAfter());
        steps.record(run, "edit", who, d);
        return out;
    }

    /**
     * Runs the reviewed stage's checks on the run's files as they are now (a scratch copy: checks change nothing) through
     * the engine's check loop — cheapest tier first, later tiers not run after a failed one, as the stage's gate — and
     * without a model: a judge that would ask one is not judged. Recorded in the trajectory.
     */
    public Recheck recheck(String runId, String who) throws InterruptedException {
        RunRecord run = pausedRun(runId);
        Reviewed r = reviewed(run);
        Path scratch;
        try {
            scratch = Files.createTempDirectory("scenarist-recheck-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path artifacts = scratch.resolveSibling(scratch.getFileName() + "-artifacts");
        List<Validation.CheckOutcome> out = new ArrayList<>();
        try {
            Workspace ws = new Workspace(scratch);
            Workspace.copyTree(base(run), scratch);
            var checks = new ScenarioChecks(services, NO_MODEL, Throttle.NONE);
            var ctx = new RunContext(run.id(), run.campaignId(), run.pack(), run.seed(), run.parameters());
            for (var c : checks.runAsGate(ctx, r.stage().name(), r.stage().checks(), ws, artifacts, run.progress().stageOutputs())) {
                out.add(c.result()
                        .map(res -> Validation.CheckOutcome.of(r.stage().name(), c.check().name(), c.check().tier(), res, services.redact()))
                        .orElseGet(() -> new Validation.CheckOutcome(r.stage().name(), c.check().name(), c.check().tier(),
                                Validation.Status.NOT_RUN, List.of(), Optional.empty())));
            }
        } finally {
            Workspace.deleteTree(scratch, true);
            Workspace.deleteTree(artifacts, true);
        }
        var recheck = new Recheck(run.id(), r.stage().name(), out);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("stage", r.stage().name());
        d.put("passed", recheck.passed());
        d.put("checks", out.stream().map(c -> Map.of("check", c.check(), "status", c.status().label(), "findings", c.findings())).toList());
        steps.record(run, "recheck", who, d);
        return recheck;
    }

    /**
     * Records a person's approval of a paused run in its trajectory; the caller then continues the run (from the stage
     * after the approval gate, or through the gate stage that asked).
     */
    public RunRecord recordApproval(String runId, String who) {
        RunRecord run = pausedRun(runId);
        Reviewed r = reviewed(run);
        return steps.record(run, "approve", who, Map.of("stage", r.stage().name(), "pause", r.pause().name().toLowerCase(java.util.Locale.ROOT)));
    }

    /** Ends a paused run: rejected, reason {@code person}, detail {@code rejected by a person: <reason>}. */
    public RunRecord reject(String runId, String who, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new ReviewRefusedException(ReviewRefusedException.Kind.INVALID, "reason: say why the run is rejected (it is kept in the run's trajectory)");
        }
        RunRecord run = pausedRun(runId);
        Reviewed r = reviewed(run);
        String why = reason.strip();
        run = steps.record(run, "reject", who, Map.of("stage", r.stage().name(), "reason", why));
        RunRecord rejected = run.moveTo(RunState.REJECTED, Optional.of(RejectReason.PERSON),
                "rejected by a person: " + services.redact().apply(why), services.clock().instant());
        services.store().runs().update(rejected);
        services.events().publish(new ScenaristEvent.RunFinished(rejected.campaignId(), rejected.id(), rejected.state(), rejected.detail()));
        return rejected;
    }

    // --- helpers ---

    private RunRecord pausedRun(String runId) {
        RunRecord run = services.store().runs().find(runId).orElseThrow(() -> new ReviewRefusedException(ReviewRefusedException.Kind.NOT_FOUND,
                "no run " + runId + "; list runs with 'scenarist runs'"));
        if (run.state() != RunState.PAUSED) {
            throw new ReviewRefusedException(ReviewRefusedException.Kind.CONFLICT, "run " + runId + " is " + run.state().label()
                    + ", not paused for a person" + (run.detail().isEmpty() ? "" : " (" + run.detail() + ")") + "; only a paused run is approved,"
                    + " rejected or edited");
        }
        return run;
    }

    private Reviewed reviewed(RunRecord run) {
        Pack pack = packs.apply(run.pack());
        List<Stage> stages = pack.pipeline().stages();
        Optional<String> after = ApprovalGates.pausedAfter(run);
        int index;
        PausedRun.Pause pause;
        if (after.isPresent()) {
            index = pack.pipeline().indexOf(after.get());
            if (index < 0) {
                throw new ReviewRefusedException(ReviewRefusedException.Kind.CONFLICT, "run " + run.id() + " waits after stage '" + after.get()
                        + "', which pack '" + pack.name() + "' no longer has; reject it, or re-run it with 'scenarist resume "
                        + run.id() + " --from-stage STAGE'");
            }
            pause = PausedRun.Pause.APPROVAL_GATE;
        } else {
            // a gate stage asked a person: what it judges is the output of the stage before it
            index = Math.max(0, Math.min(run.progress().stageIndex(), stages.size()) - 1);
            pause = PausedRun.Pause.GATE_STAGE;
        }
        Stage stage = stages.get(index);
        return new Reviewed(stage, pause, policy(stages, index));
    }

    /**
     * What the reviewed stage may write; a stage that writes nothing (a review, a gate) leaves the person the files
     * the stages before it wrote.
     */
    private static EditPolicy policy(List<Stage> stages, int index) {
        Optional<EditPolicy> own = writes(stages.get(index));
        if (own.isPresent()) return own.get();
        List<String> earlier = new ArrayList<>();
        for (int i = 0; i < index; i++) writes(stages.get(i)).ifPresent(p -> earlier.addAll(p.files()));
        return new EditPolicy(earlier.stream().distinct().toList());
    }

    private static Optional<EditPolicy> writes(Stage s) {
        return switch (s) {
            case Stage.AuthorStage a -> Optional.of(PromptBuilder.editPolicy(a.policy().editable(), a.outputs()));
            case Stage.RefineStage r -> Optional.of(PromptBuilder.editPolicy(r.policy().editable(), r.outputs()));
            case Stage.ReviewStage r -> Optional.empty();
            case Stage.GateStage g -> Optional.empty();
        };
    }

    /** Where the run continues from: the snapshot of its last passed stage, else (nothing passed yet) its workspace. */
    private Path base(RunRecord run) {
        RunFiles files = services.layout().run(run.id());
        return files.latestSnapshotBefore(run.progress().stageIndex()).orElse(files.workspace().root());
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's text, if it is UTF-8 (a binary file is listed, not offered for editing). */
    private static Optional<String> text(Path file) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The critic of a person's re-check: no model is called, so a judge that needs one is not judged. */
    private static final Author NO_MODEL = new Author() {
        @Override
        public String id() {
            return "none";
        }

        @Override
        public AuthorReply reply(AuthorRequest request) throws PermanentAuthorException {
            throw new PermanentAuthorException("a person's re-check makes no model call; this judge runs when the run continues");
        }
    };
}
