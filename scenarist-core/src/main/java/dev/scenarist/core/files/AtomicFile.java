package dev.scenarist.core.files;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * File writes that never leave a half-written file behind (a killed template build, an interrupted export): write a
 * sibling temporary file under a name of its own, so concurrent writers never share one, then rename it over.
 */
public final class AtomicFile {
    private AtomicFile() {}

    /** Replaces {@code file} with {@code bytes}, creating its folder; readers see the old content or the new, never half. */
    public static void write(Path file, byte[] bytes) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = newSibling(dir, file.getFileName().toString());
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                // a file system without atomic rename: the best it offers, the final name still never appears empty
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * An empty hidden file next to the target, under a name nobody else uses. Not {@link Files#createTempFile}: that
     * makes the file private (mode 600) and the rename would hand that mode on to, say, an exported JSONL file.
     */
    private static Path newSibling(Path dir, String name) throws IOException {
        while (true) {
            Path tmp = dir.resolve("." + name + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
            try {
                return Files.createFile(tmp);
            } catch (FileAlreadyExistsException taken) {
                // another writer drew the same name: draw again
            }
        }
    }
}
