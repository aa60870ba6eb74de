package dev.scenarist.app.cli;

import dev.scenarist.app.config.ConfigException;
import dev.scenarist.core.files.AtomicFile;
import dev.scenarist.core.model.Json;
import dev.scenarist.core.workspace.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
        if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
            throw new ConfigException("--out " + outDir + " is a file; give a folder (it is created if missing)");
        }
        try (var app = root.open()) {
            if (app.store().campaigns().find(campaign).isEmpty()) {
                throw new ConfigException("no campaign " + campaign + "; list them with 'scenarist campaigns'");
            }
            var entries = app.store().catalog().byCampaign(campaign);
            try {
                Files.createDirectories(outDir);
            } catch (IOException e) {
                throw new ConfigException("cannot create output folder " + outDir + ": " + e.getMessage());
            }
            Path written;
            if (format == Format.dir) {
                for (var e : entries) {
                    Path to = outDir.resolve(e.scenarioId());
                    Workspace.deleteTree(to, true);
                    Workspace.copyTree(app.layout().root().resolve(e.location()), to);
                }
                written = outDir;
            } else {
                written = outDir.resolve(campaign + ".jsonl");
                StringBuilder b = new StringBuilder();
                for (var e : entries) {
                    Path dir = app.layout().root().resolve(e.location());
                    var ws = new Workspace(dir);
                    Map<String, Object> line = new LinkedHashMap<>();
                    line.put("manifest", Json.read(ws.read("manifest.json").orElse("{}"), Map.class));
                    Map<String, String> files = new LinkedHashMap<>();
                    Map<String, String> binary = new LinkedHashMap<>();
                    for (String f : ws.list()) {
                        if (f.equals("manifest.json")) continue;
                        byte[] bytes = readBytes(dir.resolve(f));
                        var text = utf8(bytes);
                        if (text.isPresent()) files.put(f, text.get());
                        else binary.put(f, java.util.Base64.getEncoder().encodeToString(bytes));
                    }
                    line.put("files", files);
                    // meshes, images: base64, so every line stays valid JSON text
                    if (!binary.isEmpty()) line.put("binary_files", binary);
                    b.append(Json.write(line)).append('\n');
                }
                try {
                    // an interrupted export never leaves half a file behind
                    AtomicFile.write(written, b.toString().getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            out.line("exported " + entries.size() + " scenario(s) of campaign " + campaign + " to " + written.toAbsolutePath());
            if (out.json()) out.document(Map.of("campaign_id", campaign, "format", format.name(), "count", entries.size(),
                    "path", written.toAbsolutePath().toString()));
        }
        return 0;
    }

    private static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The bytes as text when they are valid UTF-8 without NUL characters; empty for binary files. */
    private static java.util.Optional<String> utf8(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            return text.indexOf('\0') >= 0 ? java.util.Optional.empty() : java.util.Optional.of(text);
        } catch (java.nio.charset.CharacterCodingException e) {
            return java.util.Optional.empty();
        }
    }
}
