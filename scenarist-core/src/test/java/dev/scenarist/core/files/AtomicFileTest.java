package dev.scenarist.core.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    @TempDir
    Path dir;

    @Test
    void writesTheFileAndItsMissingFolders() throws Exception {
        Path file = dir.resolve("a/b/scene.xml");

        AtomicFile.write(file, "<mujoco/>".getBytes(StandardCharsets.UTF_8));

        assertThat(file).hasContent("<mujoco/>");
    }

    @Test
    void replacesAnExistingFileAndLeavesNoTemporaryFileBehind() throws Exception {
        Path file = dir.resolve("export.jsonl");
        Files.writeString(file, "old and longer than the new content");

        AtomicFile.write(file, "new".getBytes(StandardCharsets.UTF_8));

        assertThat(file).hasContent("new");
        try (var listing = Files.list(dir)) {
            assertThat(listing.toList()).containsExactly(file);
        }
    }

    @Test
    void theFileIsNotMadePrivateOnTheWay() throws Exception {
        Path file = dir.resolve("export.jsonl");
        Path plain = Files.createFile(dir.resolve("plain"));

        AtomicFile.write(file, new byte[] {1});

        // whatever the umask allows a plain new file, the written one gets too (a temp file would be rw------- only)
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(Files.getPosixFilePermissions(plain));
        assertThat(Files.getPosixFilePermissions(file)).contains(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }
}
