package dev.scenarist.models.internal.cassette;

import dev.scenarist.core.author.Author;
import dev.scenarist.core.author.AuthorException;
import dev.scenarist.core.author.AuthorReply;
import dev.scenarist.core.author.AuthorRequest;
import dev.scenarist.core.model.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Passes requests to another author and appends every successful exchange to a cassette file. */
public final class RecordingAuthor implements Author {
    private final Author delegate;
    private final Path file;

    public RecordingAuthor(Author delegate, Path file) {
        this.delegate = delegate;
        this.file = file;
        try {
            if (file.getParent() != null) Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String id() {
        return delegate.id();
    }

    @Override
    public AuthorReply reply(AuthorRequest request) throws AuthorException, InterruptedException {
        AuthorReply reply = delegate.reply(request);
        CassetteEntry entry = new CassetteEntry(request.hash(), request.stage(), request.attempt(), reply.model(),
                reply.text(), reply.usage(), reply.latency().toMillis(), request.prompt());
        String line = Json.write(entry) + "\n";
        synchronized (this) {
            try {
                Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot append to cassette " + file, e);
            }
        }
        return reply;
    }
}
