package dev.scenarist.core.engine.internal;

import dev.scenarist.core.engine.EngineServices;
import dev.scenarist.core.catalog.Suffixes;
import dev.scenarist.core.catalog.UniquenessVerdict;
import dev.scenarist.core.catalog.internal.CatalogMirror;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.model.Json;
import dev.scenarist.core.model.RejectReason;
import dev.scenarist.core.model.RunState;
import dev.scenarist.core.pack.Capabilities;
import dev.scenarist.core.pack.Pack;
import dev.scenarist.core.pack.ScenarioSummary;
import dev.scenarist.core.store.AcceptGuard;
import dev.scenarist.core.store.AcceptOutcome;
import dev.scenarist.core.store.AcceptRequest;
import dev.scenarist.core.store.AttemptRecord;
import dev.scenarist.core.store.CatalogEntry;
import dev.scenarist.core.store.CatalogSlice;
import dev.scenarist.core.store.CheckRecord;
import dev.scenarist.core.store.RunRecord;
import dev.scenarist.core.trajectory.RunFiles;
import dev.scenarist.core.workspace.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The last step of a run: the orchestrator's own uniqueness decision against the catalog, then the scenario folder
 * with its manifest and the catalog entry with the accepted run, together.
 *
 * <p>The decision is made inside the store's acceptance transaction, under a lock that holds across processes
 * sharing the store (see {@link dev.scenarist.core.store.CatalogStore#accept(AcceptRequest, AcceptGuard)}): there the
 * index is first brought up to date with what other processes accepted meanwhile, then asked for a near-duplicate,
 * so two runs finishing together — in one process or in two — cannot both get in as near-duplicates. The scenario
 * folder is prepared in the run's own folder and moved into place just before the commit, so no process ever leaves
 * a scenario folder whose entry was refused.
 */
public final class Acceptance {
    private final EngineServices services;
    private final CatalogMirror mirror;
    private final int campaignTarget;
    private final String authorId;

    /** {@code mirror} is the process's one view of the catalog (see {@code CampaignRunner#acceptance}). */
    public Acceptance(EngineServices services, CatalogMirror mirror, int campaignTarget, String authorId) {
        if (mirror.index() != services.similarity()) {
            throw new IllegalArgumentException("the catalog mirror must keep the engine's own similarity index up to date");
        }
        this.services = services;
        this.mirror = mirror;
        this.campaignTarget = campaignTarget;
        this.authorId = authorId;
    }

    RunRecord accept(RunRecord run, dev.scenarist.core.pack.RunContext context, Pack pack, Workspace ws, RunFiles files)
            throws InterruptedException {
        SortedMap<String, String> content = ws.contents();
        String hash = contentHash(content);
        String text = pack.uniquenessText(ws);
        String scenarioId = scenarioId(run);
        // a near-duplicate of what this process already knows needs no files and no lock
        var knownNear = nearDuplicate(pack, text, scenarioId);
        if (knownNear.isPresent()) return reject(run, ws, files, knownNear.get().why());
        // the pack's own additions (builds, previews) and the folder copy may be slow: made before the lock, in the run's folder
        Path assembled = files.dir().resolve("assembled"); // created by the pack only if it adds something
        Workspace.deleteTree(assembled, true);
        Capabilities.assemble(pack, new dev.scenarist.core.pack.ScenarioAssembly(scenarioId, context, ws, files.artifacts(), assembled));
        Path dir = services.layout().scenario(pack.name(), scenarioId);
        Path staged = files.dir().resolve("accepting");
        ScenarioSummary proposed = pack.summarize(ws);
        // a title already in the catalog gets a deterministic suffix, recorded in the manifest, the run and its trajectory
        String title = Suffixes.title(proposed.title(), t -> mirror.titleTaken(pack.name(), t));
        ScenarioSummary summary = new ScenarioSummary(title, proposed.description());
        Map<String, Object> manifest = manifest(run, pack, new Scenario(scenarioId, summary, hash, content, Workspace.list(assembled)));
        if (!title.equals(proposed.title())) manifest.put("renamed", Map.of("title", Map.of("from", proposed.title(), "to", title)));
        writeScenarioFolder(staged, ws, assembled, manifest);
        Workspace.deleteTree(assembled, true); // it lives on in the staged folder
        var entry = new CatalogEntry(scenarioId, pack.name(), run.campaignId(), run.id(), summary.title(), hash, text,
                services.layout().relative(dir), CatalogEntry.STAGING, services.clock().instant());
        String renamed = title.equals(proposed.title()) ? "" : " (title \"" + proposed.title() + "\" taken: \"" + title + "\")";
        RunRecord accepted = run.moveTo(RunState.ACCEPTED, Optional.empty(), "accepted as " + scenarioId + renamed, services.clock().instant());
        var request = new AcceptRequest(entry, accepted, campaignTarget, mirror.seenUpTo(pack.name()));
        AcceptOutcome outcome = services.store().catalog().accept(request, new AcceptGuard() {
            @Override
            public Optional<AcceptOutcome.NearDuplicate> judge(CatalogSlice newer) {
                mirror.absorb(newer);
                return nearDuplicate(pack, text, scenarioId).map(n -> new AcceptOutcome.NearDuplicate(n.scenarioId(), n.similarity()));
            }

            @Override
            public void beforeCommit() {
                publish(staged, dir);
            }
        });
        Workspace.deleteTree(staged, true); // gone already when accepted
        return switch (outcome) {
            case AcceptOutcome.Accepted a -> {
                mirror.added(pack.name(), scenarioId, title, text);
                if (!renamed.isEmpty()) recordRenaming(files, scenarioId, proposed.title(), title);
                yield accepted;
            }
            case AcceptOutcome.NearDuplicate n -> reject(run, ws, files, nearDuplicate(pack, text, scenarioId).map(Near::why)
                    .orElseGet(() -> nearDuplicateReason(n.existingScenarioId(), n.similarity(), pack)));
            case AcceptOutcome.DuplicateContent d ->
                    reject(run, ws, files, "identical to accepted scenario " + d.existingScenarioId() + " (same content hash)");
            case AcceptOutcome.CampaignFull f -> {
                RunRecord cancelled = run.moveTo(RunState.CANCELLED, Optional.empty(),
                        "not needed: the campaign already has its " + f.accepted() + " accepted scenarios", services.clock().instant());
                services.store().runs().update(cancelled);
                yield cancelled;
            }
        };
    }

    /** A near-duplicate that forbids acceptance, with the reason people and the author read. */
    private record Near(String scenarioId, double similarity, String why) {}

    /**
     * For a pack with a catalog uniqueness policy, its verdict's duplicate (a borderline one was settled by the gate); for
     * the others, the most similar scenario at or above the pack's duplicate threshold.
     */
    private Optional<Near> nearDuplicate(Pack pack, String text, String scenarioId) {
        var verdict = mirror.verdict(pack.name(), text, scenarioId);
        if (verdict.isPresent()) {
            if (!(verdict.get() instanceof UniquenessVerdict.Duplicate d)) return Optional.empty();
            return Optional.of(new Near(d.nearest().getFirst().item().id(), d.nearest().getFirst().score(), d.feedback()));
        }
        return mirror.nearDuplicate(pack.name(), text, scenarioId, Capabilities.duplicateThreshold(pack))
                .map(m -> new Near(m.scenarioId(), m.similarity(), nearDuplicateReason(m.scenarioId(), m.similarity(), pack)));
    }

    /** After the commit, the run's trajectory says under which title the scenario was accepted (the manifest says it too). */
    private static void recordRenaming(RunFiles files, String scenarioId, String from, String to) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "renamed");
        event.put("scenario", scenarioId);
        event.put("title_from", from);
        event.put("title_to", to);
        new TrajectoryLog(files.steps()).append(event);
    }

    private static String nearDuplicateReason(String existing, double similarity, Pack pack) {
        return String.format(java.util.Locale.ROOT, "duplicate of accepted scenario %s (similarity %.2f ≥ %.2f)",
                existing, similarity, Capabilities.duplicateThreshold(pack));
    }

    /**
     * Moves the staged folder to its place while the accept transaction is open. A folder already there is the
     * leftover of a crash between this move and a commit (its entry never committed), so it is replaced.
     */
    private static void publish(Path staged, Path dir) {
        Workspace.deleteTree(dir, true);
        try {
            Files.createDirectories(dir.getParent());
            try {
                Files.move(staged, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                // the runs and scenarios folders on different file systems: copy, then let the caller remove the staging
                Workspace.copyTree(staged, dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the accepted scenario from " + staged + " to " + dir
                    + ": " + e.getMessage() + "; check free space and permissions under the data directory", e);
        }
    }

    private RunRecord reject(RunRecord run, Workspace ws, RunFiles files, String why) {
        Path dir = files.failureDir();
        Workspace.deleteTree(dir, true);
        Workspace.copyTree(ws.root(), dir.resolve("workspace"));
        new Workspace(dir).write("reason.json", Json.pretty(Map.of("kind", FailureKind.DUPLICATE.label(), "stage", "acceptance",
                "message", why, "findings", List.of(Finding.error("DUPLICATE", why).forPeople()))));
        RunRecord rejected = run.moveTo(RunState.REJECTED, Optional.of(RejectReason.DUPLICATE), why, services.clock().instant());
        services.store().runs().update(rejected);
        return rejected;
    }

    /** Scenario ids are derived from run ids, so a retried acceptance writes the same folder. */
    public static String scenarioId(RunRecord run) {
        return run.pack() + "-" + run.id().substring(run.id().indexOf('-') + 1);
    }

    public static String contentHash(SortedMap<String, String> files) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (var e : files.entrySet()) {
                md.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(e.getValue().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the manifest says about the accepted scenario itself. */
    private record Scenario(String id, ScenarioSummary summary, String hash, SortedMap<String, String> content,
                            List<String> assembledFiles) {}

    private Map<String, Object> manifest(RunRecord run, Pack pack, Scenario scenario) {
        List<AttemptRecord> attempts = services.store().runs().attempts(run.id());
        List<CheckRecord> checks = services.store().runs().checks(run.id());
        List<Map<String, Object>> stages = new ArrayList<>();
        for (String stage : pack.pipeline().names()) {
            var mine = attempts.stream().filter(a -> a.stage().equals(stage)).toList();
            Optional<AttemptRecord> latest = mine.isEmpty() ? Optional.empty() : Optional.of(mine.getLast());
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("stage", stage);
            s.put("attempts", mine.size());
            s.put("verdict", latest.map(a -> a.verdict().label()).orElse("skipped"));
            if (latest.isPresent()) {
                AttemptRecord last = latest.get();
                s.put("checks", checks.stream().filter(c -> c.attemptSeq() == last.seq()).map(c -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("check", c.check());
                    m.put("status", c.status().label());
                    c.score().ifPresent(score -> m.put("score", score));
                    m.put("findings", c.findings());
                    return m;
                }).toList());
            }
            stages.add(s);
        }
        Map<String, Object> lineage = new LinkedHashMap<>();
        lineage.put("campaign", run.campaignId());
        lineage.put("run", run.id());
        lineage.put("author", authorId);
        lineage.put("models", attempts.stream().map(AttemptRecord::model).filter(m -> !m.isEmpty()).distinct().toList());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", scenario.id());
        m.put("pack", pack.name());
        m.put("title", scenario.summary().title());
        m.put("description", scenario.summary().description());
        m.put("seed", run.seed());
        m.put("parameters", run.parameters());
        m.put("lineage", lineage);
        m.put("check_report", stages);
        m.put("usage", run.progress().usage());
        m.put("files", scenario.content().keySet());
        if (!scenario.assembledFiles().isEmpty()) m.put("artifacts", scenario.assembledFiles());
        m.put("content_hash", scenario.hash());
        return m;
    }

    /** Writes files + manifest into the staging folder (anything left there by a crash is replaced). */
    private static void writeScenarioFolder(Path dir, Workspace ws, Path assembled, Map<String, Object> manifest) {
        Workspace.deleteTree(dir, true);
        Workspace.copyTree(ws.root(), dir);
        if (java.nio.file.Files.isDirectory(assembled)) Workspace.copyTree(assembled, dir);
        new Workspace(dir).write("manifest.json", Json.pretty(manifest));
    }
}
