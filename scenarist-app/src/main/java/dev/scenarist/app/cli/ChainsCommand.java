package dev.scenarist.app.cli;

import dev.scenarist.packs.chains.Results;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** The chains pack's commands: question chains run against a product's assistant API. */
@Command(name = "chains", mixinStandardHelpOptions = true,
        description = {"Run question chains against a product's assistant API (POST /api/assistant/message, GET /api/assistant/session/{id}).",
                "  run-case             one question",
                "  run-scenario         one linked chain, one session per wording",
                "  run-pack             a whole question pool grouped into scenarios, one aggregate backlog",
                "  run-pack-loop        the analyst/coder loop over a pack until the gate is met",
                "  reference-assistant  serve the bundled reference assistant (with its planted defect) on a port",
                "  reference-fix        fix (or plant again) the reference assistant's defect in a product folder"},
        subcommands = {ChainsRunCaseCommand.class, ChainsRunScenarioCommand.class, ChainsRunPackCommand.class, ChainsRunPackLoopCommand.class,
                ChainsReferenceAssistantCommand.class, ChainsReferenceFixCommand.class},
        footer = {"", "Artifacts: <out>/<scenario_id>/ or <out>/<pack_id>/ (see packs/chains/README.md for the contract and its JSON Schemas).",
                "Exit codes: 0 accepted (loop: gate met), 1 ran but not accepted, 2 usage or configuration error (a pool's file:line, a missing",
                "variable)."})
final class ChainsCommand {
    @ParentCommand
    ScenaristCommand root;

    static Map<String, Object> json(Results.ScenarioResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scenario_id", r.scenarioId());
        m.put("status", r.status().key());
        m.put("reason", r.reason());
        m.put("score", r.score());
        m.put("dir", r.dir().toString());
        return m;
    }

    static void human(Results.ScenarioResult r, Output out) {
        out.line(r.status().key().toUpperCase() + "  " + r.scenarioId() + "  score " + r.score());
        out.line("  " + r.reason());
        out.line("  artifacts: " + r.dir());
    }
}
