package dev.scenarist.sandbox.internal;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.OptionalInt;

/**
 * The sandbox's private {@code /tmp} for one run: a fresh host folder (so it is disk, counted by the
 * {@link Watchdog}, rather than a tmpfs that eats RAM outside every limit), deleted again after the run.
 */
public final class ScratchDir implements AutoCloseable {
    private final Path path;

    private ScratchDir(Path path) {
        this.path = path;
    }

    /** Creates it (mode 700) under {@code parent}, owned by {@code owner} when given. */
    public static ScratchDir create(Path parent, OptionalInt owner) throws IOException {
        Path p = Files.createTempDirectory(parent, "scenarist-sandbox-tmp-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        if (owner.isPresent()) Ownership.give(p, owner.getAsInt(), owner.getAsInt());
        return new ScratchDir(p);
    }

    public Path path() {
        return path;
    }

    /** Deletes the folder and everything in it, also folders the command made unreadable (chmod 000) for us. */
    @Override
    public void close() throws IOException {
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) deleteTree(path);
    }

    /** Deletes {@code root} and everything in it, also folders a sandboxed command made unreadable (chmod 000). */
    public static void deleteTree(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                // a folder left read-only (mode 500) could be listed but not emptied
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                // without root, a folder the command chmodded to 000 cannot be listed until we give it back its mode
                if (!Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) throw e;
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
                deleteTree(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) throw e;
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
