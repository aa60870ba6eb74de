package dev.scenarist.app.packs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The example packs travel inside the application jar; checks run external commands on their files, so they are
 * unpacked into {@code <data-dir>/.bundled-packs/} (again whenever the jar's copy differs).
 */
public final class BundledPacks {
    private static final String ROOT = "bundled-packs";

    private BundledPacks() {}

    public static Path unpack(Path dataDir) {
        Path target = dataDir.resolve(".bundled-packs");
        URL url = BundledPacks.class.getClassLoader().getResource(ROOT);
        if (url == null) return target;
        try {
            if (url.getProtocol().equals("jar")) {
                String spec = url.toString();
                try (FileSystem fs = FileSystems.newFileSystem(java.net.URI.create(spec.substring(0, spec.indexOf("!/"))), Map.of())) {
                    sync(fs.getPath("/" + ROOT), target);
                }
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

    private static void sync(Path from, Path to) throws IOException {
        String want = digest(from);
        Path stamp = to.resolve(".digest");
        if (Files.exists(stamp) && Files.readString(stamp).equals(want)) return;
        Path tmp = to.resolveSibling(".bundled-packs.tmp");
        dev.scenarist.core.workspace.Workspace.deleteTree(tmp, true);
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path dest = tmp.resolve(from.relativize(p).toString());
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
        Files.writeString(tmp.resolve(".digest"), want, StandardCharsets.UTF_8);
        dev.scenarist.core.workspace.Workspace.deleteTree(to, true);
        Files.move(tmp, to, StandardCopyOption.ATOMIC_MOVE);
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
