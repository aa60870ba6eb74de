package dev.scenarist.packs.chains.internal.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.scenarist.core.files.AtomicFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The last dry run's steps ({@code dry_run.json} in the run's artifacts), which the assembled manifest reports. */
final class DryRunRecord {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String FILE = "dry_run.json";

    private DryRunRecord() {}

    static void write(Path artifacts, ArrayNode steps) {
        try {
            Files.createDirectories(artifacts);
            AtomicFile.write(artifacts.resolve(FILE), (JSON.writerWithDefaultPrettyPrinter().writeValueAsString(steps) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the dry run's record in " + artifacts, e);
        }
    }

    static Optional<JsonNode> read(Path artifacts) {
        Path f = artifacts.resolve(FILE);
        if (!Files.isRegularFile(f)) return Optional.empty();
        try {
            return Optional.of(JSON.readTree(f.toFile()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
