package dev.scenarist.app.cli;

import dev.scenarist.core.dataset.Export;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export a campaign's accepted scenarios.",
                "  dir:   OUT/<scenario-id>/ with the scenario's files and manifest.json",
                "  jsonl: OUT/<campaign-id>.jsonl, one JSON object per scenario (manifest, text files, binary files as base64)"})
final class ExportCommand implements Callable<Integer> {
    enum Format { dir, jsonl }

    @ParentCommand
    ScenaristCommand root;

    @Option(names = "--campaign", required = true, paramLabel = "C", description = "Campaign id (see 'scenarist campaigns').")
    String campaign;

    @Option(names = "--format", defaultValue = "dir", paramLabel = "FORMAT", description = "dir or jsonl (default ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created if missing).")
    Path outDir;

    @Override
    public Integer call() {
        Output out = root.output();
        var request = new Export.Request(campaign, format == Format.dir ? Export.Format.DIR : Export.Format.JSONL, outDir);
        // a file where the folder should be is refused before the data folder is opened (or created)
        dev.scenarist.core.dataset.ScenarioExporter.refuseFile(outDir);
        try (var app = root.open()) {
            Export.Result result = app.campaigns().export(request);
            out.line("exported " + result.count() + " scenario(s) of campaign " + campaign + " to " + result.path());
            if (out.json()) out.document(Map.of("campaign_id", campaign, "format", format.name(), "count", result.count(),
                    "path", result.path().toString()));
        }
        return 0;
    }
}
