package dev.scenarist.app.cli;

import dev.scenarist.app.config.ConfigException;
import dev.scenarist.core.workspace.Workspace;
import java.nio.file.Path;
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
            var entry = app.store().catalog().find(scenarioId)
                    .orElseThrow(() -> new ConfigException("no accepted scenario " + scenarioId + "; accepted ones are listed at the end of"
                            + " 'scenarist generate' and in 'scenarist show RUN'"));
            if (entry.stage().equals("dataset")) {
                out.line(scenarioId + " is already in the dataset at " + app.layout().root().resolve(entry.location()));
                if (out.json()) out.document(Map.of("scenario_id", scenarioId, "stage", "dataset", "path", app.layout().root().resolve(entry.location()).toString()));
                return 0;
            }
            Path from = app.layout().root().resolve(entry.location());
            if (!java.nio.file.Files.isDirectory(from)) {
                // the catalog outlived the files (a folder deleted by hand, a partial copy of the data directory)
                throw new ConfigException("the files of " + scenarioId + " are missing: the catalog has it at " + from
                        + ", which does not exist; restore that folder (e.g. from 'scenarist export' or a backup of the data"
                        + " directory) and promote again");
            }
            var parameters = app.store().runs().find(entry.runId()).map(r -> r.parameters()).orElse(Map.of());
            Path to = app.layout().root().resolve(dev.scenarist.core.pack.Capabilities.datasetPath(app.packs().get(entry.pack()), scenarioId, parameters));
            // copy, record, then remove: a crash in between leaves the scenario in both places, never in neither
            Workspace.deleteTree(to, true);
            Workspace.copyTree(from, to);
            app.store().catalog().updateStage(scenarioId, "dataset", app.layout().relative(to));
            Workspace.deleteTree(from, true);
            out.line("promoted " + scenarioId + " to " + to);
            if (out.json()) out.document(Map.of("scenario_id", scenarioId, "stage", "dataset", "path", to.toString()));
            return 0;
        }
    }
}
