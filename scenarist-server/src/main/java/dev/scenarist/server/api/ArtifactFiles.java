package dev.scenarist.server.api;

import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Files served from a folder under the data directory (a run's folder, a scenario's folder), never from outside it: a
 * path that is absolute, has a {@code ..} or {@code .} segment, a backslash or a NUL is refused (400) before the disk
 * is touched; what it names is resolved with its symbolic links, and refused (404) unless it lies inside both the folder
 * and the data directory. Only regular files are served.
 */
public final class ArtifactFiles {
    private final Path dataDir;

    /** @param dataDir the data directory, which must exist */
    public ArtifactFiles(Path dataDir) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
    }

    /** The regular file {@code relative} names inside {@code folder}, with every link resolved; 400 or 404 otherwise. */
    public Path file(Path folder, String relative) {
        if (relative == null || relative.isEmpty()) throw new HttpResponseException(400, "no file named");
        if (relative.startsWith("/") || relative.indexOf('\\') >= 0 || relative.indexOf('\0') >= 0 || relative.contains(":")) {
            throw new HttpResponseException(400, "file paths are relative to the folder, with '/' between names: " + printable(relative));
        }
        for (String segment : relative.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new HttpResponseException(400, "a file path may not have empty, '.' or '..' segments: " + printable(relative));
            }
        }
        Path base = inside(folder);
        Path candidate = base.resolve(relative).normalize();
        if (!candidate.startsWith(base)) throw new HttpResponseException(400, "the path leaves the folder: " + printable(relative));
        Path real;
        try {
            real = candidate.toRealPath();
        } catch (IOException e) {
            throw new HttpResponseException(404, "no file " + printable(relative));
        }
        if (!real.startsWith(base) || !real.startsWith(realDataDir())) {
            throw new HttpResponseException(404, "no file " + printable(relative) + " (a link to outside the data directory is not served)");
        }
        if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) throw new HttpResponseException(404, "not a file: " + printable(relative));
        return real;
    }

    /** Every regular file under {@code folder} that {@link #file} would serve: relative path and size, in name order. */
    public List<Map<String, Object>> list(Path folder) {
        Path base;
        try {
            base = inside(folder);
        } catch (HttpResponseException e) {
            return List.of();
        }
        List<Map<String, Object>> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(base)) {
            for (Path p : (Iterable<Path>) walk.sorted()::iterator) {
                if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) continue;
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("path", base.relativize(p).toString().replace('\\', '/'));
                f.put("bytes", Files.size(p));
                out.add(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The folder, real, which must lie inside the data directory; 404 if it does not exist. */
    private Path inside(Path folder) {
        Path f = folder.toAbsolutePath().normalize();
        if (!f.startsWith(dataDir)) throw new HttpResponseException(404, "outside the data directory");
        try {
            Path real = f.toRealPath();
            if (!real.startsWith(realDataDir())) throw new HttpResponseException(404, "outside the data directory");
            return real;
        } catch (IOException e) {
            throw new HttpResponseException(404, "no files yet");
        }
    }

    private Path realDataDir() {
        try {
            return dataDir.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String printable(String s) {
        return s.replaceAll("\\p{Cntrl}", "?");
    }
}
