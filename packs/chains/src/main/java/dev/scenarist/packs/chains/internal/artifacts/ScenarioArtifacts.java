package dev.scenarist.packs.chains.internal.artifacts;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scenarist.packs.chains.Status;
import dev.scenarist.packs.chains.internal.analyst.Defect;
import dev.scenarist.packs.chains.internal.analyst.Judged;
import dev.scenarist.packs.chains.internal.analyst.Verdict;
import dev.scenarist.packs.chains.internal.run.ChainPass;
import dev.scenarist.packs.chains.internal.run.ScenarioRun;
import dev.scenarist.packs.chains.internal.run.StepRun;
import dev.scenarist.packs.chains.pool.ChainStep;
import dev.scenarist.packs.chains.pool.Expectation;
import dev.scenarist.packs.chains.pool.Wording;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * A scenario's folder: {@code scenario_brief.md}, {@code scenario_manifest.json}, {@code scenario_state.json},
 * {@code scenario_summary.md}, {@code scenario_output.md}, {@code final_status.md} and {@code steps/<step_id>/…}.
 */
public final class ScenarioArtifacts {
    private final ArtifactFiles files;
    private final StepArtifacts steps;

    public ScenarioArtifacts(ArtifactFiles files) {
        this.files = files;
        this.steps = new StepArtifacts(files);
    }

    public void write(Path dir, ScenarioRun run, Verdict verdict, RunContext ctx) {
        String id = run.scenario().id();
        for (StepRun s : run.steps().toList()) steps.write(dir.resolve("steps").resolve(s.ref().folder()), id, s, ctx.target());
        Judged.Outcome outcome = Judged.scenario(run, verdict);
        files.text(dir.resolve("scenario_brief.md"), brief(run));
        files.json(dir.resolve("scenario_manifest.json"), manifest(run, ctx));
        files.json(dir.resolve("scenario_state.json"), state(run, verdict, outcome));
        files.text(dir.resolve("scenario_summary.md"), summary(run, verdict, outcome));
        files.text(dir.resolve("scenario_output.md"), output(run));
        files.text(dir.resolve("final_status.md"), "# " + id + ": " + outcome.status().key() + "\n\n" + outcome.reason() + "\n\nAnalyst score: "
                + outcome.score() + "/100 (gate " + verdict.scores().gate() + ", analyst " + verdict.analyst() + ")\n");
    }

    private static String brief(ScenarioRun run) {
        StringBuilder md = new StringBuilder("# ").append(run.scenario().title()).append("\n\nScenario `").append(run.scenario().id()).append("`\n\n");
        if (!run.scenario().brief().isBlank()) md.append(run.scenario().brief().strip()).append("\n\n");
        md.append("Wordings run (one session each): ").append(String.join(", ", run.scenario().wordings().stream().map(Wording::key).toList())).append("\n\n");
        for (ChainStep s : run.scenario().steps()) {
            md.append("## ").append(s.id()).append("\n\n");
            s.wordings().forEach((w, q) -> md.append("- ").append(w.key()).append(": ").append(q).append('\n'));
            if (!s.expectations().isEmpty()) {
                md.append("\nExpectations:\n\n");
                for (Expectation e : s.expectations()) {
                    md.append("- `").append(e.source()).append("` (").append(e.kind().key()).append(", ").append(e.priority()).append(")\n");
                }
            }
            md.append('\n');
        }
        return md.toString();
    }

    private static ObjectNode manifest(ScenarioRun run, RunContext ctx) {
        ObjectNode m = ArtifactFiles.object("scenario_manifest").put("scenario_id", run.scenario().id()).put("title", run.scenario().title());
        m.put("pack_id", ctx.packId().orElse(null));
        m.set("target", ctx.targetJson());
        m.put("started_at", ctx.startedAt().toString()).put("finished_at", ctx.finishedAt().toString());
        ArrayNode wordings = m.putArray("wordings");
        run.scenario().wordings().forEach(w -> wordings.add(w.key()));
        ObjectNode sessions = m.putObject("sessions");
        for (ChainPass.Result p : run.passes()) sessions.put(p.wording().key(), p.sessionId().orElse(null));
        ArrayNode steps = m.putArray("steps");
        for (ChainStep s : run.scenario().steps()) {
            ObjectNode o = steps.addObject().put("step_id", s.id()).put("question", s.question());
            ObjectNode variants = o.putObject("variants");
            s.wordings().forEach((w, q) -> {
                if (w != Wording.CANONICAL) variants.put(w.key(), q);
            });
            ArrayNode ex = o.putArray("expectations");
            s.expectations().forEach(e -> ex.addObject().put("check", e.source()).put("kind", e.kind().key()).put("priority", e.priority().name())
                    .put("location", e.location()));
        }
        return m;
    }

    private static ObjectNode state(ScenarioRun run, Verdict v, Judged.Outcome outcome) {
        ObjectNode st = ArtifactFiles.object("scenario_state").put("scenario_id", run.scenario().id()).put("status", outcome.status().key())
                .put("reason", outcome.reason()).put("checks_status", run.status().key()).put("checks_reason", run.reason())
                .put("score", outcome.score()).put("gate", v.scores().gate()).put("analyst", v.analyst());
        ArrayNode steps = st.putArray("steps");
        for (StepRun s : run.steps().toList()) {
            steps.addObject().put("folder", s.ref().folder()).put("step_id", s.ref().stepId()).put("wording", s.ref().wording().key())
                    .put("status", s.verdict().status().key()).put("reason", s.verdict().reason()).put("flaky", s.verdict().flaky())
                    .put("attempts", s.verdict().attempts().size());
        }
        st.set("acceptance_matrix", matrix(run));
        ArrayNode defects = st.putArray("defects");
        v.defects().stream().filter(d -> run.scenario().id().equals(d.at().scenarioId())).forEach(d -> defects.add(PackArtifacts.defect(d)));
        return st;
    }

    /** step id → wording → status: does each question hold in every way it can be put? */
    static ObjectNode matrix(ScenarioRun run) {
        Map<String, ObjectNode> rows = new TreeMap<>();
        ObjectNode m = ArtifactFiles.object();
        for (ChainStep s : run.scenario().steps()) rows.put(s.id(), m.putObject(s.id()));
        for (StepRun s : run.steps().toList()) rows.get(s.ref().stepId()).put(s.ref().wording().key(), s.verdict().status().key());
        return m;
    }

    private static String summary(ScenarioRun run, Verdict v, Judged.Outcome outcome) {
        StringBuilder md = new StringBuilder("# ").append(run.scenario().title()).append(" — ").append(outcome.status().key()).append("\n\n");
        md.append(outcome.reason()).append("\n\nScore ").append(outcome.score()).append("/100, gate ").append(v.scores().gate())
                .append(", analyst ").append(v.analyst()).append("\n\n## Acceptance matrix\n\n| step |");
        var wordings = run.scenario().wordings();
        for (Wording w : wordings) md.append(' ').append(w.key()).append(" |");
        md.append("\n|---|").append("---|".repeat(wordings.size())).append('\n');
        for (ChainStep s : run.scenario().steps()) {
            md.append("| ").append(s.id()).append(" |");
            for (Wording w : wordings) {
                String st = run.steps().filter(r -> r.ref().stepId().equals(s.id()) && r.ref().wording() == w).map(r -> r.verdict().status().key())
                        .findFirst().orElse("—");
                md.append(' ').append(st).append(" |");
            }
            md.append('\n');
        }
        var flaky = run.steps().filter(s -> s.verdict().flaky()).map(s -> s.ref().folder()).toList();
        if (!flaky.isEmpty()) md.append("\nFlaky (accepted only on a re-run): ").append(String.join(", ", flaky)).append('\n');
        var mine = v.defects().stream().filter(d -> run.scenario().id().equals(d.at().scenarioId())).toList();
        if (!mine.isEmpty()) {
            md.append("\n## Defects\n\n");
            for (Defect d : mine) md.append("- **").append(d.priority()).append("** ").append(d.title()).append(" (").append(d.at().stepId())
                    .append(", ").append(d.at().wording()).append("): ").append(d.detail()).append('\n');
        }
        return md.toString();
    }

    private static String output(ScenarioRun run) {
        StringBuilder md = new StringBuilder("# Transcript of ").append(run.scenario().id()).append("\n");
        if (run.passes().isEmpty()) md.append("\nNot run: ").append(run.reason()).append('\n');
        for (ChainPass.Result p : run.passes()) {
            md.append("\n## ").append(p.wording().key()).append(" wording, session ").append(p.sessionId().orElse("(none)")).append("\n\n");
            for (StepRun s : p.steps()) {
                md.append("**").append(s.ref().stepId()).append("** — ").append(s.verdict().status().key()).append("\n\n> ")
                        .append(s.asked().question().orElse("(not asked: " + s.verdict().reason() + ")")).append("\n\n")
                        .append(s.capture().response().map(r -> r.path("reply").asText("(no reply field)")).orElse("(no reply)")).append("\n\n");
            }
        }
        return md.toString();
    }

    /** Whether the scenario's final status (after the analyst) is accepted. */
    public static boolean accepted(ScenarioRun run, Verdict v) {
        return Judged.scenario(run, v).status() == Status.ACCEPTED;
    }
}
