package dev.scenarist.core.dataset;

import dev.scenarist.core.campaign.CampaignRequestException;
import dev.scenarist.core.files.AtomicFile;
import dev.scenarist.core.model.Json;
import dev.scenarist.core.store.CatalogEntry;
import dev.scenarist.core.store.Store;
import dev.scenarist.core.workspace.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a campaign's accepted scenarios out of the data folder: as folders (each scenario's files and manifest), or as
 * one JSON Lines file (manifest, text files, binary files as base64), written atomically so an interrupted export never
 * leaves half a file behind.
 */
public final class ScenarioExporter {
    private final Store store;
    private final Path dataRoot;

    /** {@code dataRoot}: the data folder the catalog's locations are relative to. */
    public ScenarioExporter(Store store, Path dataRoot) {
        this.store = store;
        this.dataRoot = dataRoot.toAbsolutePath().normalize();
    }

    /** Exports the scenarios of a campaign the caller made sure exists. */
    public Export.Result export(Export.Request request) {
        Path outDir = request.out();
        refuseFile(outDir);
        List<CatalogEntry> entries = store.catalog().byCampaign(request.campaignId());
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new CampaignRequestException("cannot create output folder " + outDir + ": " + e.getMessage());
        }
        Path written = switch (request.format()) {
            case DIR -> {
                for (var e : entries) {
                    Path to = outDir.resolve(e.scenarioId());
                    Workspace.deleteTree(to, true);
                    Workspace.copyTree(dataRoot.resolve(e.location()), to);
                }
                yield outDir;
            }
            case JSONL -> {
                Path file = outDir.resolve(request.campaignId() + ".jsonl");
                StringBuilder b = new StringBuilder();
                for (var e : entries) b.append(Json.write(line(dataRoot.resolve(e.location())))).append('\n');
                try {
                    AtomicFile.write(file, b.toString().getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                yield file;
            }
        };
        return new Export.Result(request.campaignId(), request.format(), entries.size(), written.toAbsolutePath());
    }

    /** A file where the output folder should be is refused before anything is read or written. */
    public static void refuseFile(Path outDir) {
        if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
            throw new CampaignRequestException("--out " + outDir + " is a file; give a folder (it is created if missing)");
        }
    }

    /** One scenario as a JSON Lines object. */
    private static Map<String, Object> line(Path dir) {
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
            else binary.put(f, Base64.getEncoder().encodeToString(bytes));
        }
        line.put("files", files);
        // meshes, images: base64, so every line stays valid JSON text
        if (!binary.isEmpty()) line.put("binary_files", binary);
        return line;
    }

    private static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The bytes as text when they are valid UTF-8 without NUL characters; empty for binary files. */
    static Optional<String> utf8(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.indexOf('\0') >= 0 ? Optional.empty() : Optional.of(text);
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
