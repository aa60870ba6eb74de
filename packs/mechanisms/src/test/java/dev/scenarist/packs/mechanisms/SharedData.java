package dev.scenarist.packs.mechanisms;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The real third-party MJCF models in {@code ../shared/data/mjcf} (beside the repository): {@code valid/*.xml}, and
 * {@code invalid/*.xml} with {@code invalid/SOURCES.md}. The folder is found through {@code -Dscenarist.mjcf.data}
 * (the {@code mjcf} folder), {@code SCENARIST_SHARED_DATA} (the {@code data} folder) or by walking up from the working
 * directory; the first of those holding a {@code valid} folder wins. Tests that need it skip, saying so
 * ({@link #missing}), where it is absent.
 */
public final class SharedData {
    private SharedData() {}

    /** The skip message: the folder is missing, then what is skipped. */
    public static String missing(String skipped) {
        return "the shared data folder ../shared/data/mjcf (real MuJoCo models) is missing: " + skipped + " (put it "
                + "beside the repository, or set SCENARIST_SHARED_DATA to the data folder or -Dscenarist.mjcf.data to "
                + "the mjcf folder)";
    }

    /** The {@code mjcf} folder, or empty when none is found. */
    public static Optional<Path> mjcfDir() {
        List<Path> candidates = new ArrayList<>();
        String configured = System.getProperty("scenarist.mjcf.data");
        if (configured != null && !configured.isBlank()) {
            candidates.add(Path.of(configured));
        }
        String env = System.getenv("SCENARIST_SHARED_DATA");
        if (env != null && !env.isBlank()) {
            candidates.add(Path.of(env, "mjcf"));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            candidates.add(dir.resolve("shared/data/mjcf"));
        }
        return candidates.stream().filter(c -> Files.isDirectory(c.resolve("valid"))).findFirst();
    }

    /** The {@code mjcf/valid} folder (models MuJoCo loads), or empty when none is found. */
    public static Optional<Path> validDir() {
        return mjcfDir().map(d -> d.resolve("valid"));
    }

    /** The valid models, sorted by name; none when the folder is missing. */
    public static List<Path> validModels() {
        return validDir().map(SharedData::xmlFiles).orElse(List.of());
    }

    /** The {@code .xml} files directly in {@code dir}, sorted by name. */
    public static List<Path> xmlFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".xml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
