package dev.scenarist.models.internal.claudecode;

import dev.scenarist.core.author.Author;
import dev.scenarist.core.author.AuthorContractTest;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The shared author contract, run against the fake {@code claude} (success and auth-error recordings). */
class ClaudeCodeAuthorContractTest extends AuthorContractTest {
    @TempDir
    Path dir;
    ClaudeCodeAuthorTest fake;

    @BeforeEach
    void setUp() throws Exception {
        fake = new ClaudeCodeAuthorTest();
        fake.dir = dir;
        fake.setUp();
    }

    @Override
    protected Author author() {
        return fake.readOnlyAuthor("success");
    }

    @Override
    protected Optional<Author> failingAuthor() {
        return Optional.of(fake.readOnlyAuthor("auth-error"));
    }
}
