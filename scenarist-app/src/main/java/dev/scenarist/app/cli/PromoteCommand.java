package dev.scenarist.app.cli;

import dev.scenarist.core.dataset.Promotion;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "promote", mixinStandardHelpOptions = true,
        description = {"Move an accepted scenario from staging into the dataset, after a person approved it:",
                "<data-dir>/datasets/<pack>/<id>/ for every pack; a pack may add one grouping folder",
                "(mechanisms: <data-dir>/datasets/mechanisms/tier<T>/<id>/). Prints the destination (--json: \"path\")."})
final class PromoteCommand implements Callable<Integer> {
    @ParentCommand
    ScenaristCommand root;

    @Parameters(paramLabel = "SCENARIO", description = "Scenario id (see 'scenarist runs' / the campaign summary).")
    String scenarioId;

    @Override
    public Integer call() {
        Output out = root.output();
        try (var app = root.open()) {
            Promotion p = app.campaigns().promote(scenarioId);
            out.line(p.alreadyInDataset() ? scenarioId + " is already in the dataset at " + p.path() : "promoted " + scenarioId + " to " + p.path());
            if (out.json()) out.document(Map.of("scenario_id", scenarioId, "stage", p.stage(), "path", p.path().toString()));
            return 0;
        }
    }
}
