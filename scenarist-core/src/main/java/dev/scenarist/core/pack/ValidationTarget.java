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
 * @param origin       the folder the person named (or the named file's folder), absolute and real. The checks get a
 *                     scratch copy of it unless the pack says they only read ({@link ValidationPlan#readsInPlace}); a check that must read a model where it lies (paths such as {@code ../common/x.xml}
 *                     are relative to the model's own place) reads from here, read-only. Empty when unknown.
 * @param rules        the rule set the person asked for by name ({@link ValidationPlan#ruleSets()}), or empty for the
 *                     pack's default for this target
 */
public record ValidationTarget(Optional<String> file, List<Path> allowedReads, Optional<Path> origin, Optional<String> rules) {
    public ValidationTarget {
        Objects.requireNonNull(file, "file");
        allowedReads = List.copyOf(allowedReads);
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(rules, "rules");
    }

    /** A target with no known origin and the pack's default rules. */
    public ValidationTarget(Optional<String> file, List<Path> allowedReads) {
        this(file, allowedReads, Optional.empty(), Optional.empty());
    }

    /** A folder or file with no extra folders to read. */
    public static ValidationTarget of(Optional<String> file) {
        return new ValidationTarget(file, List.of());
    }
}
