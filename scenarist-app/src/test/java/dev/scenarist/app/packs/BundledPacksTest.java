package dev.scenarist.app.packs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unpacking the packs bundled in the application jar: once per jar, again when the jar changes. */
class BundledPacksTest {
    @TempDir
    Path dir;

    @Test
    void anUnchangedJarIsNotUnpackedAgainAndAChangedOneIs() throws IOException {
        Path jar = dir.resolve("app.jar");
        Path target = dir.resolve("data/.bundled-packs");
        writeJar(jar, "name: quiz # v1\n");

        BundledPacks.unpackJar(jar, target);
        assertThat(target.resolve("quiz/pack.yaml")).hasContent("name: quiz # v1\n");

        // a copy of this very jar is trusted: start-up does not open the jar to compare (a file removed from the copy
        // by hand stays removed until the jar changes)
        Files.delete(target.resolve("quiz/pack.yaml"));
        BundledPacks.unpackJar(jar, target);
        assertThat(target.resolve("quiz/pack.yaml")).doesNotExist();

        writeJar(jar, "name: quiz # v2\n");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 5_000));
        BundledPacks.unpackJar(jar, target);
        assertThat(target.resolve("quiz/pack.yaml")).hasContent("name: quiz # v2\n");
    }

    private static void writeJar(Path jar, String packYaml) throws IOException {
        Files.deleteIfExists(jar);
        try (var fs = FileSystems.newFileSystem(jar, Map.of("create", "true"))) {
            Path quiz = fs.getPath("/bundled-packs/quiz");
            Files.createDirectories(quiz);
            Files.writeString(quiz.resolve("pack.yaml"), packYaml);
        }
    }
}
