package dev.scenarist.packs.chains.internal.artifacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scenarist.core.files.AtomicFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * Every artifact goes through here: written atomically (a crash leaves the old file or the new, never half), and with
 * every secret (the auth header's value) replaced by {@value #REDACTED} — whatever the target echoed back.
 */
public final class ArtifactFiles {
    public static final String REDACTED = "[REDACTED]";
    public static final String SCHEMA_BASE = "https://scenarist.dev/schemas/chains/";
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final List<String> secrets;

    public ArtifactFiles(List<String> secrets) {
        // longest first, so a secret containing another is replaced whole
        this.secrets = secrets.stream().filter(s -> s != null && s.length() >= 4).sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    public static ObjectNode object(String schema) {
        return JSON.createObjectNode().put("schema", SCHEMA_BASE + schema + ".v1.json");
    }

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    public void json(Path file, JsonNode value) {
        try {
            text(file, JSON.writeValueAsString(value) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void text(Path file, String text) {
        try {
            AtomicFile.write(file, redact(text).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    public String redact(String text) {
        String out = text;
        for (String s : secrets) out = out.replace(s, REDACTED);
        return out;
    }

    public static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
