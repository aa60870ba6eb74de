package dev.scenarist.core.pack;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code scenarist validate} asks a pack to check.
 *
 * @param file         the file the user named, if they named one rather than a folder
 * @param allowedReads folders besides the scenario's own that its checks may read from (shared includes, meshes),
 *                     absolute, each given by the person with {@code --allow-read}; packs that read no files outside
 *                     the scenario ignore it
 */
public record ValidationTarget(Optional<String> file, List<Path> allowedReads) {
    public ValidationTarget {
        Objects.requireNonNull(file, "file");
        allowedReads = List.copyOf(allowedReads);
    }

    /** A folder or file with no extra folders to read. */
    public static ValidationTarget of(Optional<String> file) {
        return new ValidationTarget(file, List.of());
    }
}
