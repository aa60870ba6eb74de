package dev.scenarist.packs.yaml.internal.offline;

import dev.scenarist.core.author.Author;
import dev.scenarist.models.ModelAuthors;
import dev.scenarist.packs.yaml.PackDefinitionException;
import dev.scenarist.packs.yaml.tree.SourceLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Where a YAML pack's offline author comes from ({@code offline_author:} in pack.yaml). Opened lazily. */
public sealed interface OfflineAuthorSource {

    /** @throws PackDefinitionException when the source is missing, naming the file and the fix */
    Author open(String packName);

    /** No {@code offline_author:} section. */
    record None(SourceLocation packFile) implements OfflineAuthorSource {
        @Override
        public Author open(String packName) {
            throw new PackDefinitionException(packFile, "offline_author", "pack '" + packName + "' declares no offline author",
                    "add 'offline_author: {cassette: offline/cassette.jsonl}' (recorded replies) or "
                            + "'offline_author: {replies: offline/replies}' (scripted replies) to pack.yaml, or run with a model author");
        }
    }

    /** {@code offline_author: {cassette: offline/cassette.jsonl}}: replay recorded replies. */
    record Cassette(Path file, String written, SourceLocation at) implements OfflineAuthorSource {
        @Override
        public Author open(String packName) {
            if (!Files.isRegularFile(file)) {
                throw new PackDefinitionException(at, "offline_author.cassette", "cassette file '" + written + "' does not exist (looked for "
                        + file + ")", "record it by running the pack once with a model author and recording on, "
                        + "or point offline_author.cassette at an existing cassette");
            }
            try {
                return ModelAuthors.cassette("cassette:" + packName, file);
            } catch (RuntimeException e) {
                throw new PackDefinitionException(at, "offline_author.cassette", "cassette file '" + written + "' cannot be read: "
                        + e.getMessage(), "re-record the cassette");
            }
        }
    }

    /**
     * {@code offline_author: {replies: offline/replies, by: topic}} (or {@code by: [topic, angle]}): scripted replies,
     * one folder level per key parameter's value.
     */
    record Replies(Path folder, List<String> keyParameters, String written, SourceLocation at) implements OfflineAuthorSource {
        @Override
        public Author open(String packName) {
            if (!Files.isDirectory(folder)) {
                throw new PackDefinitionException(at, "offline_author.replies", "replies folder '" + written + "' does not exist (looked for "
                        + folder + ")", "create it with one sub-folder per '" + keyParameters.getFirst() + "' value, or fix the path");
            }
            return new ReplyFolderAuthor("replies:" + packName, folder, keyParameters);
        }
    }
}
