package dev.scenarist.sandbox.internal;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Hands a folder tree to a sandbox uid for a run and gives it back afterwards. Only root does this (it is the only
 * case with a separate uid). Links are never followed, and regular files with more than one hard link are left
 * alone: such a file may also live outside the workspace, and handing it over would let the sandbox write there.
 */
public final class Ownership {
    private final int uid;
    private final int gid;

    private Ownership(int uid, int gid) {
        this.uid = uid;
        this.gid = gid;
    }

    /** The current owner of {@code root}: what {@link #restore} gives the tree back to. */
    public static Ownership of(Path root) throws IOException {
        return new Ownership((Integer) Files.getAttribute(root, "unix:uid", LinkOption.NOFOLLOW_LINKS),
                (Integer) Files.getAttribute(root, "unix:gid", LinkOption.NOFOLLOW_LINKS));
    }

    /** Makes {@code uid:gid} own everything under {@code root}, {@code root} included. */
    public static void give(Path root, int uid, int gid) throws IOException {
        new Ownership(uid, gid).apply(root);
    }

    /** Gives everything under {@code root} (including what the sandbox created) back to this owner. */
    public void restore(Path root) throws IOException {
        apply(root);
    }

    private void apply(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                chown(dir);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (!attrs.isRegularFile() || (Integer) Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS) == 1) chown(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private void chown(Path p) throws IOException {
        Files.setAttribute(p, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(p, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
    }
}
