package dev.scenarist.models.internal.cassette;

import dev.scenarist.core.author.Author;
import dev.scenarist.core.author.AuthorContractTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

class CassetteAuthorContractTest extends AuthorContractTest {
    @Override
    protected Author author() throws Exception {
        Path file = Files.createTempFile("cassette", ".jsonl");
        var recorder = new RecordingAuthor(CassetteTest.ECHO, file);
        for (String p : PROMPTS) recorder.reply(request(p));
        return CassetteAuthor.load("cassette:contract", file);
    }

    @Override
    protected Optional<Author> failingAuthor() throws Exception {
        Path empty = Files.createTempFile("empty", ".jsonl");
        return Optional.of(CassetteAuthor.load("cassette:empty", empty));
    }
}
