package dev.scenarist.packs.chains.internal.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scenarist.core.files.AtomicFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The reference product's behaviour switches, in {@code <product>/assistant.json}, read on every request — so a coder
 * command that edits the file between loop iterations changes the running assistant, as a patch to a real product would.
 *
 * @param resolvePronouns false is the planted defect: a pronoun-only follow-up loses the selected item
 */
public record ProductSettings(boolean resolvePronouns) {
    public static final String FILE = "assistant.json";
    static final ObjectMapper JSON = new ObjectMapper();

    /** The file's settings; a missing file is the product as shipped, with the defect. */
    public static ProductSettings read(Path productDir) {
        Path f = productDir.resolve(FILE);
        if (!Files.exists(f)) return new ProductSettings(false);
        try {
            JsonNode n = JSON.readTree(Files.readString(f));
            JsonNode flag = n.get("resolve_pronouns");
            if (flag == null || !flag.isBoolean()) {
                throw new IllegalStateException(f + ": 'resolve_pronouns' must be true or false, found " + flag);
            }
            return new ProductSettings(flag.booleanValue());
        } catch (IOException e) {
            throw new UncheckedIOException(f + " cannot be read: " + e.getMessage(), e);
        }
    }

    public static void write(Path productDir, ProductSettings settings) {
        try {
            AtomicFile.write(productDir.resolve(FILE), ("{\"resolve_pronouns\": " + settings.resolvePronouns() + "}\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + productDir.resolve(FILE) + ": " + e.getMessage(), e);
        }
    }
}
