package dev.scenarist.packs.mechanisms.preview;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The real third-party models in {@code ../shared/data/mjcf/valid} (beside the repository), found through
 * {@code -Dscenarist.mjcf.data} (the {@code mjcf} folder), {@code SCENARIST_SHARED_DATA} (the {@code data} folder)
 * or by walking up from the working directory, as the other packages' tests find them.
 */
final class SharedModels {
    static final String MISSING = "the shared data folder ../shared/data/mjcf/valid (real MuJoCo models) is missing:"
            + " previews of real models skipped (put it beside the repository, or set SCENARIST_SHARED_DATA)";

    private SharedModels() {}

    static Optional<Path> validDir() {
        String configured = System.getProperty("scenarist.mjcf.data");
        if (configured != null && Files.isDirectory(Path.of(configured, "valid"))) {
            return Optional.of(Path.of(configured, "valid"));
        }
        String env = System.getenv("SCENARIST_SHARED_DATA");
        if (env != null && !env.isBlank() && Files.isDirectory(Path.of(env, "mjcf", "valid"))) {
            return Optional.of(Path.of(env, "mjcf", "valid"));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/data/mjcf/valid");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    static List<Path> models() {
        Optional<Path> dir = validDir();
        if (dir.isEmpty()) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir.get())) {
            return files.filter(p -> p.getFileName().toString().endsWith(".xml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
