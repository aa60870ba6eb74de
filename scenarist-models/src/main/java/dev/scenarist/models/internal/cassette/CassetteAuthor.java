package dev.scenarist.models.internal.cassette;

import dev.scenarist.core.author.Author;
import dev.scenarist.core.author.AuthorReply;
import dev.scenarist.core.author.AuthorRequest;
import dev.scenarist.core.author.PermanentAuthorException;
import dev.scenarist.core.model.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays recorded replies offline, keyed by request hash. A request that was never recorded is a permanent
 * failure that says which stage and attempt missed, so a changed prompt template is noticed at once.
 */
public final class CassetteAuthor implements Author {
    private final String id;
    private final Path file;
    private final Map<String, CassetteEntry> entries;

    private CassetteAuthor(String id, Path file, Map<String, CassetteEntry> entries) {
        this.id = id;
        this.file = file;
        this.entries = entries;
    }

    /** Loads a cassette; a malformed line is reported with the file and line number. */
    public static CassetteAuthor load(String id, Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read cassette " + file + ": " + e.getMessage(), e);
        }
        Map<String, CassetteEntry> entries = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) continue;
            CassetteEntry e;
            try {
                e = Json.mapper().readValue(line, CassetteEntry.class);
            } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": not a cassette entry (" + ex.getOriginalMessage()
                        + "); each line must be a JSON object with key, stage, reply and usage");
            }
            if (e.key() == null || e.reply() == null) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": cassette entry lacks 'key' or 'reply'");
            }
            entries.putIfAbsent(e.key(), e);
        }
        return new CassetteAuthor(id, file, Map.copyOf(entries));
    }

    public int size() {
        return entries.size();
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public AuthorReply reply(AuthorRequest request) throws PermanentAuthorException {
        CassetteEntry e = entries.get(request.hash());
        if (e == null) {
            throw new PermanentAuthorException("cassette " + file.getFileName() + " has no recording for stage '" + request.stage()
                    + "' attempt " + request.attempt() + " (request " + request.hash() + "); the prompt differs from every recorded one:"
                    + " re-record the cassette with --record, or use another author");
        }
        return new AuthorReply(e.reply(), e.usage() == null ? dev.scenarist.core.model.Usage.ZERO : e.usage(),
                e.model() == null ? id : e.model(), Duration.ofMillis(e.latencyMillis()));
    }
}
