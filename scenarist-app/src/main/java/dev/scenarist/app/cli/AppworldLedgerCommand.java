package dev.scenarist.app.cli;

import dev.scenarist.app.appworld.Ledger;
import dev.scenarist.app.config.ConfigException;
import dev.scenarist.core.dataset.AcceptedScenario;
import dev.scenarist.core.files.AtomicFile;
import dev.scenarist.core.model.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "ledger", mixinStandardHelpOptions = true,
        description = {"The metadata ledger of a campaign's accepted appworld scenarios, as a JSON array.",
                "One object per scenario with PARE's fields (scenario_id, class_name, description, apps, timestamp) plus title and",
                "family, from each scenario's metadata.json. Printed on stdout, or written atomically to FILE with --out."})
final class AppworldLedgerCommand implements Callable<Integer> {
    @ParentCommand
    AppworldCommand parent;

    @Option(names = "--campaign", required = true, paramLabel = "C", description = "Campaign id (see 'scenarist campaigns').")
    String campaign;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the ledger to FILE (atomically: a crash never leaves half a file).")
    Path file;

    @Override
    public Integer call() {
        Output out = parent.root.output();
        if (file != null && Files.isDirectory(file)) throw new ConfigException("--out " + file + " is a folder; give a file path, e.g. " + file.resolve("ledger.json"));
        List<AcceptedScenario> accepted;
        try (var app = parent.root.open()) {
            accepted = app.campaigns().accepted(campaign);
        }
        List<com.fasterxml.jackson.databind.node.ObjectNode> ledger = new Ledger().entries(accepted);
        if (file == null) {
            out.document(ledger);
            return 0;
        }
        try {
            Path abs = file.toAbsolutePath();
            if (abs.getParent() != null) Files.createDirectories(abs.getParent());
            AtomicFile.write(abs, (Json.pretty(ledger) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConfigException("cannot write " + file + ": " + e.getMessage() + "; give a writable path with --out");
        }
        out.line("wrote the ledger of " + ledger.size() + " scenario(s) of campaign " + campaign + " to " + file.toAbsolutePath());
        if (out.json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("campaign_id", campaign);
            doc.put("count", ledger.size());
            doc.put("path", file.toAbsolutePath().toString());
            out.document(doc);
        }
        return 0;
    }
}
