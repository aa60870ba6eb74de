package dev.scenarist.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's training run: it runs the common commands and leaves SQLite's library where the launcher looks. */
class StartupTrainingTest {
    @TempDir
    Path dir;

    @Test
    void trainingPutsSqlitesLibraryInTheGivenFolderUnderTheNameTheDriverLoads() throws Exception {
        Path nativeDir = dir.resolve("native");

        StartupTraining.train(Optional.of(nativeDir));

        Path library = nativeDir.resolve(System.mapLibraryName("sqlitejdbc"));
        assertThat(library).isRegularFile();
        assertThat(Files.size(library)).as("the whole library, not a partial copy").isGreaterThan(100_000);
        try (var files = Files.list(nativeDir)) {
            assertThat(files.toList()).as("no temporary file left behind").containsExactly(library);
        }
    }
}
