package dev.scenarist.packs.yaml.internal.offline;

import dev.scenarist.core.author.Author;
import dev.scenarist.core.author.AuthorContractTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The contract's requests carry the parameter {@code n = 1}, so the folder is organised by {@code n}. */
class ReplyFolderAuthorContractTest extends AuthorContractTest {
    @Override
    protected Author author() throws Exception {
        Path folder = Files.createTempDirectory("replies");
        Files.createDirectories(folder.resolve("1"));
        Files.writeString(folder.resolve("1/draft-1.md"), "<file path=\"a.txt\">\nhello {{n}}\n</file>\n");
        return new ReplyFolderAuthor("replies:contract", folder, "n");
    }

    @Override
    protected Optional<Author> failingAuthor() throws Exception {
        return Optional.of(new ReplyFolderAuthor("replies:empty", Files.createTempDirectory("no-replies"), "n"));
    }
}
