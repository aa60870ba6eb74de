package dev.scenarist.core.author;

import dev.scenarist.core.testing.ScriptedAuthor;
import java.util.Optional;

class ScriptedAuthorContractTest extends AuthorContractTest {
    @Override
    protected Author author() {
        return new ScriptedAuthor().always("draft", r -> "<file path=\"a.txt\">\n" + r.prompt() + "\n</file>");
    }

    @Override
    protected Optional<Author> failingAuthor() {
        return Optional.of(new ScriptedAuthor().onCall("draft", r -> {
            throw new TransientAuthorException("HTTP 503");
        }));
    }
}
