package dev.scenarist.packs.chains.internal.artifacts;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scenarist.packs.chains.internal.analyst.Defect;
import dev.scenarist.packs.chains.internal.analyst.Judged;
import dev.scenarist.packs.chains.internal.analyst.Verdict;
import dev.scenarist.packs.chains.internal.run.ScenarioRun;
import dev.scenarist.packs.chains.pool.QuestionPool;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A pack's folder: {@code pack_manifest.json}, {@code pack_state.json}, {@code pack_summary.md}, {@code final_status.md},
 * the aggregate backlog ({@code backlog.json}, {@code backlog.md}), the analyst's verdict ({@code analyst_verdict.json})
 * and {@code scenarios/<scenario_id>/…}.
 */
public final class PackArtifacts {
    private final ArtifactFiles files;
    private final ScenarioArtifacts scenarios;

    public PackArtifacts(ArtifactFiles files) {
        this.files = files;
        this.scenarios = new ScenarioArtifacts(files);
    }

    /** @param flakyRetries recorded in the manifest with the gate and the analyst */
    public void write(Path dir, QuestionPool pool, List<ScenarioRun> runs, Verdict v, RunContext ctx, int flakyRetries) {
        for (ScenarioRun r : runs) scenarios.write(dir.resolve("scenarios").resolve(r.scenario().id()), r, v, ctx);
        Judged.Outcome outcome = Judged.pack(runs, v);
        ObjectNode m = ArtifactFiles.object("pack_manifest").put("pack_id", pool.id()).put("domain", pool.domain())
                .put("description", pool.description()).put("source", pool.source());
        m.set("target", ctx.targetJson());
        m.put("gate", v.scores().gate()).put("analyst", v.analyst()).put("flaky_retries", flakyRetries)
                .put("started_at", ctx.startedAt().toString()).put("finished_at", ctx.finishedAt().toString());
        ArrayNode ids = m.putArray("scenarios");
        pool.scenarios().forEach(s -> ids.add(s.id()));
        files.json(dir.resolve("pack_manifest.json"), m);
        files.json(dir.resolve("pack_state.json"), state(pool, runs, v, outcome));
        files.json(dir.resolve("analyst_verdict.json"), verdict(v, runs));
        files.json(dir.resolve("backlog.json"), backlog(pool.id(), v));
        files.text(dir.resolve("backlog.md"), backlogMarkdown(pool.id(), v));
        files.text(dir.resolve("pack_summary.md"), summary(pool, runs, v, outcome));
        files.text(dir.resolve("final_status.md"), "# " + pool.id() + ": " + outcome.status().key() + "\n\n" + outcome.reason()
                + "\n\nAnalyst " + v.analyst() + ": score " + v.scores().score() + "/100, gate " + v.scores().gate() + ", " + v.openP0() + " open P0"
                + v.decision().map(d -> "\n\nRequires a user decision (" + d.kind().key() + "): " + d.reason()).orElse("") + "\n");
    }

    static ObjectNode state(QuestionPool pool, List<ScenarioRun> runs, Verdict v, Judged.Outcome outcome) {
        ObjectNode st = ArtifactFiles.object("pack_state").put("pack_id", pool.id()).put("status", outcome.status().key())
                .put("reason", outcome.reason()).put("score", v.scores().score()).put("gate", v.scores().gate())
                .put("open_p0", v.openP0()).put("accepted", v.accepted()).put("analyst", v.analyst())
                .put("target_down", !runs.isEmpty() && runs.stream().allMatch(ScenarioRun::targetDown));
        ArrayNode sc = st.putArray("scenarios");
        for (ScenarioRun r : runs) {
            Judged.Outcome o = Judged.scenario(r, v);
            sc.addObject().put("scenario_id", r.scenario().id()).put("status", o.status().key()).put("reason", o.reason()).put("score", o.score());
        }
        ArrayNode flaky = st.putArray("flaky_steps");
        for (ScenarioRun r : runs) {
            r.steps().filter(s -> s.verdict().flaky()).forEach(s -> flaky.addObject().put("scenario_id", r.scenario().id())
                    .put("folder", s.ref().folder()).put("attempts", s.verdict().attempts().size()));
        }
        decision(st, v);
        st.put("backlog_items", groups(v).size());
        return st;
    }

    private static void decision(ObjectNode o, Verdict v) {
        o.put("requires_user_decision", v.decision().isPresent());
        if (v.decision().isPresent()) o.putObject("decision").put("kind", v.decision().get().kind().key()).put("reason", v.decision().get().reason());
        else o.putNull("decision");
    }

    public static ObjectNode verdict(Verdict v, List<ScenarioRun> runs) {
        ObjectNode o = ArtifactFiles.object("analyst_verdict").put("analyst", v.analyst()).put("score", v.scores().score())
                .put("gate", v.scores().gate()).put("accepted", v.accepted()).put("open_p0", v.openP0()).put("summary", v.summary());
        ObjectNode per = o.putObject("scenario_scores");
        v.scores().perScenario().forEach(per::put);
        ArrayNode defects = o.putArray("defects");
        v.defects().forEach(d -> defects.add(defect(d)));
        ObjectNode matrix = o.putObject("acceptance_matrix");
        for (ScenarioRun r : runs) matrix.set(r.scenario().id(), ScenarioArtifacts.matrix(r));
        decision(o, v);
        return o;
    }

    static ObjectNode defect(Defect d) {
        return ArtifactFiles.object().put("priority", d.priority().name()).put("title", d.title()).put("scenario_id", d.at().scenarioId())
                .put("step_id", d.at().stepId()).put("wording", d.at().wording()).put("detail", d.detail()).put("check", d.check());
    }

    /** Defects grouped by title (one backlog item per distinct problem), P0 first, then the most frequent. */
    static List<Map.Entry<String, List<Defect>>> groups(Verdict v) {
        Map<String, List<Defect>> byTitle = new LinkedHashMap<>();
        for (Defect d : v.defects()) byTitle.computeIfAbsent(d.priority() + " " + d.title(), k -> new java.util.ArrayList<>()).add(d);
        return byTitle.entrySet().stream().sorted(Comparator.<Map.Entry<String, List<Defect>>, String>comparing(e -> e.getValue().get(0).priority().name())
                .thenComparing(e -> -e.getValue().size())).toList();
    }

    public static ObjectNode backlog(String packId, Verdict v) {
        ObjectNode b = ArtifactFiles.object("backlog").put("pack_id", packId).put("analyst", v.analyst()).put("score", v.scores().score())
                .put("gate", v.scores().gate());
        ArrayNode items = b.putArray("items");
        for (var g : groups(v)) {
            Defect first = g.getValue().get(0);
            ObjectNode item = items.addObject().put("priority", first.priority().name()).put("title", first.title()).put("count", g.getValue().size());
            ArrayNode occ = item.putArray("occurrences");
            g.getValue().forEach(d -> occ.addObject().put("scenario_id", d.at().scenarioId()).put("step_id", d.at().stepId())
                    .put("wording", d.at().wording()).put("detail", d.detail()));
        }
        decision(b, v);
        return b;
    }

    public static String backlogMarkdown(String packId, Verdict v) {
        StringBuilder md = new StringBuilder("# Backlog of ").append(packId).append("\n\nAnalyst ").append(v.analyst()).append(": score ")
                .append(v.scores().score()).append("/100, gate ").append(v.scores().gate()).append(", ").append(v.openP0()).append(" open P0\n");
        v.decision().ifPresent(d -> md.append("\n**Requires a user decision (").append(d.kind().key()).append("):** ").append(d.reason()).append('\n'));
        var groups = groups(v);
        if (groups.isEmpty()) md.append("\nNothing left to fix.\n");
        int i = 1;
        for (var g : groups) {
            Defect first = g.getValue().get(0);
            md.append("\n## ").append(i++).append(". [").append(first.priority()).append("] ").append(first.title()).append(" (")
                    .append(g.getValue().size()).append("×)\n\n");
            for (Defect d : g.getValue()) {
                md.append("- ").append(d.at().scenarioId()).append(" / ").append(d.at().stepId()).append(" / ").append(d.at().wording())
                        .append(": ").append(d.detail()).append('\n');
            }
        }
        return md.toString();
    }

    private static String summary(QuestionPool pool, List<ScenarioRun> runs, Verdict v, Judged.Outcome outcome) {
        StringBuilder md = new StringBuilder("# Pack ").append(pool.id()).append(" (").append(pool.domain()).append(") — ")
                .append(outcome.status().key()).append("\n\n").append(outcome.reason()).append("\n\n| scenario | status | score | reason |\n|---|---|---|---|\n");
        for (ScenarioRun r : runs) {
            Judged.Outcome o = Judged.scenario(r, v);
            md.append("| ").append(r.scenario().id()).append(" | ").append(o.status().key()).append(" | ").append(o.score()).append(" | ")
                    .append(o.reason().replace("|", "\\|")).append(" |\n");
        }
        long flaky = runs.stream().flatMap(ScenarioRun::steps).filter(s -> s.verdict().flaky()).count();
        long stepRuns = runs.stream().flatMap(ScenarioRun::steps).count();
        md.append("\n").append(stepRuns).append(" step runs, ").append(flaky).append(" flaky (accepted only on a re-run).\n");
        md.append("\nBacklog: ").append(groups(v).size()).append(" item(s), see backlog.md.\n");
        return md.toString();
    }
}
