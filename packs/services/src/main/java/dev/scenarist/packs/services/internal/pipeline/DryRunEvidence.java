package dev.scenarist.packs.services.internal.pipeline;

import dev.scenarist.core.pack.ScenarioAssembly;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Puts the proof that an accepted scenario deploys beside it: the report of its last dry-run (what each task did, the
 * tables PostgreSQL held and their row counts, errors by class) and each task's output, as {@code dry-run/}.
 */
public final class DryRunEvidence {
    /** The folder of the scenario (and of the run's artifacts) that holds the dry-run's reports. */
    public static final String FOLDER = dev.scenarist.packs.services.internal.dryrun.DryRunCheck.ARTIFACTS_DIR;

    private DryRunEvidence() {}

    public static void copyLatest(ScenarioAssembly assembly) {
        Optional<Path> latest = latest(assembly.artifacts().resolve(FOLDER));
        if (latest.isEmpty()) return;
        Path target = assembly.target().resolve(FOLDER);
        try (Stream<Path> files = Files.walk(latest.get())) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path to = target.resolve(latest.get().relativize(f).toString());
                Files.createDirectories(to.getParent());
                Files.copy(f, to);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the dry-run report " + latest.get() + " into the scenario", e);
        }
    }

    /** The highest-numbered attempt folder: the dry-run that passed. */
    private static Optional<Path> latest(Path dir) {
        if (!Files.isDirectory(dir)) return Optional.empty();
        try (Stream<Path> attempts = Files.list(dir)) {
            return attempts.filter(Files::isDirectory).filter(p -> p.getFileName().toString().matches("\\d+"))
                    .max(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the dry-run reports in " + dir, e);
        }
    }
}
