package dev.scenarist.app.wiring;

import dev.scenarist.app.config.ConfigException;
import dev.scenarist.core.author.Author;
import dev.scenarist.core.pack.Pack;
import dev.scenarist.models.cassette.CassetteAuthor;
import dev.scenarist.models.cassette.RecordingAuthor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Turns an author spec into an author: {@code offline} (the pack's own, no model), {@code cassette:FILE}
 * (replay recorded replies). {@code record} wraps any author to append its replies to a cassette.
 */
public final class AuthorFactory {
    public static final String OFFLINE = "offline";

    public Author create(String spec, Pack pack, Optional<Path> record) {
        Author a = base(spec, pack);
        return record.<Author>map(f -> new RecordingAuthor(a, f)).orElse(a);
    }

    private Author base(String spec, Pack pack) {
        if (spec.equals(OFFLINE)) {
            Author a = pack.offlineAuthor();
            if (a == null) throw new ConfigException("pack '" + pack.name() + "' has no offline author; pass --author cassette:FILE or a model");
            return a;
        }
        if (spec.startsWith("cassette:")) {
            Path f = Path.of(spec.substring("cassette:".length()));
            if (!Files.isRegularFile(f)) throw new ConfigException("cassette file " + f.toAbsolutePath() + " does not exist; record one with --record FILE");
            try {
                return CassetteAuthor.load("cassette:" + f.getFileName(), f);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(e.getMessage());
            }
        }
        throw new ConfigException("unknown author '" + spec + "': this version supports 'offline' (the pack's own author, no model)"
                + " and 'cassette:FILE' (replay recorded replies)");
    }
}
