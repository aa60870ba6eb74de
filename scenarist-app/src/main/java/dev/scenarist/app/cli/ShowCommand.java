package dev.scenarist.app.cli;

import dev.scenarist.app.config.ConfigException;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.model.Json;
import dev.scenarist.core.store.AttemptRecord;
import dev.scenarist.core.store.CheckRecord;
import dev.scenarist.core.workspace.Workspace;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "show", mixinStandardHelpOptions = true, description = "Show a run: its stages, attempts, check results, findings and files.")
final class ShowCommand implements Callable<Integer> {
    @ParentCommand
    ScenaristCommand root;

    @Parameters(paramLabel = "RUN", description = "Run id (see 'scenarist runs').")
    String runId;

    @Override
    public Integer call() {
        Output out = root.output();
        try (var app = root.open()) {
            var run = app.store().runs().find(runId)
                    .orElseThrow(() -> new ConfigException("no run " + runId + "; list runs with 'scenarist runs'"));
            var p = out.human();
            var files = app.runFiles(runId);
            p.printf("Run %s  (campaign %s, pack %s, #%d, seed %d)%n", run.id(), run.campaignId(), run.pack(), run.ordinal(), run.seed());
            p.printf("State: %s%s%n", run.state().label() + run.rejectReason().map(r -> " (" + r.label() + ")").orElse(""),
                    run.detail().isEmpty() ? "" : " — " + run.detail());
            p.printf("Parameters: %s%n", run.parameters());
            p.printf("Folder: %s%n%n", files.dir());
            List<CheckRecord> checks = app.store().runs().checks(runId);
            List<Map<String, Object>> attemptsDoc = new ArrayList<>();
            String lastStage = "";
            for (AttemptRecord a : app.store().runs().attempts(runId)) {
                if (!a.stage().equals(lastStage)) {
                    p.println("Stage " + a.stage());
                    lastStage = a.stage();
                }
                p.printf("  attempt %d (#%d): %s%s%n", a.stageAttempt(), a.seq(), a.verdict().label(),
                        a.usage().totalTokens() > 0 ? ", " + a.usage().totalTokens() + " tokens" : "");
                var mine = checks.stream().filter(c -> c.attemptSeq() == a.seq()).toList();
                for (CheckRecord c : mine) p.printf("    check %-22s %s (%d ms)%n", c.check(), c.status().label(), c.durationMillis());
                for (Finding f : a.findings()) p.println("    " + f.renderForPeople());
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("seq", a.seq());
                m.put("stage", a.stage());
                m.put("stage_attempt", a.stageAttempt());
                m.put("verdict", a.verdict().label());
                m.put("findings", a.findings().stream().map(Finding::forPeople).toList());
                m.put("checks", mine.stream().map(c -> Map.of("check", c.check(), "status", c.status().label(), "millis", c.durationMillis())).toList());
                m.put("usage", a.usage());
                attemptsDoc.add(m);
            }
            var where = Files.isDirectory(files.workspace().root()) ? files.workspace().root() : null;
            List<String> fileList = where == null ? List.of() : Workspace.list(where);
            p.println();
            p.println("Workspace files: " + (fileList.isEmpty() ? "(none)" : String.join(", ", fileList)));
            if (Files.isDirectory(files.failureDir())) p.println("Failure context: " + files.failureDir());
            var scenario = app.store().catalog().byCampaign(run.campaignId()).stream().filter(e -> e.runId().equals(runId)).findFirst();
            scenario.ifPresent(e -> p.println("Scenario: " + e.scenarioId() + " at " + app.dataDir().resolve(e.location())));
            if (out.json()) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("run_id", run.id());
                doc.put("campaign_id", run.campaignId());
                doc.put("pack", run.pack());
                doc.put("state", run.state().label());
                doc.put("reject_reason", run.rejectReason().map(x -> x.label()).orElse(""));
                doc.put("detail", run.detail());
                doc.put("seed", run.seed());
                doc.put("parameters", run.parameters());
                doc.put("attempts", attemptsDoc);
                doc.put("files", fileList);
                doc.put("folder", files.dir().toString());
                scenario.ifPresent(e -> doc.put("scenario_id", e.scenarioId()));
                out.document(Json.read(Json.write(doc), Map.class));
            }
        }
        return 0;
    }
}
