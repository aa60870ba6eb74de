package dev.scenarist.core.engine;

import dev.scenarist.core.catalog.SimilarityIndex;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.model.Json;
import dev.scenarist.core.model.RejectReason;
import dev.scenarist.core.model.RunState;
import dev.scenarist.core.pack.Pack;
import dev.scenarist.core.pack.ScenarioSummary;
import dev.scenarist.core.store.AcceptOutcome;
import dev.scenarist.core.store.AttemptRecord;
import dev.scenarist.core.store.CatalogEntry;
import dev.scenarist.core.store.CheckRecord;
import dev.scenarist.core.store.RunRecord;
import dev.scenarist.core.trajectory.RunFiles;
import dev.scenarist.core.workspace.Workspace;
import java.nio.charset.StandardCharsets;
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
 * The last step of a run: the orchestrator's own uniqueness decision against the catalog, then the scenario
 * folder with its manifest, then the catalog entry and the accepted run in one store transaction. The check
 * and the insert happen under one lock, so two runs finishing together cannot both get in as near-duplicates;
 * the store's unique content hash and campaign count make the same true across processes.
 */
public final class Acceptance {
    private final EngineServices services;
    private final int campaignTarget;
    private final String authorId;

    public Acceptance(EngineServices services, int campaignTarget, String authorId) {
        this.services = services;
        this.campaignTarget = campaignTarget;
        this.authorId = authorId;
    }

    RunRecord accept(RunRecord run, dev.scenarist.core.pack.RunContext context, Pack pack, Workspace ws, RunFiles files)
            throws InterruptedException {
        SortedMap<String, String> content = ws.contents();
        String hash = contentHash(content);
        String text = pack.uniquenessText(ws);
        String scenarioId = scenarioId(run);
        SimilarityIndex index = services.similarity();
        // the pack's own additions (builds, previews) may be slow: made outside the lock, into the run's folder
        Path assembled = files.dir().resolve("assembled"); // created by the pack only if it adds something
        Workspace.deleteTree(assembled, true);
        pack.assemble(new dev.scenarist.core.pack.ScenarioAssembly(scenarioId, context, ws, files.artifacts(), assembled));
        synchronized (index) {
            var near = index.nearest(pack.name(), text, 1).stream()
                    .filter(m -> !m.scenarioId().equals(scenarioId) && m.similarity() >= pack.duplicateThreshold()).findFirst();
            if (near.isPresent()) {
                String why = String.format(java.util.Locale.ROOT, "duplicate of accepted scenario %s (similarity %.2f ≥ %.2f)",
                        near.get().scenarioId(), near.get().similarity(), pack.duplicateThreshold());
                return reject(run, ws, files, why);
            }
            Path dir = services.layout().scenario(pack.name(), scenarioId);
            ScenarioSummary summary = pack.summarize(ws);
            writeScenarioFolder(dir, ws, assembled, manifest(run, pack, scenarioId, summary, hash, content, Workspace.list(assembled)));
            Workspace.deleteTree(assembled, true); // it lives on in the scenario folder
            var entry = new CatalogEntry(scenarioId, pack.name(), run.campaignId(), run.id(), summary.title(), hash, text,
                    services.layout().relative(dir), "staging", services.clock().instant());
            RunRecord accepted = run.moveTo(RunState.ACCEPTED, Optional.empty(), "accepted as " + scenarioId, services.clock().instant());
            switch (services.store().catalog().accept(entry, accepted, campaignTarget)) {
                case AcceptOutcome.Accepted a -> {
                    index.add(pack.name(), scenarioId, text);
                    return accepted;
                }
                case AcceptOutcome.DuplicateContent d -> {
                    Workspace.deleteTree(dir, true);
                    return reject(run, ws, files, "identical to accepted scenario " + d.existingScenarioId() + " (same content hash)");
                }
                case AcceptOutcome.CampaignFull f -> {
                    Workspace.deleteTree(dir, true);
                    RunRecord cancelled = run.moveTo(RunState.CANCELLED, Optional.empty(),
                            "not needed: the campaign already has its " + f.accepted() + " accepted scenarios", services.clock().instant());
                    services.store().runs().update(cancelled);
                    return cancelled;
                }
            }
        }
    }

    private RunRecord reject(RunRecord run, Workspace ws, RunFiles files, String why) {
        Path dir = files.failureDir();
        Workspace.deleteTree(dir, true);
        Workspace.copyTree(ws.root(), dir.resolve("workspace"));
        new Workspace(dir).write("reason.json", Json.pretty(Map.of("kind", FailureKind.DUPLICATE.label(), "stage", "acceptance",
                "message", why, "findings", List.of(Finding.error("DUPLICATE", why)))));
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

    private Map<String, Object> manifest(RunRecord run, Pack pack, String id, ScenarioSummary summary, String hash,
                                         SortedMap<String, String> content, List<String> assembledFiles) {
        List<AttemptRecord> attempts = services.store().runs().attempts(run.id());
        List<CheckRecord> checks = services.store().runs().checks(run.id());
        List<Map<String, Object>> stages = new ArrayList<>();
        for (String stage : pack.pipeline().names()) {
            var mine = attempts.stream().filter(a -> a.stage().equals(stage)).toList();
            var last = mine.isEmpty() ? null : mine.getLast();
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("stage", stage);
            s.put("attempts", mine.size());
            s.put("verdict", last == null ? "skipped" : last.verdict().label());
            if (last != null) {
                s.put("checks", checks.stream().filter(c -> c.attemptSeq() == last.seq()).map(c -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("check", c.check());
                    m.put("status", c.status());
                    if (c.score() >= 0) m.put("score", c.score());
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
        m.put("id", id);
        m.put("pack", pack.name());
        m.put("title", summary.title());
        m.put("description", summary.description());
        m.put("seed", run.seed());
        m.put("parameters", run.parameters());
        m.put("lineage", lineage);
        m.put("check_report", stages);
        m.put("usage", run.progress().usage());
        m.put("files", content.keySet());
        if (!assembledFiles.isEmpty()) m.put("artifacts", assembledFiles);
        m.put("content_hash", hash);
        return m;
    }

    /**
     * Writes files + manifest. The folder only counts once the catalog entry is committed (export and listings
     * read the catalog); a crash before that leaves a folder that the run's resumed acceptance rewrites.
     */
    private static void writeScenarioFolder(Path dir, Workspace ws, Path assembled, Map<String, Object> manifest) {
        Workspace.deleteTree(dir, true);
        Workspace.copyTree(ws.root(), dir);
        if (java.nio.file.Files.isDirectory(assembled)) Workspace.copyTree(assembled, dir);
        new Workspace(dir).write("manifest.json", Json.pretty(manifest));
    }
}
