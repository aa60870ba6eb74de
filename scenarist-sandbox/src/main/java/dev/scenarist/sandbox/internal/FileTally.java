package dev.scenarist.sandbox.internal;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * Files and bytes under some folders (the writable areas of a sandbox). Symbolic links are counted, not followed.
 * Sizes are apparent sizes: a sparse file counts with its full length, which is what a later reader has to handle.
 *
 * @param files       entries below the roots (files, folders, links; the roots themselves not counted)
 * @param bytes       sum of the regular files' sizes
 * @param largestFile size of the largest regular file
 * @param complete    false when the count stopped early at a limit, so the numbers are lower bounds
 */
public record FileTally(long files, long bytes, long largestFile, boolean complete) {

    /** Counts everything (no early stop): for the final, exact measurement after the command is gone. */
    public static FileTally of(List<Path> roots) {
        return of(roots, Long.MAX_VALUE, Long.MAX_VALUE);
    }

    /**
     * Counts until more than {@code maxFiles} entries or {@code maxBytes} bytes are seen, then stops: a command
     * writing a million files must not make each check walk a million files.
     */
    public static FileTally of(List<Path> roots, long maxFiles, long maxBytes) {
        Counter c = new Counter(maxFiles, maxBytes);
        for (Path root : roots) {
            if (c.stopped) break;
            try {
                Files.walkFileTree(root, c);
            } catch (IOException e) {
                // the visitor swallows per-file errors; a root that vanished has nothing to count
            }
        }
        return new FileTally(c.files, c.bytes, c.largest, !c.stopped);
    }

    private static final class Counter extends SimpleFileVisitor<Path> {
        private final long maxFiles;
        private final long maxBytes;
        private long files;
        private long bytes;
        private long largest;
        private boolean stopped;
        private int depth;

        Counter(long maxFiles, long maxBytes) {
            this.maxFiles = maxFiles;
            this.maxBytes = maxBytes;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            if (depth++ > 0) files++;
            return next();
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException e) {
            depth--;
            return next();
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            files++;
            if (attrs.isRegularFile()) {
                bytes += attrs.size();
                largest = Math.max(largest, attrs.size());
            }
            return next();
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
            // deleted while we walked, or unreadable: the command's files change under us, that is expected
            return FileVisitResult.CONTINUE;
        }

        private FileVisitResult next() {
            stopped = files > maxFiles || bytes > maxBytes;
            return stopped ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
        }
    }
}
