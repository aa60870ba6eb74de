package dev.scenarist.app.cli;

import dev.scenarist.app.config.ConfigException;
import dev.scenarist.core.campaign.Campaigns;
import dev.scenarist.core.campaign.Validation;
import dev.scenarist.core.model.Json;
import dev.scenarist.core.review.FileOverride;
import dev.scenarist.core.review.Recheck;
import dev.scenarist.core.store.RunRecord;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "approve", mixinStandardHelpOptions = true,
        description = {"Decide on a run paused for a person (an approval gate: generate --approve-after STAGE, or approve_after in --config).",
                "  scenarist approve RUN                          approve: the run continues from the next stage",
                "  scenarist approve RUN --reject REASON          reject it (state rejected, reason 'person')",
                "  scenarist approve RUN --override a.sql=my.sql  replace a file the reviewed stage may write, re-run that",
                "                                                 stage's checks (no model call), then approve",
                "  scenarist approve RUN --override ... --check-only   only replace and re-check: the run stays paused",
                "'scenarist show RUN' lists its files; 'scenarist resume RUN' approves as well. Every step is recorded in the",
                "run's trajectory (steps.jsonl) with who (cli:$USER) and when.",
                "Exit 0 when the run was approved and accepted (or rejected as asked, or re-checked clean), 1 when it fell short."})
final class ApproveCommand implements Callable<Integer> {
    @ParentCommand
    ScenaristCommand root;

    @Parameters(paramLabel = "RUN", description = "A paused run (see 'scenarist runs').")
    String runId;

    @Option(names = "--reject", paramLabel = "REASON", description = "Reject the run instead, with this reason.")
    String reject;

    @Option(names = "--override", paramLabel = "PATH=FILE",
            description = "Replace the run's file PATH with the content of the local FILE before approving (repeatable).")
    Map<String, Path> overrides = new LinkedHashMap<>();

    @Option(names = "--check-only", description = "Apply --override and re-run the stage's checks, but do not approve.")
    boolean checkOnly;

    @Override
    public Integer call() throws Exception {
        if (reject != null && (!overrides.isEmpty() || checkOnly)) {
            throw new ConfigException("--reject goes alone: a rejected run keeps its files as they are");
        }
        Map<String, String> texts = new LinkedHashMap<>();
        for (var e : overrides.entrySet()) texts.put(e.getKey(), read(e.getKey(), e.getValue()));
        Output out = root.output();
        String who = root.who();
        try (var app = root.open()) {
            Campaigns campaigns = app.campaigns();
            if (reject != null) {
                RunRecord r = campaigns.rejectRun(runId, who, reject);
                out.line("run " + r.id() + ": " + r.state().label() + " — " + r.detail());
                if (out.json()) out.document(doc(r, List.of(), null));
                return 0;
            }
            List<FileOverride> edits = new ArrayList<>();
            for (var e : texts.entrySet()) {
                FileOverride f = campaigns.overrideFile(runId, e.getKey(), e.getValue(), who);
                edits.add(f);
                out.line("overrode " + f.path() + (f.changed() ? " (+" + f.linesAdded() + " -" + f.linesRemoved() + " lines)" : " (unchanged)"));
            }
            Recheck recheck = null;
            if (!edits.isEmpty() || checkOnly) {
                recheck = campaigns.recheckRun(runId, who);
                printRecheck(recheck, out);
            }
            if (checkOnly) {
                if (out.json()) out.document(doc(app.store().runs().find(runId).orElseThrow(), edits, recheck));
                return recheck.passed() ? 0 : 1;
            }
            Campaigns.RunOutcome result;
            try (var progress = new ProgressView(app.events(), out.err(), false)) {
                result = campaigns.approveRun(runId, who);
            }
            RunRecord after = result.run();
            out.line("run " + after.id() + ": " + after.state().label() + (after.detail().isEmpty() ? "" : " — " + after.detail()));
            result.budgetStop().ifPresent(stop -> out.line("  " + stop.hint("scenarist resume " + runId)));
            if (out.json()) out.document(doc(after, edits, recheck));
            return result.accepted() ? 0 : 1;
        }
    }

    private static String read(String path, Path file) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException("--override " + path + "=" + file + ": " + file.toAbsolutePath() + " does not exist");
        } catch (MalformedInputException e) {
            throw new ConfigException("--override " + path + "=" + file + ": the file is not UTF-8 text; save it as UTF-8");
        } catch (IOException e) {
            throw new ConfigException("--override " + path + "=" + file + ": cannot read it: " + e.getMessage());
        }
    }

    private static void printRecheck(Recheck r, Output out) {
        out.line("re-checked stage '" + r.stage() + "': " + (r.passed() ? "passed" : "not passed"));
        for (Validation.CheckOutcome c : r.checks()) {
            out.line("  " + c.check() + ": " + c.status().label() + c.error().map(e -> " (" + e + ")").orElse(""));
            c.findings().forEach(f -> out.line("    " + f.renderForPeople()));
        }
    }

    private static Map<String, Object> doc(RunRecord r, List<FileOverride> edits, Recheck recheck) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run_id", r.id());
        m.put("campaign_id", r.campaignId());
        m.put("state", r.state().label());
        m.put("reject_reason", r.rejectReason().map(x -> x.label()).orElse(null));
        m.put("detail", r.detail());
        m.put("overrides", edits);
        if (recheck != null) m.put("recheck", Map.of("stage", recheck.stage(), "passed", recheck.passed(), "checks", recheck.checks()));
        return Json.read(Json.write(m), Map.class);
    }
}
