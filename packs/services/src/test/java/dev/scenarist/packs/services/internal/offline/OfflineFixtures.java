package dev.scenarist.packs.services.internal.offline;

import dev.scenarist.core.author.AuthorRequest;
import dev.scenarist.core.author.ModelSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;

/** Designs, files and requests for the offline author's tests. */
final class OfflineFixtures {
    static final int SEEDS = 50;

    private OfflineFixtures() {}

    static ServiceDesign design(long seed) {
        return ServiceDesigner.design(seed, ServiceDesigner.parameters(seed, Optional.empty()));
    }

    static SortedMap<String, String> clean(long seed) {
        return Implementation.files(design(seed), Set.of());
    }

    static AuthorRequest request(String stage, String prompt, int attempt, long seed) {
        return new AuthorRequest(stage, "system", prompt, ModelSettings.DEFAULTS, attempt, seed, ServiceDesigner.parameters(seed, Optional.empty()));
    }

    /** Writes the files under a fresh folder. */
    static Path write(Path dir, Map<String, String> files) {
        try {
            for (var e : files.entrySet()) {
                Path p = dir.resolve(e.getKey());
                Files.createDirectories(p.getParent());
                Files.writeString(p, e.getValue());
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
