package dev.scenarist.app.packs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import dev.scenarist.core.workspace.Workspace;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The example packs travel inside the application jar; checks run external commands on their files, so they are
 * unpacked into {@code <data-dir>/.bundled-packs/} (again whenever the jar's copy differs).
 */
public final class BundledPacks {
    private static final String ROOT = "bundled-packs";
    private static final String DIGEST = ".digest";
    /**
     * The application jar the installed copy was last found equal to (path, size, modification time): while the jar
     * is unchanged, start-up trusts the copy without opening the jar's 30 000 entries and hashing the packs (about
     * 0.4 s of every command's start).
     */
    private static final String JAR_STAMP = ".jar-stamp";
    /** Replacing can only lose to a process installing a different version; give up after a few such rounds. */
    private static final int MAX_ROUNDS = 5;

    private BundledPacks() {}

    /**
     * The bundled packs where they lie, inside the application jar (or the classes folder in development), for
     * reading only: the preflight loads a pack from here to learn its requirements before anything is written to the
     * data folder. Close it when done; a pack loaded from it is for inspection, not for running checks.
     */
    public static InPlace inPlace() {
        URL url = BundledPacks.class.getClassLoader().getResource(ROOT);
        if (url == null) return new InPlace(null, null);
        try {
            if (url.getProtocol().equals("jar")) {
                String spec = url.toString(); // jar:file:/…/scenarist.jar!/bundled-packs
                Path jar = Path.of(java.net.URI.create(spec.substring("jar:".length(), spec.indexOf("!/"))));
                FileSystem fs = FileSystems.newFileSystem(jar);
                return new InPlace(fs.getPath("/" + ROOT), fs);
            }
            return new InPlace(Path.of(url.toURI()), null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled packs in " + url, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A read-only view of the bundled packs; {@code dir} is null when the application has none. */
    public record InPlace(Path dir, FileSystem fileSystem) implements AutoCloseable {
        @Override
        public void close() {
            if (fileSystem == null) return;
            try {
                fileSystem.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close the application jar", e);
            }
        }
    }

    public static Path unpack(Path dataDir) {
        Path target = dataDir.resolve(".bundled-packs");
        URL url = BundledPacks.class.getClassLoader().getResource(ROOT);
        if (url == null) return target;
        try {
            if (url.getProtocol().equals("jar")) {
                String spec = url.toString(); // jar:file:/…/scenarist.jar!/bundled-packs
                unpackJar(Path.of(java.net.URI.create(spec.substring("jar:".length(), spec.indexOf("!/")))), target);
            } else {
                sync(Path.of(url.toURI()), target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the bundled packs into " + target, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return target;
    }

    /** The packs under {@code bundled-packs/} in {@code jar}, into {@code target}, unless the copy there is of this very jar. */
    static void unpackJar(Path jar, Path target) throws IOException {
        String stamp = stamp(jar);
        if (stamped(target, stamp)) return;
        // a file system of our own, not the shared one registered by URI: two openers in one JVM must not collide
        try (FileSystem fs = FileSystems.newFileSystem(jar)) {
            sync(fs.getPath("/" + ROOT), target);
        }
        writeStamp(target, stamp);
    }

    /**
     * Several processes may start on one fresh data folder at once, so nothing here uses a fixed temporary name: each
     * unpacks into a folder of its own and renames it into place. Whoever renames first wins; the others find the
     * same digest there and drop their copy. A stale copy (another jar version) is first renamed aside, again under a
     * name of its own, so two processes replacing it never delete each other's folders.
     */
    private static void sync(Path from, Path to) throws IOException {
        String want = digest(from);
        if (installed(to, want)) return;
        Files.createDirectories(to.getParent());
        Path mine = Files.createTempDirectory(to.getParent(), ".bundled-packs.new-");
        readableByAll(mine); // temporary folders are made private; the installed packs were not
        try {
            copyTree(from, mine);
            Files.writeString(mine.resolve(DIGEST), want, StandardCharsets.UTF_8);
            for (int round = 0; round < MAX_ROUNDS; round++) {
                if (installed(to, want)) return;
                moveAside(to);
                try {
                    Files.move(mine, to, StandardCopyOption.ATOMIC_MOVE);
                    return;
                } catch (FileSystemException anotherWasFaster) {
                    // another process put its copy there between our two renames: look at what it installed
                }
            }
            throw new IOException(to + " kept being replaced while this process unpacked the bundled packs; is a"
                    + " Scenarist of another version using the same data directory at the same time?");
        } finally {
            Workspace.deleteTree(mine, true);
        }
    }

    private static String stamp(Path jar) throws IOException {
        var attributes = Files.readAttributes(jar, java.nio.file.attribute.BasicFileAttributes.class);
        return jar.toRealPath() + "|" + attributes.size() + "|" + attributes.lastModifiedTime().toMillis();
    }

    private static boolean stamped(Path target, String stamp) throws IOException {
        try {
            return Files.readString(target.resolve(JAR_STAMP)).equals(stamp) && Files.isRegularFile(target.resolve(DIGEST));
        } catch (NoSuchFileException notYet) {
            return false;
        }
    }

    /**
     * Written after the copy was found (or made) equal to the jar's packs; by way of a file of its own and a rename, as
     * several processes may write it at once (all with the same content for the same jar).
     */
    private static void writeStamp(Path target, String stamp) throws IOException {
        Path mine = Files.createTempFile(target, JAR_STAMP + ".", ".new");
        try {
            Files.writeString(mine, stamp, StandardCharsets.UTF_8);
            Files.move(mine, target.resolve(JAR_STAMP), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(mine);
        }
    }

    private static void readableByAll(Path dir) throws IOException {
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder inherits its parent's permissions anyway
        }
    }

    private static boolean installed(Path to, String digest) throws IOException {
        try {
            return Files.readString(to.resolve(DIGEST)).equals(digest);
        } catch (NoSuchFileException notThere) {
            return false;
        }
    }

    /** Renames an outdated copy out of the way, then deletes it; tolerates another process having moved it first. */
    private static void moveAside(Path to) throws IOException {
        if (!Files.exists(to)) return;
        Path old = Files.createTempDirectory(to.getParent(), ".bundled-packs.old-");
        try {
            Files.move(to, old, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (NoSuchFileException alreadyMoved) {
            // another process moved it aside first
        } finally {
            Workspace.deleteTree(old, true);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(dest);
                else {
                    Files.createDirectories(dest.getParent());
                    try (InputStream in = Files.newInputStream(p)) {
                        Files.copy(in, dest, StandardCopyOption.REPLACE_EXISTING);
                    }
                    if (p.getFileName().toString().endsWith(".sh")) dest.toFile().setExecutable(true);
                }
            }
        }
    }

    private static String digest(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            List<Path> files = s.filter(Files::isRegularFile).sorted().toList();
            for (Path f : files) {
                md.update(root.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                md.update(Files.readAllBytes(f));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
